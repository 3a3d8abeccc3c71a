"""A category as a school writes it («ОВЗ», «одарённые», «Молодой спец-т») → the target model's catalogue
(mentoring.models.MenteeCategory / MentorCategory): without case, with common synonyms and typos."""

import difflib

from mentoring.models import Audience

from .normalise import Problem, key
from .words import stems

# The usual short names of the catalogue's categories, by code (the catalogue's own names match anyway).
MENTEE_SYNONYMS = {
    "gifted": [
        "одаренные",
        "одаренный",
        "одаренная",
        "одаренные дети",
        "высокомотивированные",
        "талантливые",
        "выдающиеся способности",
        "олимпиадники",
    ],
    "low_results": [
        "неуспевающие",
        "неуспевающий",
        "слабоуспевающие",
        "низкая успеваемость",
        "неудовлетворительные результаты",
        "отстающие",
        "неудовлетворительная успеваемость",
    ],
    "disabilities": [
        "овз",
        "дети с овз",
        "обучающиеся с овз",
        "с овз",
        "ограниченные возможности здоровья",
        "инвалидность",
        "ребенок инвалид",
        "дети инвалиды",
    ],
    "difficult_life_situation": [
        "тжс",
        "трудная жизненная ситуация",
        "в трудной жизненной ситуации",
        "сирота",
        "сироты",
        "опекаемые",
        "оставшиеся без попечения родителей",
    ],
    "behaviour_problems": [
        "проблемы с поведением",
        "проблемное поведение",
        "девиантное поведение",
        "трудные подростки",
        "трудновоспитуемые",
        "нарушения дисциплины",
    ],
    "disengaged": ["отстраненные от коллектива", "пассивные", "пассивный", "не участвуют в жизни школы"],
    "risk_group": ["группа риска", "кдн", "пдн", "на учете", "внутришкольный учет", "вшу"],
    "low_motivation": ["низкая мотивация", "низкая учебная мотивация", "немотивированные"],
    "adaptation_problems": [
        "проблемы с адаптацией",
        "адаптация",
        "новенькие",
        "новый ученик",
        "вновь прибывшие",
    ],
    "young_specialist": [
        "молодой специалист",
        "молодые специалисты",
        "молодой педагог",
        "молодой учитель",
        "начинающий педагог",
        "начинающий учитель",
        "мс",
    ],
    "burnout": [
        "выгорание",
        "эмоциональное выгорание",
        "профессиональное выгорание",
        "хроническая усталость",
    ],
    "new_workplace": [
        "новый сотрудник",
        "новые сотрудники",
        "новый педагог",
        "новый учитель",
        "адаптация",
        "адаптация на новом месте",
        "вновь принятые",
    ],
    "digital_skills": [
        "цифровые навыки",
        "икт",
        "икт компетенции",
        "цифровые компетенции",
        "современные программы",
    ],
    "professional_difficulties": [
        "профессиональные затруднения",
        "затруднения",
        "профессиональные трудности",
    ],
}
MENTOR_SYNONYMS = {
    "student_peer": ["ученик", "обучающийся", "школьник", "учащийся", "старшеклассник", "студент", "ученица"],
    "teacher": [
        "педагог",
        "учитель",
        "преподаватель",
        "воспитатель",
        "классный руководитель",
        "педагог психолог",
        "психолог",
        "социальный педагог",
        "работник школы",
        "сотрудник школы",
    ],
    "parent": ["родитель", "родители", "мама", "папа", "член родительского комитета", "родительский комитет"],
    "graduate": ["выпускник", "выпускница", "выпускники"],
    "employer_staff": [
        "сотрудник предприятия",
        "работодатель",
        "представитель предприятия",
        "представитель работодателя",
        "специалист предприятия",
    ],
    "entrepreneur": ["предприниматель", "бизнесмен", "общественный деятель", "ип"],
    "teaching_veteran": ["ветеран", "ветеран педагогического труда", "педагог на пенсии", "пенсионер"],
    "partner_org_staff": ["партнер", "организация партнер", "представитель партнера", "нко"],
    "college_teacher": ["преподаватель вуза", "преподаватель колледжа", "педагог вуза", "педагог колледжа"],
    "school_head": ["директор", "заместитель директора", "завуч", "администрация", "руководитель оо"],
}

# Who a category fits: a mentee category's audience against the person (a pupil or a member of staff).
FITS = {
    "student": {Audience.STUDENTS, Audience.ANY},
    "staff": {Audience.TEACHERS, Audience.ANY},
    None: {Audience.STUDENTS, Audience.TEACHERS, Audience.ANY},
}


class Catalogue:
    """The categories of one base with every way of writing them, built once per preview."""

    def __init__(self, categories, synonyms: dict[str, list[str]]):
        self.categories = list(categories)
        self.written: dict[str, list] = {}  # a normalised way of writing → categories
        for category in self.categories:
            for phrase in [category.name, category.code.replace("_", " "), *synonyms.get(category.code, [])]:
                self.written.setdefault(key(phrase), []).append(category)
        self.by_stems = [(stems(phrase), cats) for phrase, cats in self.written.items() if stems(phrase)]

    def _pick(self, found: list, audience_of):
        fitting = [c for c in found if audience_of is None or c.audience in audience_of]
        return (fitting or found)[0]

    def match(self, value: str, *, fits: set | None = None):
        """The category meant by `value`, or Problem naming it; `fits`: the audiences that suit the person
        (a synonym such as «адаптация» means one category for a pupil and another for a teacher)."""
        written = key(value)
        if not written:
            return None
        if written in self.written:
            return self._pick(self.written[written], fits)
        close = difflib.get_close_matches(written, list(self.written), n=1, cutoff=0.82)
        if close:
            return self._pick(self.written[close[0]], fits)
        words = stems(written)
        contained = [(len(phrase), cats) for phrase, cats in self.by_stems if phrase and phrase <= words]
        if contained:
            return self._pick(max(contained, key=lambda item: item[0])[1], fits)
        raise Problem(f"нет такой категории — «{value}»; допустимые перечислены на листе «Справка» шаблона")
