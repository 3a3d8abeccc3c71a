"""What the accessibility of every page rests on, checked without a browser: the error summary of a failed
form with links to its fields, the fields marked and tied to their messages, the skip link, header cells of
the actions columns, and the colours of static/css/a11y.css against the backgrounds they sit on. (The
browser side — focus, the title, axe over the demo — is in test_journey_keyboard and test_journey_accessibility.)"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.urls import reverse

from accounts.services import consents

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "a11y.css"


class Elements(HTMLParser):
    """Every element's attributes by id, and the links of the error summary."""

    def __init__(self, html: str):
        super().__init__()
        self.by_id, self.summary_links, self.summaries, self._in_summary = {}, [], 0, 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.by_id[attrs["id"]] = (tag, attrs)
        if "data-error-summary" in attrs:
            self.summaries += 1
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        elif self._in_summary and tag == "a":
            self.summary_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._in_summary and tag == "div":
            self._in_summary -= 1


def assert_field_marked(elements: Elements, field_id: str) -> None:
    _, attrs = elements.by_id[field_id]
    assert attrs.get("aria-invalid") == "true", field_id
    described = attrs.get("aria-describedby", "").split()
    assert described and all(ref in elements.by_id for ref in described), (field_id, described)


def test_a_crispy_form_opens_with_an_error_summary_linking_its_fields(world, programme, client):
    world.client(client, "coordinator")
    response = client.post(reverse("mentoring:pair.create"), {"programme": programme.pk})
    assert response.status_code == 200
    page = Elements(response.content.decode())
    assert page.summaries == 1
    assert "#id_form" in page.summary_links and "#id_mentor" in page.summary_links
    assert "#id_programme" not in page.summary_links  # the field that was right is not listed
    for link in page.summary_links:
        assert_field_marked(page, link[1:])
    assert "В форме есть ошибки" in response.content.decode()


def test_a_form_error_from_the_service_is_in_the_summary_too(world, client):
    response = client.post(reverse("accounts:login"), {"username": "coordinator", "password": "wrong"})
    html = response.content.decode()
    assert Elements(html).summaries == 1
    assert "правильные имя пользователя и пароль" in html


def test_the_hand_laid_consent_form_has_the_summary_and_marked_fields(world, client):
    [(link, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    url = reverse("mentoring:consent.sign", args=[token])
    client.post(url, {"step": "verify", "code": consents.consent_code_issue(link=link)})  # the signer's proof
    response = client.post(url, {"signed_name": "Сидорова Елена"})
    page = Elements(response.content.decode())
    assert page.summaries == 1 and "#id_signed_name" in page.summary_links
    assert_field_marked(page, "id_signed_name")
    assert "Введите фамилию, имя и отчество" in response.content.decode()
    # a page without errors has no summary and no marks
    page = Elements(client.get(url).content.decode())
    assert page.summaries == 0 and "aria-invalid" not in page.by_id["id_signed_name"][1]


def test_every_page_starts_with_a_skip_link_to_the_content(world, client):
    world.client(client, "coordinator")
    html = client.get(reverse("home")).content.decode()
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#content"' in first_link and "Перейти к содержанию" in body[: body.index("</a>")]
    assert Elements(html).by_id["content"][0] == "main"


def test_actions_columns_have_a_header(world, client):
    world.client(client, "coordinator")
    html = client.get(reverse("accounts:invitation.list")).content.decode()
    assert "<th></th>" not in html
    assert '<th scope="col"><span class="visually-hidden">Действия</span></th>' in html


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_colours_reach_the_contrast_of_wcag_aa_on_every_background():
    css = CSS.read_text()
    colours = dict(re.findall(r"--app-([a-z-]+):\s*(#[0-9a-f]{6})", css))
    # the page, a card, and the tinted rows the templates use (table-warning, -info, -danger, -success)
    backgrounds = [colours["page-bg"], "#ffffff", "#fff3cd", "#cff4fc", "#f8d7da", "#d1e7dd"]
    for text in ["primary", "primary-dark", "secondary", "danger", "success", "warning-text"]:
        for background in backgrounds:
            assert contrast(colours[text], background) >= 4.5, (text, background)
    for background in backgrounds:  # borders of controls and the focus ring: 3:1 (WCAG 1.4.11)
        assert contrast(colours["control-border"], background) >= 3, background
        assert contrast(colours["focus-ring"], background) >= 3, background
    assert contrast(colours["primary"], "#ffffff") >= 4.5  # white text on the primary buttons
    # Bootstrap's own blue fails on the page: the test would see it come back
    assert contrast("#0d6efd", colours["page-bg"]) < 4.5
