"""Issue 15, screens: «Мои пары» says who the pair is with, its form, period and status; the stacked rows a
phone shows (the browser journey checks the layout, here the markup it relies on)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def my_pairs_rows(html: str) -> list[str]:
    table = html.split('id="my-pairs"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], flags=re.S)


def test_my_pairs_of_a_mentor_links_the_mentees_not_the_mentor_and_shows_form_period_status(
    world, client, active_pair
):
    html = world.client(client, "mentor").get(reverse("mentoring:pair.list")).content.decode()
    [row] = my_pairs_rows(html)
    link = re.search(r'<a href="/m/pairs/\d+/">(.*?)</a>', row, flags=re.S).group(1)
    assert "Сидоров Павел Игоревич" in link
    assert "Иванова" not in row  # the mentor's own name is not the pair's title
    assert "вы — наставник" in row
    assert active_pair.form.name in row
    assert f"{active_pair.start_date:%d.%m.%Y} – {active_pair.end_date:%d.%m.%Y}" in row
    assert active_pair.get_status_display() in row
    # each cell is titled for the stacked layout below md
    for label in ("Пара", "Форма", "Период", "Статус"):
        assert f'data-label="{label}"' in row


def test_my_pairs_of_a_parent_names_the_mentor_and_the_child(world, client, active_pair):
    html = world.client(client, "parent").get(reverse("mentoring:pair.list")).content.decode()
    [row] = my_pairs_rows(html)
    link = re.search(r'<a href="/m/pairs/\d+/">(.*?)</a>', row, flags=re.S).group(1)
    assert "Иванова Мария Петровна" in link
    assert "наставляемые: Сидоров Павел Игоревич" in row
    assert active_pair.get_status_display() in row


def test_the_coordinators_register_keeps_the_mentor_column_and_stacks_on_a_phone(world, client, active_pair):
    html = world.client(client, "coordinator").get(reverse("mentoring:pair.list")).content.decode()
    assert 'id="my-pairs"' not in html
    assert 'class="table table-hover bg-white align-middle table-stack"' in html
    assert 'data-label="Наставник"' in html and "Иванова Мария Петровна" in html
