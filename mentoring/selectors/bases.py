"""The two bases of seed 003, Appendix 3, as rows: the same rows feed the page, the .xlsx file and the PDF.

A row describes one person; the columns about their pairs hold one line per pair (on the page a
sub-row, in the spreadsheet a line of the cell), so a mentor with three pairs stays one record."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch

from accounts.models import Guardianship, Person
from accounts.personal_data import processing_allowed_q
from mentoring.models import IndividualPlan, Pair, PairMentee

# The seed titles its forms «Примерная форма базы …»; a filled-in base is simply «База …».
MENTOR_TITLE = "База наставников"
MENTEE_TITLE = "База наставляемых"
PAIR_COLUMNS = 5  # in both tables: who, the form, the workplace, the end date, the results


@dataclass
class BaseRow:
    profile: object
    head: list  # the columns about the person before the pair columns
    pairs: list[list[str]]  # one line of cells per pair, at least one (empty) line
    tail: list  # the columns about the person after the pair columns

    def cells(self) -> list:
        by_column = ["\n".join(column) for column in zip(*self.pairs, strict=True)]
        return [*self.head, *by_column, *self.tail]


def _date(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def _contacts(person: Person) -> str:
    return ", ".join(part for part in (person.phone, person.email) if part)


def _lines(lines: list[list[str]]) -> list[list[str]]:
    return lines or [[""] * PAIR_COLUMNS]


def _pair_end(pair: Pair) -> str:
    return _date(pair.closed_on or pair.end_date)


def _pair_results(pair: Pair) -> str:
    if pair.status == Pair.Status.TERMINATED:
        # The category only: the details may be health data (152-ФЗ art. 10) and stay on the pair page.
        return f"Прекращена досрочно {pair.get_termination_category_display() or 'по иным основаниям'}"
    return pair.results


# The mentor base -----------------------------------------------------------------------------------


def with_mentor_base(profiles, programme=None):
    """Everything the mentor table shows, in a constant number of queries; pairs of `programme` only."""
    pairs = (
        Pair.objects.select_related("form")
        .prefetch_related(
            Prefetch("memberships", queryset=PairMentee.objects.select_related("mentee"), to_attr="places")
        )
        .order_by("start_date", "pk")
    )
    if programme is not None:
        pairs = pairs.filter(programme=programme)
    # Who withdrew their consent to data processing leaves the base and its exports from then on.
    profiles = profiles.filter(processing_allowed_q("person_id"))
    return profiles.select_related("person", "organization", "category").prefetch_related(
        Prefetch("person__mentored_pairs", queryset=pairs, to_attr="base_pairs")
    )


def mentor_rows(profiles, start: int = 1) -> list[BaseRow]:
    rows = []
    for number, profile in enumerate(profiles, start):
        person = profile.person
        lines = [
            [
                ", ".join(place.mentee.full_name for place in pair.places),
                pair.form.name,
                "; ".join(dict.fromkeys(place.mentee.description for place in pair.places)),
                _pair_end(pair),
                _pair_results(pair),
            ]
            for pair in person.base_pairs
        ]
        head = [
            number,
            person.full_name,
            _contacts(person),
            profile.workplace,
            profile.competencies,
            profile.achievements,
            profile.interests_display(),
            profile.desired_mentee_age,
            profile.time_available,
            _date(profile.entered_on),
        ]
        rows.append(BaseRow(profile, head, _lines(lines), [profile.case_link]))
    return rows


# The mentee base -----------------------------------------------------------------------------------


def with_mentee_base(profiles, programme=None):
    """Everything the mentee table shows, in a constant number of queries; pairs and plans of `programme`."""
    places = PairMentee.objects.select_related(
        "pair__form", "pair__mentor__mentor_profile__organization"
    ).order_by("pair__start_date", "pk")
    plans = IndividualPlan.objects.order_by("-start_date", "-pk")
    if programme is not None:
        places = places.filter(pair__programme=programme)
        plans = plans.filter(pair__programme=programme)
    profiles = profiles.filter(processing_allowed_q("person_id"))
    return profiles.select_related("person", "category").prefetch_related(
        Prefetch("person__pair_memberships", queryset=places, to_attr="base_places"),
        Prefetch("person__plans", queryset=plans, to_attr="base_plans"),
        Prefetch(
            "person__guardianships",
            queryset=Guardianship.objects.select_related("guardian"),
            to_attr="guardian_links",
        ),
    )


def _mentee_contacts(person: Person) -> str:
    """A minor is reached through their legal representative («данные представителя»)."""
    if not person.is_minor():
        return _contacts(person)
    if not person.guardian_links:
        return "законный представитель не указан"
    return "; ".join(
        f"{link.guardian.full_name} ({link.get_relation_display().lower()}): "
        f"{_contacts(link.guardian) or '—'}"
        for link in person.guardian_links
    )


def _mentor_workplace(mentor: Person) -> str:
    profile = getattr(mentor, "mentor_profile", None)
    return profile.workplace if profile is not None else mentor.description


def mentee_rows(profiles, start: int = 1) -> list[BaseRow]:
    rows = []
    for number, profile in enumerate(profiles, start):
        person = profile.person
        lines = [
            [
                place.pair.mentor.full_name,
                place.pair.form.name,
                _mentor_workplace(place.pair.mentor),
                _pair_end(place.pair),
                _pair_results(place.pair),
            ]
            for place in person.base_places
        ]
        head = [
            number,
            person.full_name,
            _mentee_contacts(person),
            person.birth_date.year if person.birth_date else "",
            profile.main_request,
            _date(profile.entered_on),
        ]
        mark = person.base_plans[0].get_mark_display() if person.base_plans else ""
        rows.append(BaseRow(profile, head, _lines(lines), [profile.case_link, mark]))
    return rows


def unpaired_mentees(organization):
    """«Без пары»: mentees of the base (still in it) with no open place in any pair, the longest waiting first
    (entered_on says since when they wait)."""
    return (
        organization.mentee_profiles.filter(left_on__isnull=True)
        .filter(~Exists(PairMentee.objects.filter(mentee=OuterRef("person"), is_open=True)))
        .order_by("entered_on", "person__last_name", "pk")
    )
