"""Who stands on each side of a form of mentoring: the hard rule of the form's roles («Учитель – учитель»:
both teachers; «Ученик – ученик»: both pupils, the mentor older…), from the catalogue's forms by code, and
from the form's audience for a form the school added itself."""

from dataclasses import dataclass

from accounts.models import Person
from mentoring.models import Audience

STAFF, STUDENT, EXTERNAL = Person.Kind.STAFF, Person.Kind.STUDENT, Person.Kind.EXTERNAL
ADULTS = frozenset({STAFF, EXTERNAL})
ANYONE = frozenset({STAFF, STUDENT, EXTERNAL})


@dataclass(frozen=True)
class FormRoles:
    mentor_kinds: frozenset
    mentee_kinds: frozenset
    mentor_older: bool = False  # a pupil mentors a younger pupil
    min_experience: int | None = None  # years of teaching a teacher-mentor needs (seed 000: «от 5 лет»)

    def describe(self, form_name: str) -> str:
        """The rule in words, for the page and for a mentee nobody may mentor."""
        parts = [
            f"наставник — {_who(self.mentor_kinds)}",
            f"наставляемый — {_who(self.mentee_kinds)}",
        ]
        if self.mentor_older:
            parts.append("наставник старше наставляемого")
        if self.min_experience:
            parts.append(f"педагогический стаж наставника от {self.min_experience} лет")
        return f"в форме «{form_name}»: " + ", ".join(parts)


def _who(kinds: frozenset) -> str:
    if kinds == frozenset({STAFF}):
        return "работник школы (педагог)"
    if kinds == frozenset({STUDENT}):
        return "обучающийся"
    if kinds == ADULTS:
        return "педагог или внешний наставник"
    if kinds == frozenset({EXTERNAL}):
        return "внешний наставник"
    return "любой участник"


FORM_ROLES = {
    "teacher_teacher": FormRoles(frozenset({STAFF}), frozenset({STAFF})),
    "teacher_pupil": FormRoles(ADULTS, frozenset({STUDENT}), min_experience=5),
    "pupil_pupil": FormRoles(frozenset({STUDENT}), frozenset({STUDENT}), mentor_older=True),
    "student_student": FormRoles(frozenset({STUDENT}), frozenset({STUDENT}), mentor_older=True),
    "student_pupil": FormRoles(frozenset({STUDENT}), frozenset({STUDENT}), mentor_older=True),
    "lecturer_student": FormRoles(ADULTS, frozenset({STUDENT})),
    "employer_student": FormRoles(ADULTS, frozenset({STUDENT})),
    "director_teacher": FormRoles(frozenset({STAFF}), frozenset({STAFF})),
    "college_teacher_young_teacher": FormRoles(ADULTS, frozenset({STAFF})),
}
BY_AUDIENCE = {
    Audience.TEACHERS: FormRoles(ADULTS, frozenset({STAFF})),
    Audience.STUDENTS: FormRoles(ANYONE, frozenset({STUDENT})),
    Audience.ANY: FormRoles(ANYONE, ANYONE),
}


def roles_for(form) -> FormRoles:
    return FORM_ROLES.get(form.code) or BY_AUDIENCE.get(form.audience, BY_AUDIENCE[Audience.ANY])
