"""Whether a mentor may take a mentee in a form (the hard rules), and how well they fit: points with the
reasons in words («компетенция «подготовка к олимпиадам» ↔ запрос «подготовка к олимпиаде»; подходящий
возраст; свободно 2 места из 5»).

`evaluate(..., explain=False)` counts the same points without building the words: it runs for every pair of
the base (300 × 1,000 in well under a second); the words are built only for the pairs shown."""

from dataclasses import dataclass

from mentoring.documents.russian import plural_ru
from mentoring.imports.words import stems
from mentoring.models import MAX_MENTEES

from .board import MenteeCard, MentorCard, Phrase
from .roles import STAFF, FormRoles

PREFERENCE_POINTS = (40, 30, 20)  # the mentee's first, second, further choice after the group meeting
TEXT_POINTS, TEXT_MAX = 12, 36  # per shared word of the competencies and the request
HINT_POINTS = 15  # the mentee's category ↔ a competency that serves it
SUBJECT_POINTS = 15  # teachers of one subject
AGE_POINTS, AGE_OUTSIDE = 10, -15
TRAINED_POINTS = 5
EXPERIENCE_POINTS = 5

# What a mentor's competencies say when they can help a category of mentees (stems of the words).
CATEGORY_HINTS = {
    code: stems(words)
    for code, words in {
        "gifted": "олимпиада одаренные проект исследование конкурс",
        "low_results": "успеваемость отстающие неуспевающие пробелы подготовка к экзаменам",
        "disabilities": "овз инклюзивное коррекционная дефектолог логопед тьютор",
        "difficult_life_situation": "психолог социальная поддержка сопровождение",
        "behaviour_problems": "поведение профилактика психолог конфликты",
        "disengaged": "вовлечение коллектив досуг кружок волонтерство",
        "risk_group": "профилактика правонарушений психолог",
        "low_motivation": "мотивация интерес",
        "adaptation_problems": "адаптация коллектив",
        "young_specialist": "методика молодые специалисты наставничество",
        "burnout": "выгорание психолог стресс",
        "new_workplace": "адаптация традиции",
        "digital_skills": "цифровые икт компьютер информатика дистанционное",
        "professional_difficulties": "методика аттестация",
    }.items()
}


@dataclass
class Fit:
    points: int  # may be below zero: the assignment uses it as it is
    reasons: list[str]

    @property
    def score(self) -> int:
        """What the coordinator sees: 0 … 100."""
        return max(0, min(100, self.points))


def obstacle(roles: FormRoles, form_name: str, mentor: MentorCard, mentee: MenteeCard) -> str | None:
    """Why this mentor may not take this mentee in the form, or None. The capacity is checked by the
    assignment, which knows how many places it has already given."""
    if mentor.person_id == mentee.person_id:
        return "один и тот же человек"
    if mentee.person_id in mentor.ward_ids:
        return "родитель не может быть наставником своего ребёнка"
    if mentor.kind not in roles.mentor_kinds or mentee.kind not in roles.mentee_kinds:
        return roles.describe(form_name)
    if roles.mentor_older:
        gap = _gap(mentor, mentee)
        if gap is None:
            return "не известны ни возраст, ни класс — нельзя проверить, что наставник старше"
        if gap <= 0:
            return "наставник должен быть старше наставляемого"
    if roles.min_experience and mentor.kind == STAFF and mentor.experience is not None:
        if mentor.experience < roles.min_experience:
            return f"стаж наставника {mentor.experience} — нужен от {roles.min_experience} лет"
    return None


def _gap(mentor: MentorCard, mentee: MenteeCard) -> int | None:
    """How much older the mentor is: in years when both birth dates are known, else in classes."""
    if mentor.age is not None and mentee.age is not None:
        return mentor.age - mentee.age
    if mentor.grade is not None and mentee.grade is not None:
        return mentor.grade - mentee.grade
    return None


def _best_pair(mentor_phrases: list[Phrase], mentee_phrases: list[Phrase]) -> tuple[Phrase, Phrase] | None:
    best, best_count = None, 0
    for ours in mentor_phrases:
        for theirs in mentee_phrases:
            count = len(ours.stems & theirs.stems)
            if count > best_count:
                best, best_count = (ours, theirs), count
    return best


def places(free: int) -> str:
    return f"свободно {free} {plural_ru(free, 'место', 'места', 'мест')} из {MAX_MENTEES}"


def evaluate(mentor: MentorCard, mentee: MenteeCard, roles: FormRoles, *, explain: bool = False) -> Fit:
    points, reasons = 0, []
    if mentor.person_id in mentee.preferred:
        rank = mentee.preferred.index(mentor.person_id)
        points += PREFERENCE_POINTS[min(rank, len(PREFERENCE_POINTS) - 1)]
        if explain:
            reasons.append(f"выбор наставляемого после общей встречи (№ {rank + 1})")
    common = mentor.stems & mentee.stems
    if common:
        points += min(TEXT_MAX, TEXT_POINTS * len(common))
        if explain and (pair := _best_pair(mentor.phrases, mentee.phrases)):
            reasons.append(f"{pair[0].label} «{pair[0].text}» ↔ {pair[1].label} «{pair[1].text}»")
    hint = CATEGORY_HINTS.get(mentee.category_code)
    if hint and mentor.stems & hint:
        points += HINT_POINTS
        if explain:
            phrase = next(p for p in mentor.phrases if p.stems & hint)
            reasons.append(f"категория «{mentee.category_name}» ↔ {phrase.label} «{phrase.text}»")
    if mentor.subject and mentor.subject & mentee.subject:
        points += SUBJECT_POINTS
        if explain:
            reasons.append(f"тот же предмет: {mentee.description}")
    if mentor.ages is not None:
        holds = mentor.ages.holds(age=mentee.age, grade=mentee.grade)
        if holds is not None:
            points += AGE_POINTS if holds else AGE_OUTSIDE
            if explain:
                reasons.append(
                    "подходящий возраст"
                    if holds
                    else f"вне желаемого возраста наставника ({mentor.ages.text})"
                )
    if roles.mentor_older:
        gap = _gap(mentor, mentee)
        if gap is not None and gap > 0:
            points += 10 if 2 <= gap <= 4 else 6 if gap > 4 else 4
            if explain:
                in_years = mentor.age is not None and mentee.age is not None
                unit = (
                    plural_ru(gap, "год", "года", "лет")
                    if in_years
                    else plural_ru(gap, "класс", "класса", "классов")
                )
                reasons.append(f"старше на {gap} {unit}")
    if mentor.trained:
        points += TRAINED_POINTS
        if explain:
            reasons.append("обучен(а) в «Школе наставников»")
    if mentor.experience is not None and mentor.experience >= 5 and mentor.kind == STAFF:
        points += EXPERIENCE_POINTS
        if explain:
            reasons.append(f"стаж {mentor.experience} {plural_ru(mentor.experience, 'год', 'года', 'лет')}")
    if explain:
        reasons.append(places(mentor.free))
    return Fit(points, reasons)
