"""«Что сделать сейчас» (mentoring.selectors.pending): the counts of each role's pending work, one query each,
and the home page that shows them with the roadmap's panel."""

from datetime import date

from django.urls import reverse

from accounts.actor import Actor
from conftest import give_consents, make_bases
from mentoring import services
from mentoring.models import MentoringForm, SafeguardingReport
from mentoring.selectors.pending import pending_work


def _work(world, role, today=date(2025, 11, 10)):
    actor = Actor.of(world.users[role], world.school)
    return {item.key: item for item in pending_work(actor, today)}


def test_the_coordinator_is_told_about_agreed_pairs_consents_and_mentees_without_a_pair(world, agreed_pair):
    work = _work(world, "coordinator")
    order = work["pairs_without_order"]
    assert order.count == 1 and order.action == "Составить приказ"
    assert order.url == reverse("mentoring:order.create") + "?kind=pairs"
    # In the bases: the mentor and the young teacher consented; the two children did not.
    assert work["consents_missing"].count == 2
    assert work["consents_missing"].url.endswith("?state=missing")
    assert work["mentees_unpaired"].count == 2
    services.order_draft_pairs(
        programme=agreed_pair.programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    assert "pairs_without_order" not in _work(world, "coordinator")


def test_the_director_is_told_what_to_sign_and_the_coordinator_what_came_back(world, agreed_pair):
    by = world.users["coordinator"]
    order = services.order_draft_pairs(programme=agreed_pair.programme, pairs=[agreed_pair], by=by)
    services.order_submit(order=order, by=by)
    assert _work(world, "director")["orders_to_sign"].count == 1
    assert "orders_to_sign" not in _work(world, "coordinator")
    services.order_return(order=order, comment="Уточните период", by=world.users["director"])
    returned = _work(world, "coordinator")["orders_returned"]
    assert returned.count == 1 and returned.tone == "danger"
    assert "orders_to_sign" not in _work(world, "director")


def test_reviews_due_carry_the_production_calendar_date_and_become_late(world, active_pair):
    # The pair ends on 29.05.2026: the review is due on 22.05.2026, five working days before.
    soon = _work(world, "curator", today=date(2026, 5, 15))["reviews_due"]
    assert soon.count == 1 and "22.05.2026" in soon.note
    assert "reviews_due" not in _work(world, "curator", today=date(2026, 4, 1))
    late = _work(world, "curator", today=date(2026, 5, 25))
    assert late["reviews_late"].count == 1 and "reviews_due" not in late
    assert _work(world, "mentor", today=date(2026, 5, 25))["reviews_late"].count == 1


def test_plans_and_safeguarding_for_the_curator_of_the_area(world, active_pair):
    work = _work(world, "mentor")
    assert work["plans_to_fill"].count == 1
    assert work["plans_to_fill"].url == reverse("mentoring:pair.detail", args=[active_pair.pk])
    services.safeguarding_report(
        pair=active_pair,
        mentee=world.persons["child"],
        kind=SafeguardingReport.Kind.THREAT,
        description="Тревожные высказывания",
        by=world.users["mentor"],
    )
    assert _work(world, "curator")["safeguarding_open"].count == 1
    assert "safeguarding_open" not in _work(world, "director")


def test_parents_and_mentees_are_asked_for_consents_and_agreement(world, programme):
    make_bases(world)
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_pupil"),
        mentor=world.persons["mentor"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 29),
        by=world.users["coordinator"],
        mentees=[world.persons["child"]],
    )
    parent = _work(world, "parent")
    assert parent["consents_to_sign"].count == 1 and parent["consents_to_sign"].url == reverse(
        "mentoring:consent.mine"
    )
    assert parent["agreements"].url == reverse("mentoring:pair.detail", args=[pair.pk])
    assert _work(world, "mentor")["agreements"].count == 1
    give_consents(world.persons["child"])
    assert "consents_to_sign" not in _work(world, "parent")


def test_each_count_is_one_query_whatever_the_rows(
    world, agreed_pair, active_pair, django_assert_num_queries
):
    actor = Actor.of(world.users["coordinator"], world.school)
    with django_assert_num_queries(
        8
    ):  # returned, without an order, consents, unpaired, plans, pairs to resume, reviews, reports
        pending_work(actor, date(2025, 11, 10))
    mentor = Actor.of(world.users["mentor"], world.school)
    mentor.own_and_ward_ids  # noqa: B018 — the actor loads the card and the children once per request
    with django_assert_num_queries(5):  # agreements, plans, reviews, orders to read, consents
        pending_work(mentor, date(2025, 11, 10))


def test_the_home_page_says_what_to_do(world, client, agreed_pair, django_assert_max_num_queries):
    client = world.client(client, "coordinator")
    with django_assert_max_num_queries(25):
        text = client.get(reverse("home")).content.decode()
    assert "Что сделать сейчас" in text and "Согласованные пары без приказа" in text
    assert "Составить приказ" in text and "Участники без действующего согласия" in text
