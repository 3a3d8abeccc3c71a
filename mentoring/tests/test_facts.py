"""The facts mentoring registers for the roadmap (mentoring/selectors/facts.py): each holds exactly when the
year's work shows it, with its evidence."""

from datetime import date

from django.urls import reverse

from conftest import make_bases
from mentoring import facts, services
from mentoring.models import IndividualPlan, MenteeProfile, Order, PlanItem
from mentoring.tests.test_reviews import COMPLETE

KEYS = {
    "target_model_order_signed",
    "curators_appointed",
    "mentee_base_formed",
    "mentor_base_formed",
    "bases_formed",
    "mentor_school_order_signed",
    "pairs_order_signed",
    "plans_approved",
    "reviews_received",
    "reward_order_signed",
    "final_event_order_signed",
}


def _sign(order, world):
    services.order_submit(order=order, by=world.users["coordinator"])
    return services.order_approve(order=order, by=world.users["director"])


def test_mentoring_registers_its_facts():
    assert KEYS <= {fact.key for fact in facts.all_facts()}


def test_the_pairs_order_fact_holds_once_the_director_signs(world, programme, agreed_pair):
    assert facts.evidence("pairs_order_signed", programme) is None
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    assert facts.evidence("pairs_order_signed", programme) is None  # submitted is not signed
    order = services.order_approve(order=order, by=world.users["director"])
    evidence = facts.evidence("pairs_order_signed", programme)
    assert evidence.on == order.approved_on
    assert evidence.text == f"Приказ от {order.approved_on:%d.%m.%Y} № {order.number}"
    assert evidence.url == reverse("mentoring:order.detail", args=[order.pk])


def test_a_cancelled_order_is_no_evidence(world, programme):
    order = _sign(
        services.order_draft_from_programme(
            programme=programme, kind=Order.Kind.CURATORS, by=world.users["coordinator"]
        ),
        world,
    )
    assert facts.evidence("curators_appointed", programme) is not None
    cancel = services.order_draft_free(
        organization=world.school,
        title="Об отмене",
        by=world.users["coordinator"],
        amends=order,
        amendment="cancels",
    )
    _sign(cancel, world)
    assert facts.evidence("curators_appointed", programme) is None


def test_bases_are_formed_when_both_have_entries_by_1_october(world, programme):
    assert facts.evidence("bases_formed", programme) is None
    make_bases(world)  # entries dated 01.09.2025
    evidence = facts.evidence("bases_formed", programme)
    assert evidence.on == date(2025, 10, 1) and "наставников — 1, наставляемых — 3" in evidence.text
    MenteeProfile.objects.update(entered_on=date(2025, 10, 2))  # entered too late for this year
    assert facts.evidence("bases_formed", programme) is None
    assert facts.evidence("mentee_base_formed", programme) is None
    assert facts.evidence("mentor_base_formed", programme) is not None


def test_plans_and_reviews_hold_only_when_every_mentee_has_one(world, programme, active_pair):
    child, mentor = world.persons["child"], world.users["mentor"]
    assert facts.evidence("plans_approved", programme) is None
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=active_pair, mentee=child, start_date=date(2025, 10, 1), end_date=date(2026, 5, 29)
        ),
        by=mentor,
    )
    services.plan_item_save(item=PlanItem(plan=plan, activity="Знакомство", period="октябрь"), by=mentor)
    services.plan_submit(plan=plan, by=mentor)
    assert facts.evidence("plans_approved", programme) is None
    services.plan_approve(plan=plan, by=world.users["curator"])
    assert facts.evidence("plans_approved", programme).text == "Утверждено планов: 1"
    assert facts.evidence("reviews_received", programme) is None
    services.review_save(pair=active_pair, mentee=child, answers=COMPLETE, submit=True, by=mentor)
    assert facts.evidence("reviews_received", programme).text == "Получено отзывов: 1"


def test_an_unregistered_fact_has_no_evidence(programme):
    assert facts.get("no_such_fact") is None
    assert facts.evidence("no_such_fact", programme) is None
