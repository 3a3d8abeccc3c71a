"""The mentoring core in the permission grid (see accounts.testing.grid).

The world's school has the programme of conftest.make_programme (the curator's area: «Учитель – ученик»):
- the active pair «Учитель – ученик» (the mentor with the parent's child), with a plan and a row, a submitted
  review and a safeguarding report;
- the working pair «Учитель – учитель» (the mentor with the young teacher), approved by a signed pairs order
  that names them both; a draft order; a consent link for the child; a finished pack of the coordinator's.
The other school has a programme, a pair with a plan, a draft order and a pack: each is a 404 to the world's
school and open to the other coordinator.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile

from accounts.models import ConsentRequest
from accounts.testing.grid import expect, get, post
from conftest import give_consents, make_bases, make_person, make_programme
from mentoring import services
from mentoring.models import (
    DocumentPack,
    Meeting,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    Order,
    Pair,
    Programme,
    SafeguardingReport,
)
from mentoring.tests.factories import add_item, make_pair, make_plan, submit_review


def _pack(organization, programme, by):
    pack = DocumentPack.objects.create(
        organization=organization,
        programme=programme,
        kind="plans",
        format="pdf",
        created_by=by,
        status="done",
    )
    pack.file.save("pack.pdf", ContentFile(b"%PDF-1.7"))
    return pack


def build(world) -> None:
    o, users, persons = world.o, world.users, world.persons
    coordinator, mentor = users["coordinator"], users["mentor"]
    o.programme = make_programme(world)
    o.area = o.programme.curators.get(curator=users["curator"])
    make_bases(world)
    give_consents(persons["mentor"], persons["mentee"], persons["child"])
    o.mentor_profile = persons["mentor"].mentor_profile
    o.mentee_profile = persons["stranger_child"].mentee_profile

    o.pair = make_pair(
        o.programme,
        form="teacher_pupil",
        mentor=persons["mentor"],
        mentees=[persons["child"]],
        by=coordinator,
    )
    o.plan = make_plan(o.pair, by=mentor)
    o.item = add_item(o.plan, by=mentor)
    o.review = submit_review(o.pair, mentee=persons["child"], by=mentor)
    o.meeting = Meeting.objects.create(
        pair=o.pair, kind="organisational", date=o.pair.start_date, topic="Знакомство", created_by=mentor
    )
    o.report = services.safeguarding_report(
        pair=o.pair,
        mentee=persons["child"],
        kind=SafeguardingReport.Kind.THREAT,
        description="Говорил о бессмысленности жизни",
        by=mentor,
    )

    o.teachers = make_pair(
        o.programme,
        form="teacher_teacher",
        mentor=persons["mentor"],
        mentees=[persons["mentee"]],
        by=coordinator,
        stage="agreed",
    )
    signed = services.order_draft_pairs(programme=o.programme, pairs=[o.teachers], by=coordinator)
    services.order_submit(order=signed, by=coordinator)
    o.signed_order = services.order_approve(order=signed, by=users["director"])
    o.teachers = Pair.objects.get(pk=o.teachers.pk)  # the signature started its work (its start has come)
    o.draft_order = services.order_draft_from_programme(
        programme=o.programme, kind=Order.Kind.FINAL_EVENT, by=coordinator
    )
    o.consent_link = ConsentRequest(
        organization=world.school, subject=persons["child"], signer=persons["parent"], created_by=coordinator
    )
    o.consent_token = o.consent_link.issue(timedelta(days=30))
    o.consent_link.save()
    o.pack = _pack(world.school, o.programme, coordinator)
    o.failed_pack = DocumentPack.objects.create(
        organization=world.school,
        programme=o.programme,
        kind="plans",
        format="pdf",
        created_by=coordinator,
        status="failed",
    )

    other, other_coordinator = world.other, users["other_coordinator"]
    o.foreign_programme = Programme.objects.create(
        organization=other, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    o.foreign_programme.forms.add(MentoringForm.objects.get(code="teacher_teacher"))
    newcomer = make_person(other, "Новенькая", "Анна", "Ивановна")
    o.foreign_mentor = MentorProfile.objects.create(
        organization=other, person=persons["other_teacher"], entered_on=date(2025, 9, 1)
    )
    o.foreign_mentee = MenteeProfile.objects.create(
        organization=other, person=newcomer, entered_on=date(2025, 9, 1), main_request="адаптация"
    )
    o.foreign_unpaired = MenteeProfile.objects.create(
        organization=other,
        person=make_person(other, "Ждущая", "Вера", "Олеговна"),
        entered_on=date(2025, 9, 1),
        main_request="подготовка к аттестации",
    )
    o.foreign_pair = make_pair(
        o.foreign_programme,
        form="teacher_teacher",
        mentor=persons["other_teacher"],
        mentees=[newcomer],
        by=other_coordinator,
        stage="draft",
    )
    o.foreign_plan = make_plan(o.foreign_pair, by=other_coordinator)
    o.foreign_order = services.order_draft_free(organization=other, title="О чужом", by=other_coordinator)
    o.foreign_pack = _pack(other, o.foreign_programme, other_coordinator)


# Who sees what -----------------------------------------------------------------------------------------------
STAFF = {"coordinator": 200, "curator": 200, "director": 200}
VIEW = {**STAFF, "other_coordinator": 200}  # an organisation-wide page: each school sees its own
MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 200}
OWN_VIEW = {**STAFF, "other_coordinator": 404}
OWN_MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 404}
FOREIGN_VIEW = {"coordinator": 404, "curator": 404, "director": 404, "other_coordinator": 200}
FOREIGN_MANAGE = {"coordinator": 404, "curator": 404, "other_coordinator": 200}
# The active pair is in the curator's area; its mentor and the child's parent see it; the mentee actor does not.
PAIR_SEES = {**STAFF, "mentor": 200, "parent": 200}
PAIR_MANAGERS = {"coordinator": 302, "curator": 302, "director": 403, "mentor": 403, "parent": 403}
PLAN_EDITORS = {"coordinator": 200, "curator": 200, "director": 403, "mentor": 200, "parent": 403}
PLAN_EDITORS_POST = {k: 302 if v == 200 else v for k, v in PLAN_EDITORS.items()}
# The «Учитель – учитель» pair is outside the curator's area; the mentee actor is in it.
TEACHERS_EDITORS = {"coordinator": 200, "director": 403, "mentor": 200, "mentee": 403}
BASE_MANAGERS_POST = {"coordinator": 302, "curator": 302, "other_coordinator": 302}


def pk(name):
    return lambda w: [getattr(w.o, name).pk]


ROWS = [
    # Programmes and the catalogue
    get("mentoring:programme.list", table=expect(403, **VIEW)),
    get("mentoring:programme.create", table=expect(403, coordinator=200, other_coordinator=200)),
    get("mentoring:programme.detail", pk("programme"), expect(403, **OWN_VIEW)),
    get("mentoring:programme.detail", pk("foreign_programme"), expect(403, **FOREIGN_VIEW)),
    get("mentoring:programme.update", pk("programme"), expect(403, coordinator=200, other_coordinator=404)),
    get(
        "mentoring:programme.update",
        pk("foreign_programme"),
        expect(403, coordinator=404, other_coordinator=200),
    ),
    post(
        "mentoring:programme.curator.add",
        pk("programme"),
        expect(403, coordinator=302, other_coordinator=404),
        data=lambda w: {"curator": w.users["curator"].pk},
    ),
    post(
        "mentoring:programme.curator.add",
        pk("foreign_programme"),
        expect(403, coordinator=404, other_coordinator=302),
        data=lambda w: {"curator": w.users["other_coordinator"].pk},
    ),
    post(
        "mentoring:programme.curator.delete",
        lambda w: [w.o.programme.pk, w.o.area.pk],
        expect(403, coordinator=302, other_coordinator=404),
    ),
    get("mentoring:catalogue", table=expect(200)),
    # The bases
    get("mentoring:mentor_base.list", table=expect(403, **VIEW)),
    get("mentoring:mentor_base.create", table=expect(403, **MANAGE)),
    get("mentoring:mentor_base.update", pk("mentor_profile"), expect(403, **OWN_MANAGE)),
    get("mentoring:mentor_base.update", pk("foreign_mentor"), expect(403, **FOREIGN_MANAGE)),
    get("mentoring:mentee_base.list", table=expect(403, **VIEW)),
    get("mentoring:mentee_base.create", table=expect(403, **MANAGE)),
    get("mentoring:mentee_base.update", pk("mentee_profile"), expect(403, **OWN_MANAGE)),
    get("mentoring:mentee_base.update", pk("foreign_mentee"), expect(403, **FOREIGN_MANAGE)),
    get("mentoring:mentee_base.unpaired", table=expect(403, **VIEW)),
    post(
        "mentoring:mentee_base.unpaired",
        table=expect(403, coordinator=302, curator=302, other_coordinator=404),
        data=lambda w: {"profile": w.o.mentee_profile.pk, "support_given": "беседа с психологом"},
        note="support given to a mentee of the own base",
    ),
    post(
        "mentoring:mentee_base.unpaired",
        table=expect(403, coordinator=404, curator=404, other_coordinator=302),
        data=lambda w: {"profile": w.o.foreign_unpaired.pk, "support_given": "консультация"},
        note="a mentee of the other school's base",
    ),
    get("mentoring:mentor_code", table=expect(200)),
    post(
        "mentoring:mentor_code", table=expect(403, mentor=302), note="only a mentor of the base acknowledges"
    ),
    get("mentoring:mentor_base.pdf", table=expect(403, **VIEW)),
    get("mentoring:mentee_base.pdf", table=expect(403, **VIEW)),
    # Pairs
    get("mentoring:pair.list", table=expect(200, observer=403)),
    get("mentoring:pair.create", table=expect(403, **MANAGE)),
    get("mentoring:pair.detail", pk("pair"), expect(404, **PAIR_SEES)),
    get("mentoring:pair.detail", pk("foreign_pair"), expect(404, other_coordinator=200)),
    post("mentoring:pair.activate", pk("pair"), expect(404, **PAIR_MANAGERS)),
    post("mentoring:pair.complete", pk("pair"), expect(404, **PAIR_MANAGERS)),
    post("mentoring:pair.terminate", pk("pair"), expect(404, **PAIR_MANAGERS)),
    post("mentoring:pair.terminate", pk("foreign_pair"), expect(404, other_coordinator=302)),
    post("mentoring:pair.mentee.add", pk("pair"), expect(404, **PAIR_MANAGERS)),
    post(
        "mentoring:pair.mentee.remove",
        lambda w: [w.o.pair.pk, w.persons["child"].pk],
        expect(404, **PAIR_MANAGERS),
    ),
    # Agreement: a manager records it from paper, the person (a parent for a child) gives it online.
    post(
        "mentoring:pair.agreement",
        pk("pair"),
        expect(404, **{**PAIR_MANAGERS, "parent": 302}),
        data=lambda w: {"person": w.persons["child"].pk},
    ),
    # Replacement is drafted as an order: the coordinator's; the curator manages the pair but drafts no orders.
    post("mentoring:pair.replace_mentor", pk("pair"), expect(404, **{**PAIR_MANAGERS, "curator": 403})),
    # Plans, meetings, reviews, safeguarding
    get("mentoring:plan.create", pk("teachers"), expect(404, **TEACHERS_EDITORS)),
    get("mentoring:plan.detail", pk("plan"), expect(404, **PAIR_SEES)),
    get("mentoring:plan.detail", pk("foreign_plan"), expect(404, other_coordinator=200)),
    get("mentoring:plan.update", pk("plan"), expect(404, **PLAN_EDITORS)),
    get("mentoring:plan.item.create", pk("plan"), expect(404, **PLAN_EDITORS)),
    get("mentoring:plan.item.update", lambda w: [w.o.plan.pk, w.o.item.pk], expect(404, **PLAN_EDITORS)),
    post(
        "mentoring:plan.item.delete", lambda w: [w.o.plan.pk, w.o.item.pk], expect(404, **PLAN_EDITORS_POST)
    ),
    post(
        "mentoring:plan.submit",
        pk("plan"),
        expect(404, coordinator=403, curator=403, director=403, mentor=302, parent=403),
    ),
    post("mentoring:plan.approve", pk("plan"), expect(404, **{**PAIR_MANAGERS})),
    post("mentoring:plan.mark", pk("plan"), expect(404, **{**PAIR_MANAGERS, "mentor": 302})),
    get("mentoring:plan.pdf", pk("plan"), expect(404, **PAIR_SEES)),
    get("mentoring:plan.pdf", pk("foreign_plan"), expect(404, other_coordinator=200)),
    get("mentoring:meeting.create", pk("pair"), expect(404, **PLAN_EDITORS)),
    get("mentoring:meeting.create", pk("teachers"), expect(404, **TEACHERS_EDITORS)),
    # The review is submitted: the director reads it too.
    get(
        "mentoring:review.edit",
        lambda w: [w.o.pair.pk, w.persons["child"].pk],
        expect(404, **{**PLAN_EDITORS, "director": 200}),
    ),
    # The director reads the reviews too (submitted ones; a draft stays between the mentor and the curator).
    get("mentoring:review.list", table=expect(403, **MANAGE, director=200)),
    # The curator's list of plans waiting for approval.
    get("mentoring:plan.list", table=expect(403, **MANAGE)),
    # Resuming a suspended pair: its managers (the pair here is working, so the service refuses: a message).
    post(
        "mentoring:pair.resume",
        pk("pair"),
        expect(404, **PAIR_MANAGERS),
        data=lambda w: {"reason": "Согласие дано"},
    ),
    post("mentoring:pair.resume", pk("foreign_pair"), expect(404, other_coordinator=302)),
    # The mentee's part: the child's parent marks the child's plan row as done and comments on a meeting.
    post(
        "mentoring:plan.item.propose",
        lambda w: [w.o.plan.pk, w.o.item.pk],
        expect(404, coordinator=403, curator=403, director=403, mentor=403, parent=302),
    ),
    post(
        "mentoring:meeting.comment",
        lambda w: [w.o.pair.pk, w.o.meeting.pk],
        expect(404, coordinator=403, curator=403, director=403, mentor=403, parent=302),
        data=lambda w: {"text": "Было полезно"},
    ),
    post(
        "mentoring:review.acknowledge",
        pk("review"),
        expect(403, coordinator=302, curator=302, other_coordinator=404),
    ),
    # The PDF follows the page's rule (rules.can_read_review): the parent sees the pair, not the review.
    get("mentoring:review.pdf", pk("review"), expect(404, **{**PLAN_EDITORS, "director": 200})),
    get(
        "mentoring:safeguarding.create",
        pk("pair"),
        expect(404, coordinator=403, curator=403, director=403, mentor=200, parent=403),
    ),
    get("mentoring:safeguarding.list", table=expect(403, **MANAGE)),
    get("mentoring:safeguarding.detail", pk("report"), expect(404, coordinator=200, curator=200)),
    # Orders: the signed order names the mentor and the young teacher, who may read it.
    get("mentoring:order.list", table=expect(200)),
    get("mentoring:order.create", table=expect(403, coordinator=200, other_coordinator=200)),
    get("mentoring:order.detail", pk("signed_order"), expect(404, **STAFF, mentor=200, mentee=200)),
    get("mentoring:order.detail", pk("draft_order"), expect(404, **STAFF)),
    get("mentoring:order.detail", pk("foreign_order"), expect(404, other_coordinator=200)),
    get("mentoring:order.pdf", pk("signed_order"), expect(404, **STAFF, mentor=200, mentee=200)),
    get("mentoring:order.pdf", pk("draft_order"), expect(404, **STAFF)),
    get("mentoring:order.pdf", pk("foreign_order"), expect(404, other_coordinator=200)),
    get("mentoring:order.update", pk("draft_order"), expect(403, coordinator=200, other_coordinator=404)),
    post(
        "mentoring:order.submit", pk("draft_order"), expect(404, coordinator=302, curator=403, director=403)
    ),
    post(
        "mentoring:order.approve", pk("draft_order"), expect(404, coordinator=403, curator=403, director=302)
    ),
    post(
        "mentoring:order.return", pk("draft_order"), expect(404, coordinator=403, curator=403, director=302)
    ),
    post(
        "mentoring:order.acknowledge",
        pk("signed_order"),
        expect(404, coordinator=302, curator=302, director=302, mentor=302, mentee=302),
    ),
    # Consents
    get("mentoring:consent.tracker", table=expect(403, **MANAGE)),
    post("mentoring:consent.request_all", table=expect(403, **BASE_MANAGERS_POST)),
    # Letters (a PDF) for those without an e-mail: in the world's school everyone has consented (nothing to
    # print, back to the tracker); the other school's two teachers have not.
    post("mentoring:consent.letters", table=expect(403, **{**BASE_MANAGERS_POST, "other_coordinator": 200})),
    post(
        "mentoring:consent.remind",
        pk("consent_link"),
        expect(403, coordinator=302, curator=302, other_coordinator=404),
    ),
    # The municipal observer has no card in their organisation: nobody's consents to show.
    get("mentoring:consent.mine", table=expect(200, observer=404)),
    post(
        "mentoring:consent.sign_mine",
        lambda w: [w.persons["child"].pk],
        expect(404, parent=302),
        note="only a legal representative signs for a child",
    ),
    get("mentoring:consent.sign", lambda w: [w.o.consent_token], expect(200, anonymous=200)),
    get(
        "mentoring:consent.paper",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, curator=200, other_coordinator=404),
    ),
    get(
        "mentoring:consent.pdf",
        lambda w: [w.persons["child"].pk],
        expect(404, coordinator=200, curator=200, parent=200, anonymous=404),
    ),
    post(
        "mentoring:consent.withdraw",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=302, curator=302, parent=302, other_coordinator=404, observer=404),
    ),
    # Packs: the coordinator's pack; a curator sees only their own.
    get(
        "mentoring:pack.create",
        pk("programme"),
        expect(403, coordinator=200, curator=200, other_coordinator=404),
    ),
    get(
        "mentoring:pack.create",
        pk("foreign_programme"),
        expect(403, coordinator=404, curator=404, other_coordinator=200),
    ),
    get(
        "mentoring:pack.detail", pk("pack"), expect(403, coordinator=200, curator=404, other_coordinator=404)
    ),
    get(
        "mentoring:pack.detail",
        pk("foreign_pack"),
        expect(403, coordinator=404, curator=404, other_coordinator=200),
    ),
    get(
        "mentoring:pack.download",
        pk("pack"),
        expect(403, coordinator=200, curator=404, other_coordinator=404),
    ),
    # Trust (issue 9): «Повторить» a failed pack — the pack's own managers only
    post(
        "mentoring:pack.retry",
        pk("failed_pack"),
        expect(403, coordinator=302, curator=404, other_coordinator=404),
    ),
]
