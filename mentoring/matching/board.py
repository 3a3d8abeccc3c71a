"""The people of one form as the matching sees them: cards built once from the bases (and from the intake
questionnaires and the preferences stated after the group meeting, when a source provides them)."""

import re
from dataclasses import dataclass, field

from mentoring.imports.normalise import grade_of
from mentoring.imports.words import stems

from .roles import FormRoles

# Words of a position that say nothing about the subject («учитель математики» → «математики»).
GENERIC_POSITION = stems(
    "учитель педагог преподаватель дополнительного образования старший молодой специалист"
)
# Words every school text has: a shared «школа» or «работа» says nothing about a fit.
GENERIC_WORDS = stems(
    "школа школьный класс ученик ученики учащийся обучающийся учитель педагог работа работы участие "
    "программа наставник наставничество ребенок дети занятия помощь деятельность"
)


@dataclass(frozen=True)
class Phrase:
    label: str  # «компетенция», «запрос», «анкета»
    text: str
    stems: frozenset


def phrases(label: str, text: str) -> list[Phrase]:
    """A free text cut into its phrases («подготовка к олимпиадам; робототехника»), each with its stems."""
    found = []
    for part in re.split(r"[;\n]+|,\s+(?=[а-яёa-z])|\.\s+", text or ""):
        part = part.strip(" .,")
        if part and (part_stems := stems(part) - GENERIC_WORDS):
            found.append(Phrase(label, part, part_stems))
    return found


@dataclass(frozen=True)
class AgeRange:
    unit: str  # "grade" or "age"
    low: int
    high: int
    text: str

    def holds(self, *, age: int | None, grade: int | None) -> bool | None:
        value = grade if self.unit == "grade" else age
        return None if value is None else self.low <= value <= self.high


NAMED_GRADES = [("начальн", 1, 4), ("младш", 1, 4), ("средн", 5, 9), ("основн", 5, 9), ("старш", 10, 11)]


def age_range(text: str) -> AgeRange | None:
    """«5–7 классы», «12-14 лет», «7 класс», «младшие школьники» → a range; «любой», «молодые специалисты» → None."""
    low_text = (text or "").lower().replace("ё", "е")
    if not low_text.strip():
        return None
    numbers = [int(x) for x in re.findall(r"\d{1,2}", low_text)]
    unit = (
        "age" if re.search(r"лет|год", low_text) else "grade" if re.search(r"класс|кл\b", low_text) else None
    )
    if numbers:
        low, high = min(numbers[:2]), max(numbers[:2])
        if unit is None:
            unit = "grade" if high <= 11 else "age"
        return AgeRange(unit, low, high, text.strip())
    for word, low, high in NAMED_GRADES:
        if word in low_text:
            return AgeRange("grade", low, high, text.strip())
    return None


@dataclass
class Card:
    person_id: int
    name: str
    short_name: str
    kind: str
    description: str  # position or class
    age: int | None
    grade: int | None
    phrases: list[Phrase]
    stems: frozenset = field(init=False)
    subject: frozenset = field(init=False)
    position: str = ""

    def __post_init__(self):
        self.stems = frozenset().union(*(p.stems for p in self.phrases)) if self.phrases else frozenset()
        self.subject = stems(self.position) - GENERIC_POSITION if self.position else frozenset()


@dataclass
class MentorCard(Card):
    load: int = 0  # mentees in the mentor's open pairs
    trained: bool = False
    experience: int | None = None
    ages: AgeRange | None = None
    ward_ids: frozenset = frozenset()  # the mentor's own children: never their mentees

    @property
    def free(self) -> int:
        from mentoring.models import MAX_MENTEES

        return max(0, MAX_MENTEES - self.load)


@dataclass
class MenteeCard(Card):
    category_code: str = ""
    category_name: str = ""
    preferred: tuple = ()  # mentor person ids, best first (the preference questionnaire)
    other_forms: tuple = ()  # forms in which the mentee already has an open pair


@dataclass
class Board:
    form_name: str
    roles: FormRoles
    mentors: list[MentorCard]
    mentees: list[MenteeCard]

    def mentor(self, person_id: int) -> MentorCard | None:
        return next((m for m in self.mentors if m.person_id == person_id), None)

    def mentee(self, person_id: int) -> MenteeCard | None:
        return next((m for m in self.mentees if m.person_id == person_id), None)


def card_kwargs(person, today) -> dict:
    return {
        "person_id": person.pk,
        "name": person.full_name,
        "short_name": person.short_name,
        "kind": person.kind,
        "description": person.group if person.kind == "student" else person.position,
        "age": person.age_on(today),
        "grade": grade_of(person.group) if person.kind == "student" else None,
        "position": person.position if person.kind != "student" else "",
    }
