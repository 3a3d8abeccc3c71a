"""A school of realistic size for the query-count tests and benchmarks/monitoring_dashboard.py: people, bases,
pairs, plans, meetings, reviews, consents, and closed satisfaction, entry and exit campaigns with their answers.

Written with bulk_create, not through the services: the point is the size of the data the monitoring reads
(1,500 people and 20,000 answers take seconds this way, minutes through the services). The rows obey the
models' constraints."""

import random
from datetime import date, datetime, timedelta

from django.utils import timezone

from accounts.models import Consent, ConsentKind, Person
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    Pair,
    PairMentee,
    PlanItem,
    Review,
)
from monitoring import services
from monitoring.models import Answer, Campaign, Response
from monitoring.models.questionnaires import SCALE_TYPES

FORMS = ("teacher_teacher", "teacher_pupil", "pupil_pupil")


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def build_school(
    organization, programme, *, by, people: int = 1500, answers: int = 20000, seed: int = 1
) -> dict:
    """Fill the organisation: ~1/5 staff, the rest students; pairs of 1–3 mentees; every pair with a plan, rows,
    meetings; reviews; consents; satisfaction, entry and exit campaigns answered until `answers` answers."""
    rng = random.Random(seed)
    forms = {form.code: form for form in MentoringForm.objects.filter(code__in=FORMS)}
    staff_n = people // 5
    persons = Person.objects.bulk_create(
        Person(
            organization=organization,
            last_name=f"Фамилия{n}",
            first_name="Имя",
            sex="F" if n % 2 else "M",
            kind=Person.Kind.STAFF if n < staff_n else Person.Kind.STUDENT,
            group="" if n < staff_n else f"{5 + n % 6}А",
        )
        for n in range(people)
    )
    staff, students = persons[:staff_n], persons[staff_n:]
    mentors = staff[: staff_n // 2]
    MentorProfile.objects.bulk_create(
        MentorProfile(
            organization=organization,
            person=p,
            entered_on=date(programme.year, 9, 1),
            training_status=MentorProfile.Training.TRAINED if i % 3 else MentorProfile.Training.NONE,
        )
        for i, p in enumerate(mentors)
    )
    mentees_pool = staff[staff_n // 2 :] + students[: len(students) // 2]
    MenteeProfile.objects.bulk_create(
        MenteeProfile(
            organization=organization, person=p, entered_on=date(programme.year, 9, 1), main_request="—"
        )
        for p in mentees_pool
    )
    start, end = programme.start_date, programme.end_date - timedelta(days=10)
    pairs, places, queue = [], [], list(mentees_pool)
    for i, mentor in enumerate(mentors):
        if not queue:
            break
        code = "teacher_teacher" if queue[0].kind == Person.Kind.STAFF else rng.choice(FORMS[1:])
        status = (Pair.Status.ACTIVE, Pair.Status.COMPLETED, Pair.Status.APPROVED)[i % 3]
        pair = Pair(
            organization=organization,
            programme=programme,
            form=forms[code],
            mentor=mentor,
            status=status,
            start_date=start,
            end_date=end,
        )
        pairs.append((pair, [queue.pop(0) for _ in range(min(len(queue), 2 + i % 4))]))
    # Some mentees are left waiting for a pair.
    Pair.objects.bulk_create([pair for pair, _ in pairs])
    for pair, members in pairs:
        for slot, mentee in enumerate(members, start=1):
            places.append(
                PairMentee(pair=pair, mentee=mentee, form=pair.form, slot=slot, joined_on=start, is_open=True)
            )
    PairMentee.objects.bulk_create(places)
    plans = IndividualPlan.objects.bulk_create(
        IndividualPlan(
            pair=place.pair,
            mentee=place.mentee,
            start_date=start,
            end_date=end,
            status=IndividualPlan.Status.APPROVED if n % 4 else IndividualPlan.Status.SUBMITTED,
        )
        for n, place in enumerate(places)
    )
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            position=k,
            activity=f"Мероприятие {k}",
            period="октябрь",
            is_done=(k + n) % 3 != 0,
            done_on=start if (k + n) % 3 != 0 else None,
        )
        for n, plan in enumerate(plans)
        for k in range(5)
    )
    Meeting.objects.bulk_create(
        Meeting(pair=pair, kind="regular", date=start + timedelta(days=7 * k), topic="Встреча")
        for pair, _ in pairs
        for k in range(4)
    )
    Review.objects.bulk_create(
        Review(
            pair=place.pair,
            mentee=place.mentee,
            status=Review.Status.SUBMITTED,
            submitted_at=_aware(end - timedelta(days=30 if n % 5 else 1)),
        )
        for n, place in enumerate(places)
        if n % 2 == 0
    )
    participants = [p for pair, members in pairs for p in (pair.mentor, *members)]
    Consent.objects.bulk_create(
        Consent(
            organization=organization,
            subject=p,
            signer=p,
            kind=kind,
            status=Consent.Status.GIVEN,
            method=Consent.Method.PAPER,
            given_at=_aware(start),
        )
        for n, p in enumerate(dict.fromkeys(participants))
        if n % 7
        for kind in (ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA)
    )

    # Campaigns: satisfaction per form (named), entry and exit (named, the exit compared with the entry).
    services.standard_set_install(organization=organization, by=by)
    questionnaires = {q.standard_code: q for q in organization.questionnaires.prefetch_related("questions")}

    def campaign(questionnaire, title, **extra):
        return Campaign.objects.create(
            organization=organization,
            programme=programme,
            questionnaire=questionnaire,
            title=title,
            audience=Campaign.Audience.PEOPLE,
            opens_on=start,
            closes_on=start + timedelta(days=14),
            status=Campaign.Status.CLOSED,
            closed_at=_aware(start + timedelta(days=14)),
            **extra,
        )

    entry = campaign(questionnaires["entry"], "Входная самооценка")
    exit_ = campaign(questionnaires["exit"], "Итоговая самооценка", baseline=entry)
    satisfaction = {
        (role, code): campaign(
            questionnaires[f"satisfaction_{role}_{code}"], f"Удовлетворённость {role} {code}"
        )
        for code in FORMS
        for role in ("mentor", "mentee")
    }
    scale_questions = {
        key: [q for q in questionnaire.questions.all() if q.type in SCALE_TYPES]
        for key, questionnaire in questionnaires.items()
    }
    respondents = [(place.pair, place.mentee, "mentee") for place in places] + [
        (pair, pair.mentor, "mentor") for pair, _ in pairs
    ]
    made = 0
    responses, answer_rows = [], []

    def respond(camp, questions, pair, person, value, role):
        nonlocal made
        response = Response(
            campaign=camp,
            person=person,
            pair=pair,
            form=pair.form,
            role="mentee",
            submitted_at=camp.closed_at,
        )
        responses.append(response)
        for q in questions:
            answer_rows.append((response, q, value(q)))
        made += len(questions)

    for pair, person, role in respondents:
        if made >= answers:
            break
        base = rng.randint(3, 7)
        respond(entry, scale_questions["entry"], pair, person, lambda q, b=base: b, role)
        growth = rng.choice((-1, 0, 1, 2, 2, 3))
        respond(
            exit_,
            scale_questions["exit"],
            pair,
            person,
            lambda q, b=base, g=growth: max(1, min(10, b - g if q.code.startswith("anxiety") else b + g)),
            role,
        )
        code = pair.form.code
        respond(
            satisfaction[(role, code)],
            scale_questions[f"satisfaction_{role}_{code}"],
            pair,
            person,
            lambda q: rng.randint(5, 10),
            role,
        )
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(
        Answer(response=response, question=q, number=value) for response, q, value in answer_rows
    )
    return {"pairs": len(pairs), "places": len(places), "answers": len(answer_rows), "people": people}
