"""Whether a mentor may take a mentee in a form (the hard rules), and how well they fit: points with the
reasons in words («компетенция «подготовка к олимпиадам» ↔ запрос «подготовка к олимпиаде»; подходящий
возраст; свободно 2 места из 5»).

`evaluate` gives one pair's points and reasons; `points_matrix` the same points for every pair of the form at
once, in array operations (300 × 1,000 in a fraction of a second); the words are built only for the pairs
shown."""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

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


# Every pair at once -------------------------------------------------------------------------------------


def _incidence(sets: list[frozenset], vocabulary: dict) -> tuple[list[int], list[int]]:
    """Rows and columns of the people × words matrix: 1 where a person's text has the word."""
    rows, cols = [], []
    for i, words in enumerate(sets):
        for word in words:
            rows.append(i)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    return rows, cols


def _shared(left: list[frozenset], right: list[frozenset]) -> np.ndarray:
    """How many words each of `left` shares with each of `right` (a sparse product, not a double loop)."""
    vocabulary: dict = {}
    left_rc, right_rc = _incidence(left, vocabulary), _incidence(right, vocabulary)
    size = max(1, len(vocabulary))
    a = sparse.csr_matrix((np.ones(len(left_rc[0])), left_rc), shape=(len(left), size))
    b = sparse.csr_matrix((np.ones(len(right_rc[0])), right_rc), shape=(len(right), size))
    return (a @ b.T).toarray()


def _numbers(values) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def points_matrix(board) -> np.ndarray:
    """`evaluate(mentor, mentee).points` for every pair (mentees × mentors) in array operations, NaN where
    `obstacle` forbids the pair: the same rules and points, fast enough for 300 × 1,000 (tests compare the
    two)."""
    mentors, mentees, roles = board.mentors, board.mentees, board.roles
    n, m = len(mentees), len(mentors)
    if not n or not m:
        return np.full((n, m), np.nan)
    mentor_stems = [mentor.stems for mentor in mentors]
    points = np.minimum(TEXT_MAX, TEXT_POINTS * _shared([e.stems for e in mentees], mentor_stems))
    hints = [CATEGORY_HINTS.get(e.category_code, frozenset()) for e in mentees]
    points += HINT_POINTS * (_shared(hints, mentor_stems) > 0)
    points += SUBJECT_POINTS * (
        _shared([e.subject for e in mentees], [mentor.subject for mentor in mentors]) > 0
    )
    column = {mentor.person_id: j for j, mentor in enumerate(mentors)}
    for i, mentee in enumerate(mentees):
        seen = set()
        for rank, person_id in enumerate(mentee.preferred):
            j = column.get(person_id)
            if j is not None and person_id not in seen:
                points[i, j] += PREFERENCE_POINTS[min(rank, len(PREFERENCE_POINTS) - 1)]
            seen.add(person_id)
    ages, grades = _numbers(e.age for e in mentees), _numbers(e.grade for e in mentees)
    for j, mentor in enumerate(mentors):
        if mentor.ages is not None:
            values = grades if mentor.ages.unit == "grade" else ages
            holds = (mentor.ages.low <= values) & (values <= mentor.ages.high)
            points[:, j] += np.where(np.isnan(values), 0, np.where(holds, AGE_POINTS, AGE_OUTSIDE))
    staff = np.array([mentor.kind == STAFF for mentor in mentors])
    experience = _numbers(mentor.experience for mentor in mentors)
    trained = np.array([mentor.trained for mentor in mentors])
    with np.errstate(invalid="ignore"):
        points += TRAINED_POINTS * trained + EXPERIENCE_POINTS * (staff & (experience >= 5))
    forbidden = np.zeros((n, m), dtype=bool)
    forbidden[:, [mentor.kind not in roles.mentor_kinds for mentor in mentors]] = True
    forbidden[[mentee.kind not in roles.mentee_kinds for mentee in mentees], :] = True
    if roles.min_experience:
        with np.errstate(invalid="ignore"):
            forbidden[:, staff & (experience < roles.min_experience)] = True
    row = {mentee.person_id: i for i, mentee in enumerate(mentees)}
    for j, mentor in enumerate(mentors):
        for person_id in {mentor.person_id, *mentor.ward_ids}:
            if person_id in row:
                forbidden[row[person_id], j] = True
    if roles.mentor_older:
        mentor_ages = _numbers(mentor.age for mentor in mentors)
        mentor_grades = _numbers(mentor.grade for mentor in mentors)
        by_age = mentor_ages[None, :] - ages[:, None]
        gap = np.where(np.isnan(by_age), mentor_grades[None, :] - grades[:, None], by_age)
        with np.errstate(invalid="ignore"):
            points += np.where(gap > 0, np.where((gap >= 2) & (gap <= 4), 10, np.where(gap > 4, 6, 4)), 0)
            forbidden |= np.isnan(gap) | (gap <= 0)
    points[forbidden] = np.nan
    return points
