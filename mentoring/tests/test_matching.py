"""Pair suggestions: the hard rules, the score and its reasons in words, the optimal assignment of the whole
form, the preferences and intake answers from a registered source, and the acceptance into draft pairs."""

from datetime import date

import numpy as np
import pytest
from django.core.exceptions import ValidationError

from accounts.models import AuditEntry, Guardianship, Person
from conftest import make_person
from mentoring.matching import suggest
from mentoring.matching.board import age_range
from mentoring.models import MenteeCategory, MenteeProfile, MentoringForm, MentorProfile, Pair
from mentoring.selectors.matching import matching_board
from mentoring.services.matching import suggestions_accept

from .factories import make_pair

STUDENT, STAFF = Person.Kind.STUDENT, Person.Kind.STAFF


def form(code):
    return MentoringForm.objects.get(code=code)


def mentor(world, last, first, middle="", *, kind=STAFF, competencies="", **profile):
    person_fields = {k: profile.pop(k) for k in ("group", "birth_date", "position") if k in profile}
    person = make_person(world.school, last, first, middle, kind=kind, **person_fields)
    MentorProfile.objects.create(
        organization=world.school,
        person=person,
        entered_on=date(2025, 9, 1),
        competencies=competencies,
        **profile,
    )
    return person


def mentee(world, last, first, middle="", *, kind=STUDENT, request="учёба", category=None, **fields):
    person = make_person(world.school, last, first, middle, kind=kind, **fields)
    MenteeProfile.objects.create(
        organization=world.school,
        person=person,
        entered_on=date(2025, 9, 1),
        main_request=request,
        category=MenteeCategory.objects.get(code=category) if category else None,
    )
    return person


def suggestions(programme, code):
    return suggest(matching_board(programme, form(code)))


def pairs_of(result):
    return {(s.mentor.person_id, s.mentee.person_id) for s in result.pairs}


def test_the_score_comes_with_its_reasons_in_words(world, programme):
    teacher = mentor(
        world,
        "Соколова",
        "Нина",
        "Павловна",
        competencies="подготовка к олимпиадам; робототехника",
        desired_mentee_age="5–7 классы",
        training_status="trained",
        trained_on=date(2025, 10, 20),
        experience_years=22,
    )
    pupil = mentee(
        world,
        "Орлов",
        "Глеб",
        "Ильич",
        group="6А",
        request="подготовка к олимпиаде по физике",
        category="gifted",
    )
    [suggestion] = suggestions(programme, "teacher_pupil").pairs
    assert (suggestion.mentor.person_id, suggestion.mentee.person_id) == (teacher.pk, pupil.pk)
    assert suggestion.fit.reasons == [
        "компетенция «подготовка к олимпиадам» ↔ запрос «подготовка к олимпиаде по физике»",
        "категория «Проявившие выдающиеся способности» ↔ компетенция «подготовка к олимпиадам»",
        "подходящий возраст",
        "обучен(а) в «Школе наставников»",
        "стаж 22 года",
        "свободно 5 мест из 5",
    ]
    assert suggestion.fit.score >= 50


def test_a_mentor_outside_the_wanted_age_scores_lower(world, programme):
    mentor(world, "Белова", "Вера", "Ивановна", competencies="чтение", desired_mentee_age="1-4 классы")
    mentor(world, "Громова", "Анна", "Олеговна", competencies="чтение")
    mentee(world, "Орлов", "Глеб", "Ильич", group="9А", request="чтение")
    [suggestion] = suggestions(programme, "teacher_pupil").pairs
    assert suggestion.mentor.name.startswith("Громова")
    [(other, score)] = suggestion.alternatives
    assert other.name.startswith("Белова") and score < suggestion.fit.score


def test_desired_ages_as_schools_write_them():
    assert (age_range("5–7 классы").unit, age_range("5–7 классы").low, age_range("5–7 классы").high) == (
        "grade",
        5,
        7,
    )
    assert (age_range("12-14 лет").unit, age_range("12-14 лет").high) == ("age", 14)
    assert (age_range("младшие школьники").low, age_range("младшие школьники").high) == (1, 4)
    assert age_range("любой") is None and age_range("") is None


def test_a_parent_never_mentors_their_own_child(world, programme):
    parent = world.persons["parent"]  # the mother of the world's child
    MentorProfile.objects.create(organization=world.school, person=parent, entered_on=date(2025, 9, 1))
    MenteeProfile.objects.create(
        organization=world.school,
        person=world.persons["child"],
        entered_on=date(2025, 9, 1),
        main_request="учёба",
    )
    result = suggestions(programme, "teacher_pupil")
    assert result.pairs == []
    [unmatched] = result.unmatched
    assert (
        unmatched.why
        == "никто из наставников не подходит: родитель не может быть наставником своего ребёнка (1 наставник)"
    )
    other_child = mentee(world, "Орлов", "Глеб", "Ильич", group="6А")
    assert pairs_of(suggestions(programme, "teacher_pupil")) == {(parent.pk, other_child.pk)}


def test_teacher_teacher_pairs_only_teachers(world, programme):
    teacher = mentor(world, "Соколова", "Нина", "Павловна", competencies="методика")
    mentor(world, "Громов", "Артём", "", kind=STUDENT, group="11А")  # a pupil-mentor: not in this form
    young = mentee(
        world, "Лосева", "Ирина", "Петровна", kind=STAFF, position="учитель химии", request="методика"
    )
    mentee(world, "Орлов", "Глеб", "Ильич", group="6А")  # a pupil: not a mentee of this form
    board = matching_board(programme, form("teacher_teacher"))
    assert [m.person_id for m in board.mentors] == [teacher.pk]
    assert [m.person_id for m in board.mentees] == [young.pk]
    assert pairs_of(suggest(board)) == {(teacher.pk, young.pk)}


def test_pupil_pupil_pairs_an_older_pupil_with_a_younger_one(world, programme):
    senior = mentor(
        world, "Громов", "Артём", "Олегович", kind=STUDENT, group="10А", competencies="математика"
    )
    junior_mentor = mentor(world, "Белкин", "Иван", "Ильич", kind=STUDENT, group="5Б")
    pupil = mentee(world, "Орлов", "Глеб", "Ильич", group="7А", request="математика")
    result = suggestions(programme, "pupil_pupil")
    assert pairs_of(result) == {(senior.pk, pupil.pk)}
    assert "старше на 3 класса" in result.pairs[0].fit.reasons
    assert [m.person_id for m, _ in result.pairs[0].alternatives] == []  # the 5th-former may not
    junior_mentor_card = matching_board(programme, form("pupil_pupil")).mentor(junior_mentor.pk)
    assert junior_mentor_card.grade == 5


def test_a_teacher_mentoring_pupils_needs_five_years_when_known(world, programme):
    mentor(world, "Новикова", "Ольга", "Ивановна", competencies="математика", experience_years=2)
    mentee(world, "Орлов", "Глеб", "Ильич", group="7А", request="математика")
    [unmatched] = suggestions(programme, "teacher_pupil").unmatched
    assert "стаж наставника 2 — нужен от 5 лет" in unmatched.why


def test_capacity_five_counts_the_mentors_open_pairs(world, programme):
    teacher = mentor(world, "Соколова", "Нина", "Павловна", competencies="математика")
    pupils = [
        mentee(world, "Ученик", name, "Ильич", group="6А", request="математика")
        for name in ["Антон", "Борис", "Виктор", "Глеб", "Денис"]
    ]
    make_pair(
        programme,
        form="teacher_teacher",
        mentor=teacher,
        mentees=[mentee(world, "Лосева", "Ирина", "Петровна", kind=STAFF, position="учитель")],
        by=world.users["coordinator"],
        stage="draft",
    )
    result = suggestions(programme, "teacher_pupil")
    assert len(result.pairs) == 4  # one of her five places is taken in another form
    assert all("свободно 4 места из 5" in s.fit.reasons for s in result.pairs)
    [left] = result.unmatched
    assert left.mentee.person_id in {p.pk for p in pupils}
    assert left.why.startswith("свободные места подходящих наставников (1 наставник) отданы наставляемым")


def test_the_assignment_is_optimal_for_the_whole_form_not_greedy(world, programme):
    # Клюева fits both pupils better than Юдина, but has one place: the best total gives the second pupil to Юдина
    # only if Клюева takes the one whom nobody else may take.
    kluyeva = mentor(world, "Клюева", "Анна", "Ивановна", competencies="олимпиада математика шахматы")
    yudina = mentor(
        world, "Юдина", "Вера", "Ивановна", competencies="шахматы", desired_mentee_age="1-4 классы"
    )
    for _ in range(4):  # four of Клюева's places are taken already
        make_pair(
            programme,
            form="teacher_teacher",
            mentor=kluyeva,
            mentees=[mentee(world, "Занятой", "Пётр", "Ильич", kind=STAFF, position="учитель")],
            by=world.users["coordinator"],
            stage="draft",
        )
    strong = mentee(world, "Сильный", "Глеб", "Ильич", group="3А", request="олимпиада математика шахматы")
    older = mentee(world, "Старший", "Олег", "Ильич", group="9А", request="олимпиада математика")
    Guardianship.objects.create(guardian=yudina, child=older, relation="mother")  # Юдина may not take him
    result = suggestions(programme, "teacher_pupil")
    assert pairs_of(result) == {(kluyeva.pk, older.pk), (yudina.pk, strong.pk)}
    assert result.unmatched == []


def test_preferences_and_intake_answers_from_a_registered_source(world, programme, preference_source):
    best_by_text = mentor(world, "Соколова", "Нина", "Павловна", competencies="робототехника")
    chosen = mentor(world, "Белова", "Вера", "Ивановна", competencies="хор")
    pupil = mentee(world, "Орлов", "Глеб", "Ильич", group="6А", request="робототехника")
    assert pairs_of(suggestions(programme, "teacher_pupil")) == {(best_by_text.pk, pupil.pk)}
    preference_source(
        preferences=lambda p: {pupil.pk: [chosen.pk]} if p == programme else {},
        intake=lambda p: {chosen.pk: "веду кружок робототехники"},
    )
    [suggestion] = suggestions(programme, "teacher_pupil").pairs
    assert suggestion.mentor.person_id == chosen.pk
    assert suggestion.fit.reasons[:2] == [
        "выбор наставляемого после общей встречи (№ 1)",
        "анкета «веду кружок робототехники» ↔ запрос «робототехника»",
    ]


def test_accepting_suggestions_creates_draft_pairs_and_groups(world, programme):
    teacher = mentor(world, "Соколова", "Нина", "Павловна", competencies="математика")
    first = mentee(world, "Орлов", "Глеб", "Ильич", group="6А", request="математика")
    second = mentee(world, "Зайцев", "Олег", "Ильич", group="6А", request="математика")
    by = world.users["coordinator"]
    kwargs = {
        "programme": programme,
        "form": form("teacher_pupil"),
        "start_date": date(2025, 10, 1),
        "end_date": date(2026, 5, 29),
        "by": by,
    }
    [pair] = suggestions_accept(choices=[(teacher, first)], **kwargs)
    assert pair.status == Pair.Status.DRAFT and list(pair.mentees.all()) == [first]
    [same] = suggestions_accept(choices=[(teacher, second)], **kwargs)  # row by row: the same group grows
    assert same.pk == pair.pk and set(pair.mentees.all()) == {first, second}
    entry = AuditEntry.objects.filter(action="matching.accept").latest("created_at")
    assert entry.actor == by and entry.data["accepted"] == [[teacher.pk, second.pk]]
    with pytest.raises(ValidationError) as refused:  # the page was stale: the mentee is in a pair already
        suggestions_accept(choices=[(teacher, first)], **kwargs)
    assert "наставляемый уже в паре по форме «Учитель – ученик»" in refused.value.messages[0]


def test_accepting_is_all_or_nothing_and_checks_the_rules_again(world, programme):
    teacher = mentor(world, "Соколова", "Нина", "Павловна")
    pupil = mentee(world, "Орлов", "Глеб", "Ильич", group="6А")
    parent = world.persons["parent"]
    MentorProfile.objects.create(organization=world.school, person=parent, entered_on=date(2025, 9, 1))
    MenteeProfile.objects.create(
        organization=world.school,
        person=world.persons["child"],
        entered_on=date(2025, 9, 1),
        main_request="учёба",
    )
    with pytest.raises(ValidationError) as refused:
        suggestions_accept(
            programme=programme,
            form=form("teacher_pupil"),
            choices=[(teacher, pupil), (parent, world.persons["child"])],
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
            by=world.users["coordinator"],
        )
    assert refused.value.messages == [
        "Сидоров Павел Игоревич — Сидорова Е.А.: родитель не может быть наставником своего ребёнка."
    ]
    assert not Pair.objects.exists()


@pytest.mark.parametrize("code", ["teacher_pupil", "pupil_pupil", "teacher_teacher"])
def test_the_fast_scores_of_all_pairs_are_the_scores_of_each_pair(code):
    """points_matrix (array operations, for the whole form) = evaluate and obstacle (one pair at a time)."""
    from mentoring.matching import obstacle as one_obstacle
    from mentoring.matching.board import Board, MenteeCard, MentorCard, phrases
    from mentoring.matching.roles import FORM_ROLES
    from mentoring.matching.scoring import evaluate, points_matrix

    kinds = [STAFF, STUDENT, Person.Kind.EXTERNAL]
    texts = [
        "подготовка к олимпиадам; робототехника",
        "чтение",
        "инклюзивное образование",
        "",
        "шахматы, проекты",
    ]
    ranges = ["5–7 классы", "12-14 лет", "", "младшие школьники"]
    mentors = [
        MentorCard(
            person_id=100 + j,
            name=f"Наставник {j}",
            short_name=f"Н{j}",
            kind=kinds[j % 3],
            description="",
            age=None if j % 4 == 0 else 14 + j,
            grade=None if j % 5 == 0 else 1 + j % 11,
            phrases=phrases("компетенция", texts[j % len(texts)]),
            position=["учитель математики", "учитель химии", ""][j % 3],
            load=j % 6,
            trained=j % 2 == 0,
            experience=None if j % 3 == 0 else j % 9,
            ages=age_range(ranges[j % len(ranges)]),
            ward_ids=frozenset({200 + j}) if j % 4 == 1 else frozenset(),
        )
        for j in range(14)
    ]
    mentees = [
        MenteeCard(
            person_id=200 + i if i != 3 else 103,  # one mentee is also a mentor
            name=f"Наставляемый {i}",
            short_name=f"У{i}",
            kind=kinds[i % 3] if i % 2 else STUDENT,
            description="",
            age=None if i % 3 == 0 else 8 + i,
            grade=None if i % 4 == 0 else 1 + (i * 2) % 11,
            phrases=phrases("запрос", ["подготовка к олимпиаде", "чтение книг", "шахматы", ""][i % 4]),
            position=["учитель математики", ""][i % 2],
            category_code=["gifted", "disabilities", "", "digital_skills"][i % 4],
            category_name="категория",
            preferred=(100 + (i % 14), 100 + ((i * 5) % 14), 100 + (i % 14)) if i % 2 else (),
        )
        for i in range(17)
    ]
    board = Board(form_name="Форма", roles=FORM_ROLES[code], mentors=mentors, mentees=mentees)
    matrix = points_matrix(board)
    allowed = 0
    for i, mentee_card in enumerate(mentees):
        for j, mentor_card in enumerate(mentors):
            reason = one_obstacle(board.roles, board.form_name, mentor_card, mentee_card)
            if reason is None:
                allowed += 1
                assert matrix[i, j] == evaluate(mentor_card, mentee_card, board.roles).points, (i, j)
            else:
                assert np.isnan(matrix[i, j]), (i, j, reason)
    assert allowed > 10
