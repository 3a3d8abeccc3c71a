"""The monitoring's figures of a programme for its school year («показатели»): coverage against the targets,
pairs by form and state, plans, meetings, reviews, mentees waiting, mentors trained, consents, satisfaction
(stage 1) and the short result of stage 2 (the share of participants who improved).

Numbers only, never a person's name or answer: the municipality's roll-up shows these figures of many schools
side by side. `kpis_for` computes them for any number of programmes in a fixed number of queries — every
query groups by programme (or organisation), the rest is arithmetic here.

Definitions (what a coordinator would count by hand):
- coverage: people of the school (staff / students) who are mentees in an open place of a programme's pair,
  against everyone of that kind in the school (as mentoring.selectors.programmes.coverage);
- pairs_total: pairs past the draft (agreed, approved, working, suspended, completed, terminated);
- meetings per pair: meetings logged in those pairs / their number;
- reviews due: mentee places of pairs whose review deadline (5 working days before the end) has passed, and of
  them received on time: a submitted review dated no later than the deadline;
- mentees waiting: the school's mentee base without an open place in any pair, and the longest wait in days;
- mentors trained: mentors of the programme's pairs whose base entry says «обучен»;
- consents complete: participants (mentors and mentees of the pairs) with every required consent valid today;
- satisfaction by form: the average of the 1–10 scale answers of the programme's satisfaction campaigns, per
  form (an anonymous campaign's form with fewer than 5 respondents is not shown: None).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, Min, Q

from accounts.models import Consent, Person
from accounts.services.consents import REQUIRED_KINDS
from mentoring.documents.workdays import review_due_date
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MenteeProfile,
    MentorProfile,
    Pair,
    PairMentee,
    PlanItem,
    Programme,
    Review,
)
from monitoring.models import Answer, Kind
from monitoring.models.campaigns import MIN_ANONYMOUS_GROUP
from monitoring.models.questionnaires import QuestionType

# The coverage targets of seeds 003 and 004: teachers and students in mentoring, five consecutive years.
TARGET_LADDER = (10, 20, 30, 50, 70)
WORKING = (
    Pair.Status.AGREED,
    Pair.Status.APPROVED,
    Pair.Status.ACTIVE,
    Pair.Status.SUSPENDED,
    Pair.Status.COMPLETED,
    Pair.Status.TERMINATED,
)
REVIEWABLE = (Pair.Status.APPROVED, Pair.Status.ACTIVE, Pair.Status.SUSPENDED, Pair.Status.COMPLETED)
STATE_LABELS = dict(Pair.Status.choices)


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


@dataclass(frozen=True)
class Kpis:
    """Figures of one programme for one school year; numbers only, never a person's name."""

    programme_id: int
    organization_id: int
    year: str  # "2025/2026", as Programme.academic_year
    teachers_total: int
    teachers_in_programme: int
    teachers_target_pct: int | None
    students_total: int
    students_in_programme: int
    students_target_pct: int | None
    pairs_by_form: dict[str, dict[str, int]]  # form name → state label → count
    pairs_total: int
    plans_total: int
    plans_approved: int
    plan_rows_total: int
    plan_rows_done: int
    meetings_total: int
    meetings_per_pair: float
    reviews_due: int
    reviews_on_time: int
    reviews_late: int
    mentees_waiting: int
    mentees_waiting_max_days: int
    mentors_total: int
    mentors_trained: int
    participants_total: int
    consents_complete: int
    consents_complete_pct: float
    satisfaction_by_form: dict[str, float | None]  # stage 1
    satisfaction_respondents: int = 0
    # Stage 2 in one line: participants compared (entry and exit), and how many of them improved.
    effect_compared: int = 0
    effect_improved: int = 0
    forms: tuple[str, ...] = field(default=())

    @property
    def teachers_pct(self) -> float:
        return _pct(self.teachers_in_programme, self.teachers_total)

    @property
    def students_pct(self) -> float:
        return _pct(self.students_in_programme, self.students_total)

    @property
    def teachers_lagging(self) -> bool:
        """Below the year's target for teachers."""
        return self.teachers_target_pct is not None and self.teachers_pct < self.teachers_target_pct

    @property
    def students_lagging(self) -> bool:
        return self.students_target_pct is not None and self.students_pct < self.students_target_pct

    @property
    def lagging(self) -> bool:
        return self.teachers_lagging or self.students_lagging

    @property
    def plans_approved_pct(self) -> float:
        return _pct(self.plans_approved, self.plans_total)

    @property
    def plan_rows_done_pct(self) -> float:
        return _pct(self.plan_rows_done, self.plan_rows_total)

    @property
    def reviews_on_time_pct(self) -> float:
        return _pct(self.reviews_on_time, self.reviews_due)

    @property
    def mentors_trained_pct(self) -> float:
        return _pct(self.mentors_trained, self.mentors_total)

    @property
    def effect_improved_pct(self) -> float:
        return _pct(self.effect_improved, self.effect_compared)

    @property
    def satisfaction_average(self) -> float | None:
        values = [v for v in self.satisfaction_by_form.values() if v is not None]
        return round(sum(values) / len(values), 2) if values else None

    def pairs_in_state(self, state: str) -> int:
        label = STATE_LABELS.get(state, state)
        return sum(states.get(label, 0) for states in self.pairs_by_form.values())


def kpis_for(programmes, *, today: date) -> dict[int, Kpis]:
    """KPIs of many programmes in a fixed number of queries (no per-programme queries): programme id → Kpis."""
    programmes = list(
        Programme.objects.filter(pk__in=[p.pk for p in programmes]).prefetch_related("forms").order_by("pk")
    )
    if not programmes:
        return {}
    ids = [p.pk for p in programmes]
    org_ids = {p.organization_id for p in programmes}

    # People of the schools, by kind.
    people = defaultdict(lambda: defaultdict(int))
    for org_id, kind, n in (
        Person.objects.filter(organization_id__in=org_ids)
        .values_list("organization_id", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        people[org_id][kind] = n

    # Pairs: form, state, mentor, end date, the mentor's training.
    pairs = {}
    for row in (
        Pair.objects.filter(programme_id__in=ids)
        .values_list(
            "pk",
            "programme_id",
            "form__name",
            "status",
            "mentor_id",
            "end_date",
            "mentor__mentor_profile__training_status",
        )
        .order_by()
    ):
        pairs[row[0]] = row

    # Mentee places: who is covered (open places), who is due a review.
    covered = defaultdict(lambda: defaultdict(set))
    places = defaultdict(list)  # programme → [(pair, mentee)]
    participants = defaultdict(set)
    for pair_id, mentee_id, kind, is_open in (
        PairMentee.objects.filter(pair__programme_id__in=ids)
        .values_list("pair_id", "mentee_id", "mentee__kind", "is_open")
        .order_by()
    ):
        programme_id = pairs[pair_id][1]
        if is_open:
            covered[programme_id][kind].add(mentee_id)
        if pairs[pair_id][3] in WORKING:
            places[programme_id].append((pair_id, mentee_id))
            participants[programme_id].add(mentee_id)
    for _pair, programme_id, _form, status, mentor_id, *_ in pairs.values():
        if status in WORKING:
            participants[programme_id].add(mentor_id)

    # Plans and their rows.
    plans = defaultdict(lambda: [0, 0])
    for programme_id, total, approved in (
        IndividualPlan.objects.filter(pair__programme_id__in=ids)
        .values_list("pair__programme_id")
        .annotate(n=Count("pk"), approved=Count("pk", filter=Q(status=IndividualPlan.Status.APPROVED)))
        .order_by()
    ):
        plans[programme_id] = [total, approved]
    rows = defaultdict(lambda: [0, 0])
    for programme_id, total, done in (
        PlanItem.objects.filter(plan__pair__programme_id__in=ids)
        .values_list("plan__pair__programme_id")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(is_done=True)))
        .order_by()
    ):
        rows[programme_id] = [total, done]
    meetings = dict(
        Meeting.objects.filter(pair__programme_id__in=ids, pair__status__in=WORKING)
        .values_list("pair__programme_id")
        .annotate(n=Count("pk"))
        .order_by()
    )

    # Reviews: submitted (or accepted) ones, by place.
    submitted = {
        (pair_id, mentee_id): when
        for pair_id, mentee_id, when in Review.objects.filter(
            pair__programme_id__in=ids, submitted_at__isnull=False
        )
        .exclude(status=Review.Status.DRAFT)
        .values_list("pair_id", "mentee_id", "submitted_at")
    }

    # The mentee bases: waiting without an open place.
    waiting = {
        org_id: (n, first)
        for org_id, n, first in MenteeProfile.objects.filter(
            organization_id__in=org_ids, left_on__isnull=True
        )
        .exclude(person__pair_memberships__is_open=True)
        .values_list("organization_id")
        .annotate(n=Count("pk", distinct=True), first=Min("entered_on"))
        .order_by()
    }

    # Consents valid today of all participants (one query; the participants are the pairs' people).
    valid = defaultdict(set)
    all_participants = set().union(*participants.values()) if participants else set()
    for subject_id, kind in (
        Consent.objects.valid(today)
        .filter(kind__in=REQUIRED_KINDS)
        .filter(
            Q(subject__pair_memberships__pair__programme_id__in=ids)
            | Q(subject__mentored_pairs__programme_id__in=ids)
        )
        .values_list("subject_id", "kind")
        .distinct()
    ):
        if subject_id in all_participants:
            valid[subject_id].add(kind)
    required = set(REQUIRED_KINDS)

    # Stage 1: the satisfaction campaigns' 1–10 scale answers per programme and form.
    satisfaction = defaultdict(dict)
    satisfaction_n = defaultdict(int)
    cells = defaultdict(lambda: [0.0, 0, 0, False])  # (programme, form) → sum, answers, respondents, anon
    for programme_id, form_name, anonymous, avg, n, respondents in (
        Answer.objects.filter(
            response__campaign__programme_id__in=ids,
            response__campaign__questionnaire__kind=Kind.SATISFACTION,
            response__submitted_at__isnull=False,
            question__type=QuestionType.SCALE_10,
            number__isnull=False,
        )
        .values_list(
            "response__campaign__programme_id", "response__form__name", "response__campaign__anonymous"
        )
        .annotate(avg=Avg("number"), n=Count("pk"), respondents=Count("response", distinct=True))
        .order_by()
    ):
        cell = cells[(programme_id, form_name or "без формы")]
        cell[0] += avg * n
        cell[1] += n
        cell[2] += respondents
        cell[3] = cell[3] or anonymous
    for (programme_id, form_name), (total, n, respondents, anonymous) in cells.items():
        hidden = anonymous and respondents < MIN_ANONYMOUS_GROUP
        satisfaction[programme_id][form_name] = None if hidden else round(total / n, 2)
        satisfaction_n[programme_id] += respondents

    # Stage 2 in short (monitoring.selectors.effect has the details).
    from monitoring.selectors.effect import improved_counts

    effect = improved_counts(ids)

    result = {}
    for programme in programmes:
        pk, org_id = programme.pk, programme.organization_id
        by_form = defaultdict(lambda: defaultdict(int))
        mentors, trained = set(), set()
        reviews_due = on_time = 0
        due_dates = {}
        for pair_id, programme_id, form_name, status, mentor_id, end_date, training in pairs.values():
            if programme_id != pk:
                continue
            by_form[form_name][STATE_LABELS[status]] += 1
            if status in WORKING:
                mentors.add(mentor_id)
                if training == MentorProfile.Training.TRAINED:
                    trained.add(mentor_id)
            if status in REVIEWABLE:
                due_dates[pair_id] = review_due_date(end_date)
        for pair_id, mentee_id in places[pk]:
            due = due_dates.get(pair_id)
            if due is None or due > today:
                continue
            reviews_due += 1
            when = submitted.get((pair_id, mentee_id))
            if when is not None and when.date() <= due:
                on_time += 1
        late = sum(
            1
            for pair_id, mentee_id in places[pk]
            if (due := due_dates.get(pair_id)) is not None
            and (when := submitted.get((pair_id, mentee_id))) is not None
            and when.date() > due
        )
        pairs_total = sum(n for states in by_form.values() for n in states.values()) - sum(
            states.get(STATE_LABELS[Pair.Status.DRAFT], 0) for states in by_form.values()
        )
        waiting_n, first = waiting.get(org_id, (0, None))
        complete = sum(1 for person in participants[pk] if required <= valid[person])
        compared, improved = effect.get(pk, (0, 0))
        result[pk] = Kpis(
            programme_id=pk,
            organization_id=org_id,
            year=programme.academic_year,
            teachers_total=people[org_id][Person.Kind.STAFF],
            teachers_in_programme=len(covered[pk][Person.Kind.STAFF]),
            teachers_target_pct=programme.teachers_target_pct,
            students_total=people[org_id][Person.Kind.STUDENT],
            students_in_programme=len(covered[pk][Person.Kind.STUDENT]),
            students_target_pct=programme.students_target_pct,
            pairs_by_form={form: dict(states) for form, states in sorted(by_form.items())},
            pairs_total=pairs_total,
            plans_total=plans[pk][0],
            plans_approved=plans[pk][1],
            plan_rows_total=rows[pk][0],
            plan_rows_done=rows[pk][1],
            meetings_total=meetings.get(pk, 0),
            meetings_per_pair=round(meetings.get(pk, 0) / pairs_total, 1) if pairs_total else 0.0,
            reviews_due=reviews_due,
            reviews_on_time=on_time,
            reviews_late=late,
            mentees_waiting=waiting_n,
            mentees_waiting_max_days=(today - first).days if first else 0,
            mentors_total=len(mentors),
            mentors_trained=len(trained),
            participants_total=len(participants[pk]),
            consents_complete=complete,
            consents_complete_pct=_pct(complete, len(participants[pk])),
            satisfaction_by_form=dict(sorted(satisfaction[pk].items())),
            satisfaction_respondents=satisfaction_n[pk],
            effect_compared=compared,
            effect_improved=improved,
            forms=tuple(form.name for form in programme.forms.all()),
        )
    return result


def kpis_of(programme, *, today: date) -> Kpis:
    return kpis_for([programme], today=today)[programme.pk]


def previous_programme(programme):
    """Last year's programme of the same school (the one with the same title first), for year-over-year."""
    earlier = Programme.objects.filter(organization_id=programme.organization_id, year=programme.year - 1)
    return earlier.filter(title=programme.title).first() or earlier.order_by("pk").first()
