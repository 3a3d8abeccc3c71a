"""Accepted pair suggestions → draft pairs, through the pair services (pair_create, pair_add_mentee).

The suggestions the coordinator accepts come back from the page; they are checked again against the bases as
they are now (hard rules, places left), all or nothing."""

from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Person
from accounts.services import audit
from mentoring.matching import obstacle
from mentoring.matching.scoring import places
from mentoring.models import MAX_MENTEES, Pair
from mentoring.selectors.matching import matching_board

from .pairs import pair_add_mentee, pair_create


@transaction.atomic
def suggestions_accept(
    *, programme, form, choices: list[tuple[Person, Person]], start_date: date, end_date: date, by
) -> list[Pair]:
    """Each (mentor, mentee) accepted; a mentor's mentees join the mentor's draft pair of this form when it has
    room, otherwise they form a new draft pair (a group when more than one)."""
    if not choices:
        raise ValidationError("Не выбрано ни одной пары.")
    # Two coordinators accepting at once must not give one mentor a sixth mentee between them.
    list(
        Person.objects.select_for_update().filter(pk__in={mentor.pk for mentor, _ in choices}).order_by("pk")
    )
    board = matching_board(programme, form)
    errors, chosen, per_mentor = [], set(), defaultdict(list)
    for mentor, mentee in choices:
        card, mentee_card = board.mentor(mentor.pk), board.mentee(mentee.pk)
        who = f"{mentee.full_name} — {mentor.short_name}"
        if mentee.pk in chosen:
            errors.append(f"{mentee.full_name} выбран(а) дважды: у наставляемого одна пара в форме.")
        elif card is None:
            errors.append(f"{who}: {mentor.full_name} нет среди наставников этой формы в базе.")
        elif mentee_card is None:
            errors.append(f"{who}: наставляемый уже в паре по форме «{form}» или выбыл из базы.")
        elif problem := obstacle(board.roles, board.form_name, card, mentee_card):
            errors.append(f"{who}: {problem}.")
        chosen.add(mentee.pk)
        per_mentor[mentor].append(mentee)
    for mentor, mentees in per_mentor.items():
        card = board.mentor(mentor.pk)
        if card is not None and len(mentees) > card.free:
            errors.append(f"У наставника {mentor.full_name} {places(card.free)}, а выбрано {len(mentees)}.")
    if errors:
        raise ValidationError(errors)
    pairs = []
    for mentor, mentees in per_mentor.items():
        draft = (
            Pair.objects.filter(programme=programme, form=form, mentor=mentor, status=Pair.Status.DRAFT)
            .order_by("-created_at", "-pk")
            .first()
        )
        if draft is not None and draft.memberships.filter(is_open=True).count() + len(mentees) <= MAX_MENTEES:
            for mentee in mentees:
                pair_add_mentee(pair=draft, mentee=mentee, by=by)
            pairs.append(draft)
        else:
            pairs.append(
                pair_create(
                    programme=programme,
                    form=form,
                    mentor=mentor,
                    mentees=mentees,
                    start_date=start_date,
                    end_date=end_date,
                    by=by,
                )
            )
    audit(
        organization=programme.organization,
        actor=by,
        action="matching.accept",
        obj=programme,
        form=form.pk,
        pairs=[pair.pk for pair in pairs],
        accepted=[[mentor.pk, mentee.pk] for mentor, mentee in choices],
    )
    return pairs
