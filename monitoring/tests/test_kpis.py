"""KPIs of a programme (monitoring.selectors.kpis), stage 2 (monitoring.selectors.effect), the SWOT, and the
monitoring roadmap events completing themselves when campaigns close."""

from datetime import date

import pytest
from django.utils import timezone
from scipy import stats

from conftest import give_consents
from mentoring.models import Meeting, MentorProfile, PairMentee
from mentoring.tests.factories import add_item, make_plan, submit_review
from monitoring import services
from monitoring.selectors.effect import change_of, effect_of
from monitoring.selectors.kpis import kpis_of
from monitoring.services.analysis import swot_prefill
from monitoring.tests.conftest import answer_all, invitation_of, make_campaign, make_questionnaire

TODAY = date(2026, 6, 1)


@pytest.fixture
def pairs(world, active_pair, agreed_pair):
    return active_pair, agreed_pair


def test_coverage_pairs_and_waiting(world, programme, pairs):
    k = kpis_of(programme, today=TODAY)
    # Staff of the world's school: coordinator, curator, director, mentor, mentee, observer; the mentee is in a pair.
    assert (k.teachers_total, k.teachers_in_programme) == (6, 1)
    assert (k.students_total, k.students_in_programme) == (2, 1)  # the child in, the stranger's child waiting
    assert k.teachers_pct == 16.7 and k.teachers_lagging  # target 30 %
    assert k.students_pct == 50.0 and not k.students_lagging  # target 20 %
    assert k.pairs_by_form == {"Учитель – ученик": {"Работает": 1}, "Учитель – учитель": {"Согласована": 1}}
    assert k.pairs_total == 2 and k.year == "2025/2026"
    assert k.mentees_waiting == 1 and k.mentees_waiting_max_days == (TODAY - date(2025, 9, 1)).days
    assert k.mentors_total == 1 and k.mentors_trained == 0


def test_a_closed_place_no_longer_covers(world, programme, pairs):
    PairMentee.objects.filter(mentee=world.persons["mentee"]).update(is_open=False)
    k = kpis_of(programme, today=TODAY)
    assert k.teachers_in_programme == 0


def test_plans_meetings_reviews_training(world, programme, pairs):
    active, agreed = pairs
    by = world.users["coordinator"]
    plan = make_plan(active, by=by)
    add_item(plan, by=by)
    add_item(plan, by=by, activity="Открытый урок", is_done=True, done_on=date(2025, 12, 1))
    Meeting.objects.create(pair=active, kind="organisational", date=date(2025, 10, 2), topic="Знакомство")
    Meeting.objects.create(pair=active, kind="regular", date=date(2025, 11, 2), topic="Дроби")
    Meeting.objects.create(pair=agreed, kind="regular", date=date(2025, 11, 2), topic="Урок")
    MentorProfile.objects.filter(person=world.persons["mentor"]).update(training_status="trained")
    before_due = kpis_of(programme, today=date(2026, 1, 10))
    assert before_due.reviews_due == 0  # the active pair's review is due in May
    k = kpis_of(programme, today=TODAY)
    assert (k.plans_total, k.plans_approved, k.plan_rows_total, k.plan_rows_done) == (1, 0, 2, 1)
    assert k.meetings_total == 3 and k.meetings_per_pair == 1.5
    assert k.reviews_due == 1 and k.reviews_on_time == 0  # agreed pairs are not yet due a review
    assert k.mentors_trained == 1 and k.mentors_trained_pct == 100.0
    submit_review(active, mentee=world.persons["child"], by=world.users["mentor"])
    late = kpis_of(programme, today=TODAY)
    assert late.reviews_on_time == 0 and late.reviews_late == 1  # submitted today, after the deadline


def test_consents_complete_counts_only_participants_with_both(world, programme, pairs):
    k = kpis_of(programme, today=TODAY)
    # The agreed pair's mentor and mentee consented (fixture); the active pair's child too (its fixture).
    assert k.participants_total == 3
    world.persons["mentee"].consents.update(status="withdrawn")
    assert kpis_of(programme, today=TODAY).consents_complete == k.consents_complete - 1


def _satisfaction(world, programme, scores: dict):
    questionnaire = make_questionnaire(
        world,
        [
            ("Польза встреч", "scale10", {}),
            ("Удобство расписания", "scale10", {}),
            ("Чуткость", "scale10", {}),
            ("Материалы", "scale10", {}),
        ],
        kind="satisfaction",
        title="Удовлетворённость",
    )
    people = list(scores)
    campaign = make_campaign(world, programme, questionnaire, people=people)
    for person, values in scores.items():
        answer_all(
            invitation_of(campaign, person),
            {
                text: services.Value(number=v)
                for text, v in zip(
                    ["Польза встреч", "Удобство расписания", "Чуткость", "Материалы"], values, strict=True
                )
            },
        )
    services.campaign_close(campaign=campaign, by=world.users["coordinator"])
    return campaign


def test_satisfaction_by_form_and_the_swot_prefill(world, programme, pairs):
    _satisfaction(
        world,
        programme,
        {world.persons["mentee"]: [9, 4, 8, 6], world.persons["mentor"]: [10, 2, 8, 6]},
    )
    k = kpis_of(programme, today=TODAY)
    assert k.satisfaction_respondents == 2
    assert sum(v for v in k.satisfaction_by_form.values()) > 0
    swot = swot_prefill(programme=programme, by=world.users["coordinator"], today=TODAY)
    assert swot.strengths.splitlines()[0] == "Польза встреч — 9.5 из 10 (2 отв.)"
    assert swot.weaknesses.splitlines()[0] == "Удобство расписания — 3 из 10 (2 отв.)"
    assert "Охват педагогов 16.7 % ниже цели 30 %" in swot.threats
    swot.strengths = "Моё"
    swot.save()
    again = swot_prefill(programme=programme, by=world.users["coordinator"], today=TODAY)
    assert again.strengths == "Моё"  # what the coordinator wrote stays
    replaced = swot_prefill(programme=programme, by=world.users["coordinator"], today=TODAY, replace=True)
    assert replaced.strengths.startswith("Польза встреч")


def test_change_with_interval_and_paired_test():
    befores, afters = [4.0, 5.0, 6.0, 5.0, 3.0], [6.0, 6.0, 8.0, 5.0, 2.0]
    change = change_of("Учитель – ученик", befores, afters)
    assert change.count == 5 and change.improved == 3 and change.improved_pct == 60.0
    assert change.delta == 0.8
    assert change.p_value == round(float(stats.ttest_rel(afters, befores).pvalue), 4)
    assert change.ci_low < change.delta < change.ci_high
    assert not change.significant
    same = change_of("x", [1.0, 2.0], [3.0, 4.0])  # no variance: certain
    assert same.p_value == 0.0 and same.ci_low == same.ci_high == 2.0
    assert change_of("x", [5.0], [6.0]).p_value is None  # one participant: no test


def test_stage_two_pairs_entry_and_exit_per_person(world, programme, pairs, standard):
    give_consents(world.persons["child"])
    entry = make_campaign(
        world, programme, standard["entry"], people=[world.persons["mentee"], world.persons["child"]]
    )
    exit_ = make_campaign(
        world,
        programme,
        standard["exit"],
        people=[world.persons["mentee"], world.persons["child"]],
        baseline=entry,
    )
    scale = [q for q in standard["entry"].questions.all() if q.type == "scale10"]
    for campaign, growth in ((entry, 0), (exit_, 2)):
        for person, base in ((world.persons["mentee"], 5), (world.persons["child"], 4)):
            values = {
                q.text: services.Value(
                    number=base - growth if q.code.startswith("anxiety") else base + growth
                )
                for q in scale
            }
            answer_all(invitation_of(campaign, person), values)
    effect = effect_of(programme)
    assert effect.overall.count == 2 and effect.overall.improved == 2
    # 12 scale questions, 3 on anxiety counted reversed (11 − x): the mentee (5 → 7) scores 5.25 → 7.25,
    # the child (4 → 6) 4.75 → 6.75.
    assert effect.overall.before == 5.0 and effect.overall.after == 7.0 and effect.overall.delta == 2.0
    assert sorted(p["before"] for p in effect.participants) == [4.75, 5.25]
    anxiety = next(q for q in effect.by_question if q["reversed"])
    assert anxiety["delta"] == -2.0  # the raw answers fell: an improvement
    assert {c.name for c in effect.by_form} == {"Учитель – учитель", "Учитель – ученик"}
    k = kpis_of(programme, today=TODAY)
    assert (k.effect_compared, k.effect_improved) == (2, 2)


def test_monitoring_roadmap_events_complete_when_campaigns_close(world, programme, pairs):
    from roadmap.selectors import DONE, annotate
    from roadmap.services import roadmap_create

    roadmap = roadmap_create(
        programme=programme, by=world.users["coordinator"], template="seven_stages_months"
    )
    events = [
        e
        for stage in roadmap.stages.all()
        for e in stage.events.all()
        if e.fact == "campaign_closed:satisfaction"
    ]
    assert events
    assert all(e.state != DONE for e in annotate(events, programme, timezone.localdate()))
    _satisfaction(world, programme, {world.persons["mentee"]: [9, 4, 8, 6]})
    assert all(e.state == DONE for e in annotate(events, programme, timezone.localdate()))
