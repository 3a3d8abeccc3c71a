"""Issue 15 in a browser, at 390 px (phone) and 1366 px (laptop), screenshots in var/screenshots/:
«Мои пары» and the consents stack into cards on a phone and never scroll sideways (item 12); the mentor base
keeps its number and name on screen while its columns scroll, hides the columns a user does not want and packs
itself in a compact mode — remembered for that user (item 13); no filter's placeholder is cut."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Consent, ConsentKind
from accounts.testing.axe import assert_accessible
from conftest import make_bases, screenshot_path, sign_in
from mentoring.tests.test_screens import add_mentees

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 800}
SIZES = [(PHONE, "390"), (LAPTOP, "1366")]

DOCUMENT_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
# Every text field or select whose placeholder (or chosen option) is wider than its box: the text is cut.
CUT_PLACEHOLDERS = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('main input[placeholder], main select')].filter(el => {
    const style = getComputedStyle(el);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = el.tagName === 'SELECT' ? el.options[el.selectedIndex]?.text || '' : el.placeholder;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return el.offsetParent !== null && canvas.measureText(text).width > room + 1;
  }).map(el => el.name + ': ' + (el.placeholder || el.options[el.selectedIndex]?.text) + ` (${el.clientWidth} px)`);
}"""


def no_sideways_scroll(page, where):
    scroll, inner = page.evaluate(DOCUMENT_WIDTH)
    assert scroll <= inner, f"{where}: the document is {scroll} px wide in a {inner} px window"


def inside_window(page, locator, where):
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (where, box)


@pytest.fixture
def mentor_with_pair(world, active_pair):
    make_bases(world)
    return active_pair


def test_my_pairs_and_consents_on_a_phone_and_a_laptop(world, live_server, page, mentor_with_pair):
    pair = mentor_with_pair
    Consent.objects.create(
        organization=world.school,
        subject=world.persons["child"],
        signer=world.persons["parent"],
        kind=ConsentKind.PERSONAL_DATA,
        status=Consent.Status.WITHDRAWN,
        method=Consent.Method.ONLINE,
        given_at="2025-09-01T10:00:00+03:00",
        withdrawn_at="2025-10-01T10:00:00+03:00",
        requested_at="2025-09-01T09:00:00+03:00",
    )
    add_mentees(world, 60)  # the tracker has two pages
    for who, url, checks in [
        (
            "mentor",
            reverse("mentoring:pair.list"),
            ["Сидоров Павел Игоревич", pair.get_status_display(), "Период"],
        ),
        ("parent", reverse("mentoring:consent.mine"), ["не действует", "отозвано 01.10.2025"]),
        ("coordinator", reverse("mentoring:consent.tracker"), ["Ученикова000", "1 из 2"]),
        (
            "coordinator",
            reverse("mentoring:pair.list"),
            ["Иванова Мария Петровна", pair.get_status_display()],
        ),
        ("coordinator", reverse("mentoring:mentee_base.list"), ["База наставляемых", "1 из 2"]),
    ]:
        page.context.clear_cookies()
        page.set_viewport_size(LAPTOP)
        sign_in(page, live_server, who)
        page.goto(live_server.url + url)
        for size, label in SIZES:
            page.set_viewport_size(size)
            for text in checks:
                target = page.locator("main").get_by_text(text, exact=False).locator("visible=true").first
                expect(target).to_be_visible()
                if text != "Период" or label == "390":  # the column title shows as a cell label on a phone
                    inside_window(page, target, f"{who} {url} {label}: {text}")
            no_sideways_scroll(page, f"{who} {url} at {label} px")
            assert not page.evaluate(CUT_PLACEHOLDERS), (who, label, page.evaluate(CUT_PLACEHOLDERS))
            page.screenshot(
                path=screenshot_path(f"issue15-{who}-{url.strip('/').replace('/', '-')}-{label}.png"),
                full_page=True,
            )
        assert_accessible(page, f"{who} {url}")
    # On a phone the mentor's pair is a card: its status sits below its period, not beside it off-screen.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "mentor")
    page.goto(live_server.url + reverse("mentoring:pair.list"))
    period = page.locator("#my-pairs td[data-label='Период']").first.bounding_box()
    status = page.locator("#my-pairs td[data-label='Статус']").first.bounding_box()
    assert status["y"] >= period["y"] + period["height"] - 1


def test_mentor_base_on_a_laptop_sticky_name_columns_and_compact_mode_remembered(
    world, live_server, page, mentor_with_pair
):
    url = live_server.url + reverse("mentoring:mentor_base.list")
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, "coordinator")
    page.goto(url)
    no_sideways_scroll(page, "mentor base at 1366 px")
    assert not page.evaluate(CUT_PLACEHOLDERS), page.evaluate(CUT_PLACEHOLDERS)
    page.screenshot(path=screenshot_path("issue15-mentor-base-1366-full.png"))
    # The table scrolls inside its frame; the name stays where it was.
    name = page.locator("#base-table td.sticky-name").first
    before = name.bounding_box()["x"]
    frame = page.locator(".base-scroll")
    frame.evaluate("el => { el.scrollLeft = 800; }")
    assert frame.evaluate("el => el.scrollLeft") > 0  # the full table is wider than the window
    assert abs(name.bounding_box()["x"] - before) < 1
    page.screenshot(path=screenshot_path("issue15-mentor-base-1366-scrolled.png"))

    # Choose the columns and the compact mode.
    page.locator("#base-columns summary").click()
    for code in (
        "achievements",
        "interests",
        "desired_mentee_age",
        "time_resource",
        "entry_date",
        "mentee_workplace",
        "results",
        "case_link",
    ):
        box = page.locator(f"#col-{code}")
        if box.count():
            box.uncheck()
    page.locator("#compact-mode").check()
    page.get_by_role("button", name="Применить").click()
    page.wait_for_load_state()
    expect(page.locator("#base-table.base-compact")).to_be_visible()
    expect(
        page.locator("#base-table th", has_text="Важные для программы достижения наставника")
    ).to_have_count(0)
    expect(page.locator("#base-columns summary")).to_contain_text("скрыто")
    no_sideways_scroll(page, "compact mentor base at 1366 px")
    page.screenshot(path=screenshot_path("issue15-mentor-base-1366-compact.png"), full_page=True)
    assert_accessible(page, "compact mentor base")

    # Remembered on the server: another browser of the same user sees the same view.
    context = page.context.browser.new_context(locale="ru-RU", viewport=LAPTOP)
    other = context.new_page()
    sign_in(other, live_server, "coordinator")
    other.goto(url)
    expect(other.locator("#base-table.base-compact")).to_be_visible()
    shown = other.locator("#base-table thead th").count()
    context.close()
    assert shown == page.locator("#base-table thead th").count()

    # On a phone the table scrolls in its frame too; the page does not.
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page, "mentor base at 390 px")
    page.screenshot(path=screenshot_path("issue15-mentor-base-390.png"), full_page=True)
    # «Показать все» restores the full table.
    page.locator("#base-columns summary").click()
    page.get_by_role("button", name="Показать все").click()
    page.wait_for_load_state()
    expect(
        page.locator("#base-table th", has_text="Важные для программы достижения наставника")
    ).to_have_count(1)
    expect(page.locator("#base-table.base-compact")).to_have_count(0)
    _ = date  # noqa: F841
