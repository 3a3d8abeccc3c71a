"""The coordinator's journey to the analytical report in a real browser: «Опросы и мониторинг» → the dashboard
(every chart drawn from the table beside it), the SWOT and the conclusions written in a form, then the справка
downloaded as the PDF the director signs — with the conclusions in it — on a laptop and on a phone."""

from io import BytesIO

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import screenshot_path, sign_in

pytestmark = pytest.mark.browser


def test_the_coordinator_writes_the_conclusions_and_downloads_the_report(world, live_server, page, programme):
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, live_server, "coordinator")
    page.click("nav >> text=Опросы и мониторинг")
    page.click("nav >> text=Показатели и аналитическая справка")
    expect(page.locator("h1")).to_have_text("Показатели программы наставничества")
    # Chart.js drew every chart (a canvas it has sized), each beside the table it was drawn from.
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() > 0
    for index in range(canvases.count()):
        canvas = canvases.nth(index)
        expect(canvas).to_be_visible()
        assert canvas.evaluate(
            "c => c.width > 0 && c.height > 0 && c.hasAttribute('style')"
        )  # Chart.js sized it
        assert page.locator(f"#{canvas.get_attribute('data-table')}").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("dashboard_1366.png"), full_page=True)

    page.click("text=SWOT, выводы и предложения")
    page.fill("#id_conclusions", "Программа выполнена; охват педагогов достиг цели года.")
    page.fill("#id_proposals", "Провести «Школу наставников» для классных руководителей.")
    page.click("form [type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("SWOT-анализ, выводы и предложения сохранены.")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("dashboard_390.png"), full_page=True)

    href = page.locator("a:has-text('Аналитическая справка (PDF)')").get_attribute("href")
    assert href == reverse("monitoring:report.pdf", args=[programme.pk])
    response = page.request.get(live_server.url + href)  # the signed-in browser's own session
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(leaf.extract_text() for leaf in PdfReader(BytesIO(response.body())).pages)
    assert "Информационно-аналитическая справка" in " ".join(text.split())
    assert "охват педагогов достиг цели года" in " ".join(text.split())
