"""Demo orders and consents (issues #4, #5), on top of the mentoring demo; a second call changes nothing.

It adds class 8А (12 students with their mothers) paired with the ten teachers in «Учитель – ученик»,
all consents given, and the director's approved order on those pairs; a returned order; a submitted
pairs order the director cannot sign because one mother has not consented yet; and consents in every
state (given online and on paper, requested, withdrawn — which suspends that child's pair — expired)."""

from datetime import date

from django.core.files.base import ContentFile

from accounts.models import Consent, ConsentKind, ConsentRequest, Guardianship, Organization, Person, User
from accounts.services import consents
from mentoring import services
from mentoring.documents.demo import build_documents_extras
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MeetingKind,
    MenteeCategory,
    MenteeProfile,
    MentoringForm,
    Order,
    Pair,
    PlanItem,
    Programme,
)

from .names import PATRONYMICS, SURNAMES, demo_name

SCAN = b"%PDF-1.4\n% demo scan of a signed paper consent\n%%EOF\n"
PERIOD = (date(2026, 10, 12), date(2027, 5, 28))


def _scan() -> ContentFile:
    return ContentFile(SCAN, name="soglasie-skan.pdf")


def _give_paper(subject: Person, signed_on: date, by) -> None:
    if consents.has_valid_consent(subject) or subject.consents.filter(status=Consent.Status.EXPIRED).exists():
        return
    signers = consents.signers_of(subject, signed_on)
    if not signers:  # a child whose parents are not in the system yet stays without consent
        return
    consents.consent_record_paper(
        subject=subject,
        signer=signers[0],
        kinds=list(consents.REQUIRED_KINDS),
        scan=_scan(),
        signed_on=signed_on,
        by=by,
    )


ROWS_8A = [
    ("Встреча-знакомство, выявление интересов и трудностей", "октябрь 2026", True),
    ("Составление индивидуального образовательного маршрута по предмету", "октябрь–ноябрь 2026", False),
    ("Подготовка к школьному этапу олимпиады", "ноябрь–декабрь 2026", False),
]


def _start_work(pair: Pair, *, by) -> None:
    """After the order: the organisational meeting and a draft plan the mentor fills in."""
    mentee = pair.mentees.get()
    services.meeting_save(
        meeting=Meeting(
            pair=pair,
            kind=MeetingKind.ORGANISATIONAL,
            date=date(2026, 10, 14),
            topic="Знакомство, правила совместной работы",
        ),
        by=by,
    )
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=pair, mentee=mentee, start_date=pair.start_date, end_date=pair.end_date, goal=pair.goal
        ),
        by=by,
    )
    for activity, period, done in ROWS_8A:
        services.plan_item_save(
            item=PlanItem(
                plan=plan,
                activity=activity,
                period=period,
                responsible="наставник",
                is_done=done,
                done_on=date(2026, 10, 14) if done else None,
            ),
            by=by,
        )


def _class_8a(school: Organization) -> list[Person]:

    # Names no teacher of the demo has, so that no mother is mistaken for a staff member.
    mothers = [
        "Валентина",
        "Галина",
        "Людмила",
        "Юлия",
        "Оксана",
        "Алёна",
        "Вера",
        "Надежда",
        "Лариса",
        "Марина",
        "Жанна",
        "Инна",
    ]

    students = []
    for i in range(12):
        sex = "M" if i % 2 else "F"
        last, first, middle = demo_name(60 + i, sex)
        student, _ = Person.objects.get_or_create(
            organization=school,
            last_name=last,
            first_name=first,
            middle_name=middle,
            defaults={
                "sex": sex,
                "kind": Person.Kind.STUDENT,
                "group": "8А",
                "birth_date": date(2012, 1 + i, 3 + i),
            },
        )
        mother_last = SURNAMES[(60 + i) % len(SURNAMES)][1]
        mother, _ = Person.objects.get_or_create(
            organization=school,
            last_name=mother_last,
            first_name=mothers[i],
            middle_name=PATRONYMICS[i % len(PATRONYMICS)][1],
            defaults={
                "sex": "F",
                "kind": Person.Kind.EXTERNAL,
                "position": "родитель",
                "email": f"mama8a{i + 1}@family.example" if i % 3 else "",
            },
        )
        Guardianship.objects.get_or_create(guardian=mother, child=student, defaults={"relation": "mother"})
        students.append(student)
    return students


def build_documents_demo(school: Organization) -> None:
    if school.orders.filter(kind=Order.Kind.PAIRS).exists():
        return  # built before: the orders are signed and must not be re-made
    coordinator, director = (User.objects.get(username=u) for u in ("coordinator", "director"))
    programme = Programme.objects.get(organization=school, year=2026)
    form = MentoringForm.objects.get(code="teacher_pupil")
    category = MenteeCategory.objects.filter(audience="students").first()
    students = _class_8a(school)
    for student in students:
        if not MenteeProfile.objects.filter(person=student).exists():
            services.mentee_profile_save(
                profile=MenteeProfile(
                    organization=school,
                    person=student,
                    category=category,
                    entered_on=date(2026, 9, 20),
                    main_request="Повышение учебной мотивации и подготовка к олимпиадам по предмету наставника",
                ),
                by=coordinator,
            )

    # Everyone of the mentoring demo's open pairs consents, on paper, at the start of the year.
    for pair in school.pairs.filter(status__in=Pair.OPEN_STATUSES).select_related("mentor"):
        for person in [pair.mentor, *pair.mentees.all()]:
            _give_paper(person, date(2026, 9, 10), coordinator)

    mentors = [
        p.person
        for p in school.mentor_profiles.filter(person__kind=Person.Kind.STAFF).select_related("person")
    ]
    mentors = sorted(mentors, key=lambda p: p.pk)[:10]
    pairs = []
    for mentor in mentors:
        _give_paper(mentor, date(2026, 9, 10), coordinator)
    for i, student in enumerate(students[:11]):
        mentor = mentors[i % len(mentors)]
        pair = services.pair_create(
            programme=programme,
            form=form,
            mentor=mentor,
            mentees=[student],
            start_date=PERIOD[0],
            end_date=PERIOD[1],
            by=coordinator,
            goal="Индивидуальная образовательная траектория по предмету наставника",
        )
        for person in (mentor, student):
            services.pair_record_agreement(pair=pair, person=person, by=coordinator, on=date(2026, 10, 5))
        pairs.append(Pair.objects.get(pk=pair.pk))
    # Consents of 8А: ten mothers signed online (through their links), one on paper.
    for student in students[:10]:
        for link, token in consents.consent_request(
            subject=student, by=coordinator, send_email=False, channel=ConsentRequest.Channel.EMAIL
        ):
            # The mother's proof, as if she typed the code e-mailed to her.
            consents.consent_code_verify(link=link, code=consents.consent_code_issue(link=link))
            consents.consent_sign_online(
                token=token,
                signed_name=link.signer.full_name,
                agree=True,
                publication=student.pk % 2 == 0,
                ip="192.0.2.10",
                user_agent="Mozilla/5.0 (демо)",
            )
    _give_paper(students[10], date(2026, 10, 1), coordinator)
    order = services.order_draft_pairs(programme=programme, pairs=pairs, by=coordinator)
    services.order_submit(order=order, by=coordinator)
    services.order_approve(order=order, by=director)
    for pair in Pair.objects.filter(pk__in=[p.pk for p in pairs]):
        _start_work(pair, by=coordinator)

    # The Положение, the «Школа наставников», a draft target-model order and a reward order (issue 13).
    build_documents_extras(school, programme, coordinator=coordinator, director=director)
    # A returned order: the director asks for one more session in the training schedule.
    returned = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.MENTOR_SCHOOL, by=coordinator
    )
    services.order_submit(order=returned, by=coordinator)
    services.order_return(
        order=returned,
        comment="Добавьте в график занятие о работе с обучающимися с ОВЗ и укажите ведущего.",
        by=director,
    )

    # A submitted pairs order that cannot be signed: the last 8А mother has not consented yet.
    waiting = students[11]
    pair = services.pair_create(
        programme=programme,
        form=form,
        mentor=mentors[0],
        mentees=[waiting],
        start_date=PERIOD[0],
        end_date=PERIOD[1],
        by=coordinator,
    )
    for person in (mentors[0], waiting):
        services.pair_record_agreement(pair=pair, person=person, by=coordinator, on=date(2026, 10, 5))
    consents.consent_request(subject=waiting, by=coordinator, send_email=False)
    agreed = list(school.pairs.filter(programme=programme, status=Pair.Status.AGREED))
    for extra in agreed:
        for person in [extra.mentor, *extra.mentees.all()]:
            if person.pk != waiting.pk:
                _give_paper(person, date(2026, 10, 1), coordinator)
    submitted = services.order_draft_pairs(programme=programme, pairs=agreed, by=coordinator)
    services.order_submit(order=submitted, by=coordinator)

    # Withdrawn: one 8А mother changed her mind — her child's pair is suspended.
    services.consent_withdraw(subject=students[9], kinds=[ConsentKind.PARTICIPATION], by=coordinator)

    # Expired: a graduate's consent of the year before last.
    leaver = school.mentee_profiles.filter(left_on__isnull=False).select_related("person").first()
    if leaver is not None and not leaver.person.consents.exists():
        _give_paper(leaver.person, date(2024, 9, 10), coordinator)
        consents.consents_expire()
