"""The accessibility gate over the demo (WCAG 2.1 AA, ГОСТ Р 52872-2019): every demo login follows the links of
its home page, as the demo crawl of test_demo_data does, to the pages three clicks away (where the plans are),
and axe-core checks each page it opens at 1366 px (laptop) and at 390 px (phone), where the page must not
scroll sideways either.

One browser, one sign-in per role. A page of one kind (the same path with other ids) is opened once per role:
axe judges templates, and thirty pair pages would say what one says; the states a crawl cannot reach (forms
with errors, the plan's inline rows) are checked by the journeys."""

import re
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from accounts.testing.axe import axe_violations, describe, sideways_overflow
from mentoring.demo import DEMO_LOGINS, DEMO_PASSWORD
from mentoring.models import MentoringForm

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
SKIPPED = ("/static/", "/media/", "/admin/", "/accounts/logout")
# Files, not pages (a download aborts page.goto), matched anywhere in the path.
DOCUMENTS = ("/pdf/", "/download/", ".xlsx", ".pdf", ".ics", ".zip", "/letters/", "/template/", "/scan/")
PER_KIND = 1
DEPTH = 4  # the home page and three clicks from it
# Pages the gate must have reached (the states the accessibility audit of issue 17 measured).
MUST_OPEN = {
    "coordinator": {
        "/m/pairs/",
        "/m/pairs/<n>/",
        "/m/plans/<n>/",
        "/m/bases/mentors/",
        "/m/bases/mentees/",
        "/m/consents/",
        "/m/orders/",
        "/m/orders/<n>/",
    },
    "mentor": {"/m/pairs/<n>/", "/m/plans/<n>/"},
    "parent": {"/m/pairs/<n>/", "/m/consents/mine/"},
}
WIDTHS = "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def kind_of(path: str) -> str:
    return re.sub(r"\d+", "<n>", path)


def page_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIPPED) or any(marker in parts.path for marker in DOCUMENTS):
            continue
        paths.append(parts.path)
    return paths


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button:has-text('Войти')")
    page.wait_for_url(base_url + "/")


def check_page(page, where: str) -> list[str]:
    """axe and reflow at the laptop width, then again at the phone width (the same document, resized)."""
    problems = []
    for size, label in ((LAPTOP, "1366 px"), (PHONE, "390 px")):
        page.set_viewport_size(size)
        page.evaluate(NEXT_FRAME)  # the page's resize handlers have run
        violations = axe_violations(page)
        if violations:
            problems.append(f"{where} at {label}:\n{describe(violations)}")
        overflow = sideways_overflow(page)
        if overflow > 0:
            problems.append(f"{where} at {label}: {overflow} px wider than the viewport")
        # Issue 15: the document is never wider than the window (a wide table scrolls inside its own frame).
        widths = page.evaluate(WIDTHS)
        if widths["scroll"] > widths["inner"]:
            problems.append(
                f"{where} at {label}: document {widths['scroll']} px wide in a {widths['inner']} px window"
            )
    page.set_viewport_size(LAPTOP)
    return problems


def crawl(page, base_url: str, username: str) -> tuple[list[str], list[str]]:
    """Follow the links from the home page, DEPTH levels; return the pages opened and the problems found."""
    sign_in(page, base_url, username)
    opened, problems, per_kind = [], [], {}
    seen, frontier = set(), ["/"]
    for _depth in range(DEPTH):
        found = []
        for path in frontier:
            if path in seen:
                continue
            seen.add(path)
            kind = kind_of(path)
            if per_kind.get(kind, 0) >= PER_KIND:
                continue
            per_kind[kind] = per_kind.get(kind, 0) + 1
            try:
                response = page.goto(base_url + path)
            except PlaywrightError as error:  # a file the server sends as an attachment, not a page
                if "Download is starting" in str(error):
                    continue
                raise
            assert response is not None and response.status < 400, (
                username,
                path,
                response and response.status,
            )
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            opened.append(path)
            problems.extend(check_page(page, f"{username} {path}"))
            found.extend(page_links(page))
        frontier = found
    return opened, problems


def test_every_demo_page_passes_axe_at_laptop_and_phone_width(transactional_db, live_server, page):
    if (
        not MentoringForm.objects.exists()
    ):  # an earlier live-server test flushed what the data migration loaded
        import_module("mentoring.migrations.0002_load_catalogues").load(apps, None)
    call_command("demo_data", stdout=open("/dev/null", "w"))
    browser = page.context.browser
    problems = []
    for username, _ in DEMO_LOGINS:
        if username == "admin":
            continue
        context = browser.new_context(locale="ru-RU", viewport=LAPTOP)
        role_page = context.new_page()
        role_page.set_default_timeout(15000)
        opened, found = crawl(role_page, live_server.url, username)
        context.close()
        problems.extend(found)
        assert len(opened) > 3, (username, opened)
        assert MUST_OPEN.get(username, set()) <= {kind_of(path) for path in opened}, (username, opened)
    assert not problems, "\n\n".join(problems)
