"""Who gets which document beyond the grid (mentoring/tests/grid_rows.py): another mentor's pair, a group's
plans, a draft review, a curator's own pack."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from conftest import make_person
from mentoring import services
from mentoring.models import DocumentPack, MenteeProfile, MentoringForm, MentorProfile, Programme
from mentoring.tests.factories import make_plan
from mentoring.tests.test_documents import ANSWERS, active_pair_of, submitted_review


@dataclass
class Docs:
    plan: object
    review: object
    pack: object
    foreign_plan: object
    foreign_pack: object


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _foreign(world):
    other = world.other
    programme = Programme.objects.create(
        organization=other, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    form = MentoringForm.objects.get(code="teacher_teacher")
    programme.forms.add(form)
    mentor, mentee = world.persons["other_teacher"], make_person(other, "Новенькая", "Анна", "Ивановна")
    MentorProfile.objects.create(organization=other, person=mentor, entered_on=date(2025, 9, 1))
    MenteeProfile.objects.create(
        organization=other, person=mentee, entered_on=date(2025, 9, 1), main_request="адаптация"
    )
    pair = services.pair_create(
        programme=programme,
        form=form,
        mentor=mentor,
        mentees=[mentee],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=None,
    )
    plan = make_plan(pair, mentee=mentee, by=None)
    pack = DocumentPack.objects.create(
        organization=other,
        programme=programme,
        kind="plans",
        format="pdf",
        created_by=world.users["other_coordinator"],
        status="done",
    )
    pack.file.save("pack.pdf", ContentFile(b"%PDF-1.7"))
    return plan, pack


@pytest.fixture
def docs(world, active_pair) -> Docs:
    plan = make_plan(active_pair, mentee=world.persons["child"], by=world.users["mentor"])
    review = submitted_review(world, active_pair, world.persons["child"])
    pack = DocumentPack.objects.create(
        organization=world.school,
        programme=active_pair.programme,
        kind="plans",
        format="pdf",
        created_by=world.users["coordinator"],
        status="done",
    )
    pack.file.save("pack.pdf", ContentFile(b"%PDF-1.7"))
    return Docs(plan, review, pack, *_foreign(world))


def test_a_curators_own_pack_is_theirs_to_see(world, client, docs):
    pack = DocumentPack.objects.create(
        organization=world.school,
        programme=docs.pack.programme,
        kind="plans",
        format="pdf",
        created_by=world.users["curator"],
    )
    assert (
        world.client(client, "curator").get(reverse("mentoring:pack.detail", args=[pack.pk])).status_code
        == 200
    )


def test_a_mentor_cannot_fetch_the_plan_or_review_of_another_mentors_pair(world, client, programme, docs):
    colleague = make_person(world.school, "Смирнов", "Илья", "Андреевич", sex="M")
    MentorProfile.objects.create(organization=world.school, person=colleague, entered_on=date(2025, 9, 1))
    pair = active_pair_of(
        world, programme, form="teacher_teacher", mentor=colleague, mentees=[world.persons["mentee"]]
    )
    plan = make_plan(pair, mentee=world.persons["mentee"], by=world.users["coordinator"])
    review = services.review_save(
        pair=pair, mentee=world.persons["mentee"], answers=ANSWERS, submit=True, by=None
    )
    client = world.client(client, "mentor")
    assert client.get(reverse("mentoring:plan.pdf", args=[plan.pk])).status_code == 404
    assert client.get(reverse("mentoring:review.pdf", args=[review.pk])).status_code == 404
    assert client.get(reverse("mentoring:plan.pdf", args=[docs.plan.pk])).status_code == 200  # her own pair's
    mentee = world.client(client, "mentee")  # the mentee of that pair sees their own plan
    assert mentee.get(reverse("mentoring:plan.pdf", args=[plan.pk])).status_code == 200


def test_in_a_group_a_parent_sees_only_their_childs_plan(world, client, programme):
    group = active_pair_of(
        world,
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"], world.persons["stranger_child"]],
    )
    own = make_plan(group, mentee=world.persons["child"], by=world.users["mentor"])
    other = make_plan(group, mentee=world.persons["stranger_child"], by=world.users["mentor"])
    parent = world.client(client, "parent")
    assert parent.get(reverse("mentoring:plan.pdf", args=[own.pk])).status_code == 200
    assert parent.get(reverse("mentoring:plan.pdf", args=[other.pk])).status_code == 404
    assert (
        world.client(client, "mentor").get(reverse("mentoring:plan.pdf", args=[other.pk])).status_code == 200
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("mentor", 200), ("coordinator", 200), ("curator", 200), ("director", 403), ("parent", 403)],
)
def test_a_draft_review_is_shown_only_to_its_writer_and_the_pairs_managers(
    world, client, active_pair, role, status
):
    review = services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers=ANSWERS, by=world.users["mentor"]
    )
    assert (
        world.client(client, role).get(reverse("mentoring:review.pdf", args=[review.pk])).status_code
        == status
    )


@pytest.mark.parametrize("submit", [False, True])
def test_the_review_pdf_and_the_review_page_follow_one_rule(world, client, active_pair, submit):
    """Issue 9: the parent could download the review the page refused to show. Now every actor gets the same
    answer from both."""
    review = services.review_save(
        pair=active_pair,
        mentee=world.persons["child"],
        answers=ANSWERS,
        submit=submit,
        by=world.users["mentor"],
    )
    page = reverse("mentoring:review.edit", args=[active_pair.pk, world.persons["child"].pk])
    pdf = reverse("mentoring:review.pdf", args=[review.pk])
    for role in (
        "coordinator",
        "curator",
        "director",
        "mentor",
        "mentee",
        "parent",
        "observer",
        "other_coordinator",
    ):
        client.logout()
        shown = world.client(client, role)
        assert (shown.get(page).status_code == 200) == (shown.get(pdf).status_code == 200), role
