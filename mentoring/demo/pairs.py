"""Demo data of the mentoring core: two programmes, the two bases, pairs in every state, plans, meetings,
reviews.

Called by `python manage.py demo_data` after the people of the accounts demo exist (inside its transaction).
The demo is seen on 23.11.2026: the 2025/2026 programme is over (its pairs completed or terminated) and the
2026/2027 programme runs (pairs from draft to active). Pairs, plans, meetings and reviews are made only
through mentoring.services, so the demo also passes every rule. Everything is keyed on natural keys (a
programme on its year and title, a profile on its person, a pair on programme, form, start and first
mentee): a second run finds what the first made and changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from accounts.models import Organization, Person, User
from mentoring import services
from mentoring.models import (
    Direction,
    IndividualPlan,
    Meeting,
    MeetingKind,
    MenteeCategory,
    MenteeProfile,
    MentorCategory,
    MentoringForm,
    MentorProfile,
    Pair,
    PlanItem,
    PlanMark,
    Programme,
    ProgrammeCurator,
    ReplacementGround,
    RoleModel,
)

from .names import demo_name

FORMS = ["teacher_teacher", "teacher_pupil", "pupil_pupil"]
PROGRAMMES = {
    # year: (start, end, teachers %, students %, directions)
    2025: (
        date(2025, 9, 1),
        date(2026, 5, 31),
        10,
        10,
        ["educational_professional", "sociocultural", "individual_preventive", "young_specialist_support"],
    ),
    2026: (
        date(2026, 9, 1),
        date(2027, 5, 31),
        20,
        20,
        ["educational_professional", "sociocultural", "individual_preventive", "young_specialist_support"],
    ),
}
# The pairs of a year run from 1 October (after the bases, formed by 1 October) to the last Friday of May.
PAIR_PERIOD = {2025: (date(2025, 10, 1), date(2026, 5, 29)), 2026: (date(2026, 10, 1), date(2027, 5, 28))}
AGREED_ON = {2025: (date(2025, 9, 24), date(2025, 9, 26)), 2026: (date(2026, 9, 23), date(2026, 9, 25))}

RES, INNO, SOC, OTHER = (
    MentorProfile.Interest.RESEARCH,
    MentorProfile.Interest.INNOVATIVE,
    MentorProfile.Interest.SOCIAL,
    MentorProfile.Interest.OTHER,
)
TRAINED, IN_PROGRESS, NONE = (
    MentorProfile.Training.TRAINED,
    MentorProfile.Training.IN_PROGRESS,
    MentorProfile.Training.NONE,
)

# The mentor base: the ten mentor teachers M0…M9 of the accounts demo (M0 is the `mentor` login) and two
# students of 11А, S3 and S7. (competencies, achievements, interests, interests_other, desired age, time,
# training, trained on)
MENTORS = {
    "M0": (
        "Методика преподавания математики, подготовка к ОГЭ и ЕГЭ, работа с одарёнными детьми",
        "Почётный работник воспитания и просвещения РФ; победитель муниципального конкурса «Учитель года» "
        "(2019); эксперт предметной комиссии ОГЭ по математике",
        [RES, INNO],
        "",
        "12–17 лет; молодые педагоги",
        "3 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M1": (
        "Методика преподавания русского языка и литературы, подготовка к итоговому собеседованию и ОГЭ",
        "Руководитель школьного методического объединения филологов; автор рабочей программы курса "
        "«Смысловое чтение»",
        [SOC],
        "",
        "13–16 лет; молодые педагоги",
        "2 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M2": (
        "Подготовка к олимпиадам по истории и обществознанию, проектная деятельность",
        "Подготовила 6 призёров регионального этапа ВсОШ по истории",
        [RES],
        "",
        "14–17 лет",
        "2 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M3": (
        "Лабораторный практикум по физике, исследовательские проекты обучающихся",
        "Руководитель школьного научного общества «Эврика»",
        [RES, INNO],
        "",
        "молодые педагоги",
        "2 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M4": (
        "Коммуникативная методика обучения английскому языку, подготовка к ОГЭ",
        "Победитель конкурса «Педагог-исследователь» (2022)",
        [INNO],
        "",
        "14–16 лет",
        "1,5 часа в неделю",
        IN_PROGRESS,
        None,
    ),
    "M5": (
        "Биология и экология, организация проектной и экскурсионной работы",
        "Руководитель экологического отряда «Зелёный патруль»",
        [SOC, RES],
        "",
        "молодые педагоги; 12–15 лет",
        "2 часа в неделю",
        IN_PROGRESS,
        None,
    ),
    "M6": (
        "Программирование, цифровые образовательные ресурсы, ИКТ-компетенции педагогов",
        "Администратор школьной информационной системы; ведущий курсов «Цифровая школа» для коллег",
        [INNO, OTHER],
        "робототехника",
        "молодые педагоги",
        "2 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M7": (
        "Методика преподавания химии, техника безопасности в кабинете химии",
        "Высшая квалификационная категория; эксперт ЕГЭ по химии",
        [RES],
        "",
        "молодые педагоги",
        "1 час в неделю",
        NONE,
        None,
    ),
    "M8": (
        "Начальное общее образование, классное руководство, работа с родителями первоклассников",
        "Лауреат регионального конкурса «Классный руководитель года» (2021)",
        [SOC],
        "",
        "молодые педагоги начальной школы",
        "2 часа в неделю",
        TRAINED,
        date(2025, 10, 24),
    ),
    "M9": (
        "Физическая культура, школьный спортивный клуб, профилактика асоциального поведения",
        "Тренер школьной команды по волейболу — победителя муниципальной спартакиады",
        [SOC],
        "",
        "11–15 лет",
        "3 часа в неделю",
        NONE,
        None,
    ),
    "S3": (
        "Математика (олимпиадный уровень), геометрия, помощь в подготовке к ОГЭ",
        "Призёр регионального этапа ВсОШ по математике (2026)",
        [RES],
        "",
        "14–15 лет",
        "2 часа в неделю после уроков",
        IN_PROGRESS,
        None,
    ),
    "S7": (
        "Организация школьных мероприятий, волонтёрство, работа в команде",
        "Председатель совета обучающихся; руководитель школьного волонтёрского отряда",
        [SOC],
        "",
        "11–13 лет",
        "2 часа в неделю после уроков",
        IN_PROGRESS,
        None,
    ),
}

# The mentee base: the six young teachers Y0…Y5 (Y0 is the `mentee` login) and the students S0…S23 except the
# two student mentors. (category, main request, entered on, support given, left on)
E25, E26 = date(2025, 9, 19), date(2026, 9, 18)
MENTEES = {
    "Y0": (
        "young_specialist",
        "Освоить методику урока физики по обновлённому ФГОС, выстроить дисциплину на "
        "уроке, подготовить 9 класс к ОГЭ по физике",
        E26,
        "",
        None,
    ),
    "Y1": (
        "young_specialist",
        "Планирование уроков и рабочая программа по ФГОС, ведение электронного журнала, работа с родителями",
        E25,
        "",
        date(2026, 5, 29),
    ),
    "Y2": (
        "young_specialist",
        "Организация проектной и исследовательской деятельности обучающихся по биологии",
        E25,
        "",
        date(2026, 5, 29),
    ),
    "Y3": (
        "digital_skills",
        "Цифровые образовательные ресурсы в обучении информатике; подготовка к аттестации "
        "на первую квалификационную категорию",
        E25,
        "",
        None,
    ),
    "Y4": (
        "new_workplace",
        "Адаптация в новом коллективе: локальные акты, традиции школы, организация работы кабинета химии",
        E26,
        "",
        None,
    ),
    "Y5": (
        "young_specialist",
        "Классное руководство в 1 классе, работа с родителями первоклассников",
        E26,
        "",
        None,
    ),
    "S0": (
        "adaptation_problems",
        "Адаптация в классе после перехода из другой школы, повышение успеваемости по математике",
        E25,
        "",
        None,
    ),
    "S1": (
        "low_motivation",
        "Низкая учебная мотивация и пропуски уроков; интерес к спорту — вовлечь в школьный спортивный клуб",
        E25,
        "",
        None,
    ),
    "S2": ("low_results", "Пробелы по геометрии; подготовка к ОГЭ по математике", E26, "", None),
    "S4": (
        "gifted",
        "Развитие интереса к естественным наукам, участие в конкурсах исследовательских работ",
        E26,
        "Записан в кружок «Юный исследователь», консультации учителя биологии по запросу. Поиск наставника "
        "продолжается.",
        None,
    ),
    "S5": ("low_results", "Подготовка к ВПР по математике: дроби, проценты, текстовые задачи", E26, "", None),
    "S6": ("low_motivation", "Подготовка к ОГЭ по математике, повышение учебной мотивации", E26, "", None),
    "S8": ("disengaged", "Вовлечение в жизнь класса и школы, участие в школьных мероприятиях", E26, "", None),
    "S9": ("low_results", "Подготовка к ВПР по математике", E26, "", None),
    "S10": ("low_results", "Подготовка к ОГЭ по английскому языку: устная часть и письмо", E26, "", None),
    "S11": ("gifted", "Подготовка к региональному этапу ВсОШ по истории", E26, "", None),
    "S12": (
        "adaptation_problems",
        "Адаптация в новом классе, налаживание отношений со сверстниками",
        E26,
        "Три консультации педагога-психолога; включён(а) в классный проект «Наш школьный двор». "
        "Поиск наставника продолжается.",
        None,
    ),
    "S13": ("low_results", "Подготовка к ВПР по математике", E26, "", None),
    "S14": (
        "difficult_life_situation",
        "Поддержка в учёбе, подготовка к ОГЭ по физике",
        E26,
        "После прекращения пары (обучение на дому): индивидуальные консультации учителей-предметников по "
        "индивидуальному учебному плану, сопровождение социального педагога.",
        None,
    ),
    "S15": (
        "gifted",
        "Профориентация: выбор вуза и профиля, подготовка к ЕГЭ по обществознанию",
        E26,
        "",
        None,
    ),
    "S16": (
        "behaviour_problems",
        "Развитие самоконтроля, поведение на уроках",
        E26,
        "Индивидуальные беседы классного руководителя, занятия с педагогом-психологом (группа «Учимся "
        "общаться»), секция волейбола.",
        None,
    ),
    "S17": ("low_results", "Подготовка к ВПР по математике", E26, "", None),
    "S18": ("low_results", "Подготовка к итоговому собеседованию и ОГЭ по русскому языку", E26, "", None),
    "S19": ("low_motivation", "Выбор профессии, подготовка к ЕГЭ по профильной математике", E26, "", None),
    "S20": (
        "disabilities",
        "Сопровождение по адаптированной программе, помощь в выполнении домашних заданий",
        E26,
        "Занятия с учителем-логопедом и педагогом-психологом по плану ППк; помощь одноклассников на уроках.",
        None,
    ),
    "S21": ("low_results", "Подготовка к ВПР по математике", E26, "", None),
    "S22": ("low_results", "Подготовка к ОГЭ по химии", E26, "", None),
    "S23": ("gifted", "Подготовка к олимпиаде по английскому языку", E26, "", None),
}


@dataclass
class PlanSpec:
    mentee: str
    goal: str
    rows: list  # (activity, content, period, responsible, done on or None)
    status: str = IndividualPlan.Status.DRAFT
    start: date | None = None
    end: date | None = None
    recommendations: str = ""
    methodical_help: str = ""
    mark: str = ""


@dataclass
class PairSpec:
    year: int
    form: str
    mentor: str
    mentees: list
    status: str
    goal: str
    role_model: str | None = None
    direction: str | None = None
    mentor_agreed: bool = True  # for a draft: has the mentor agreed already?
    plans: list = field(default_factory=list)
    meetings: list = field(default_factory=list)  # (kind, date, topic, notes)
    replace: tuple | None = None  # (new mentor, ground, on, comment)
    closed_on: date | None = None
    results: str = ""
    reason: str = ""
    category: str = "other"  # what the bases print; the reason stays on the pair page
    review: dict | None = None  # {"mentee", "answers", "acknowledged"}


ORG, TRIAL, PLANNING, REGULAR, FINAL = (
    MeetingKind.ORGANISATIONAL,
    MeetingKind.TRIAL,
    MeetingKind.PLANNING,
    MeetingKind.REGULAR,
    MeetingKind.FINAL,
)
ST = Pair.Status
P = IndividualPlan.Status

PAIRS = [
    # ------------------------------------------------------------------ 2025/2026: over
    PairSpec(
        2025,
        "teacher_teacher",
        "M1",
        ["Y1"],
        ST.COMPLETED,
        "Адаптация молодого специалиста, освоение планирования уроков по ФГОС",
        role_model="experienced_young",
        direction="young_specialist_support",
        plans=[
            PlanSpec(
                "Y1",
                "Освоить планирование уроков и ведение документации, выстроить работу с родителями",
                [
                    (
                        "Знакомство со школой, локальными актами и основной образовательной программой",
                        "Устав, правила внутреннего распорядка, Положение о наставничестве",
                        "октябрь 2025",
                        "наставник",
                        date(2025, 10, 8),
                    ),
                    (
                        "Посещение уроков наставника",
                        "4 урока в 6–8 классах с последующим обсуждением",
                        "октябрь – ноябрь 2025",
                        "наставляемый",
                        date(2025, 11, 21),
                    ),
                    (
                        "Разработка технологической карты урока",
                        "Урок открытия нового знания, 7 класс",
                        "ноябрь 2025",
                        "наставляемый, наставник",
                        date(2025, 11, 28),
                    ),
                    (
                        "Подготовка и проведение родительского собрания",
                        "",
                        "декабрь 2025",
                        "наставляемый",
                        date(2025, 12, 18),
                    ),
                    (
                        "Открытый урок в рамках методической недели",
                        "",
                        "март 2026",
                        "наставляемый",
                        date(2026, 3, 12),
                    ),
                ],
                status=P.APPROVED,
                mark=PlanMark.FULLY,
                recommendations="Продолжить работу над приёмами формирующего оценивания.",
                methodical_help="Шаблоны рабочих программ, банк технологических карт МО.",
            )
        ],
        meetings=[
            (ORG, date(2025, 10, 3), "Знакомство, правила работы пары", "Обсудили ожидания и график встреч."),
            (
                TRIAL,
                date(2025, 10, 10),
                "Пробная встреча: разбор первого урока",
                "Выявили трудности с таймингом.",
            ),
            (PLANNING, date(2025, 10, 17), "Составление индивидуального плана", "План согласован."),
            (REGULAR, date(2025, 11, 14), "Анализ посещённых уроков", ""),
            (REGULAR, date(2026, 2, 13), "Подготовка открытого урока", ""),
            (FINAL, date(2026, 5, 22), "Итоги года, самоанализ", "План выполнен полностью."),
        ],
        closed_on=date(2026, 5, 29),
        results="Молодой специалист освоил планирование уроков по ФГОС, провёл "
        "открытый урок; прошёл аттестацию на соответствие занимаемой должности.",
        review={
            "mentee": "Y1",
            "acknowledged": True,
            "answers": {
                "topics_studied": "Локальные акты школы; требования ФГОС к уроку; "
                "ведение электронного журнала.",
                "tasks_completed": "Разработал 3 технологические карты уроков, провёл открытый урок "
                "и родительское собрание.",
                "qualities_assessment": "Ответственный, открыт к обратной связи, быстро осваивает новое.",
                "potential_and_recommendations": "Рекомендуется участие в конкурсе «Педагогический дебют».",
            },
        },
    ),
    PairSpec(
        2025,
        "teacher_pupil",
        "M0",
        ["S0"],
        ST.COMPLETED,
        "Повышение успеваемости по математике и адаптация в новом классе",
        role_model="active_professional_indifferent_consumer",
        direction="educational_professional",
        plans=[
            PlanSpec(
                "S0",
                "Ликвидировать пробелы по математике за 4 класс, освоиться в новом классе",
                [
                    ("Входная диагностика по математике", "", "октябрь 2025", "наставник", date(2025, 10, 9)),
                    (
                        "Индивидуальные занятия: действия с натуральными числами",
                        "",
                        "октябрь – декабрь 2025",
                        "наставник",
                        date(2025, 12, 19),
                    ),
                    (
                        "Участие в школьной математической неделе",
                        "",
                        "февраль 2026",
                        "наставляемый",
                        date(2026, 2, 20),
                    ),
                    (
                        "Подготовка к ВПР по математике",
                        "Решение тренировочных вариантов",
                        "март – апрель 2026",
                        "наставник, наставляемый",
                        None,
                    ),
                ],
                status=P.APPROVED,
                mark=PlanMark.PARTIALLY,
            )
        ],
        meetings=[
            (ORG, date(2025, 10, 2), "Знакомство", "Договорились о занятиях по вторникам."),
            (TRIAL, date(2025, 10, 9), "Входная диагностика", "Пробелы: деление, задачи на движение."),
            (PLANNING, date(2025, 10, 16), "Составление плана", ""),
            (REGULAR, date(2025, 11, 20), "Занятие по теме «Деление»", ""),
            (REGULAR, date(2026, 3, 19), "Подготовка к ВПР", ""),
            (FINAL, date(2026, 5, 21), "Итоги года", "Отметка за год — «4»."),
        ],
        closed_on=date(2026, 5, 29),
        results="Годовая отметка по математике повысилась с «3» до «4», ученик освоился в классе.",
        review={
            "mentee": "S0",
            "acknowledged": False,
            "answers": {
                "topics_studied": "Действия с натуральными числами, дроби, задачи на движение.",
                "tasks_completed": "Выполнил 15 тренировочных работ, участвовал в математической неделе.",
                "qualities_assessment": "Старательный, но неуверенный в себе; "
                "к концу года стал активнее на уроках.",
                "shortcomings": "Невнимательность при вычислениях.",
                "potential_and_recommendations": "Продолжить занятия в кружке «Математика для всех».",
            },
        },
    ),
    PairSpec(
        2025,
        "teacher_pupil",
        "M1",
        ["S1"],
        ST.TERMINATED,
        "Повышение учебной мотивации, ликвидация пробелов по русскому языку",
        role_model="active_professional_indifferent_consumer",
        direction="individual_preventive",
        meetings=[
            (ORG, date(2025, 10, 6), "Знакомство", "Ученик пришёл с мамой."),
            (TRIAL, date(2025, 10, 13), "Пробное занятие", ""),
        ],
        closed_on=date(2026, 2, 10),
        category="health",
        reason="По заявлению законного представителя: длительное лечение обучающегося, обучение на дому "
        "по медицинским показаниям.",
    ),
    PairSpec(
        2025,
        "teacher_teacher",
        "M3",
        ["Y2", "Y3"],
        ST.COMPLETED,
        "Организация проектной и исследовательской деятельности обучающихся",
        role_model="innovator_conservative",
        direction="young_specialist_support",
        plans=[
            PlanSpec(
                "Y2",
                "Освоить организацию проектной деятельности обучающихся",
                [
                    (
                        "Изучение положения о школьной научно-практической конференции",
                        "",
                        "октябрь 2025",
                        "наставляемый",
                        date(2025, 10, 20),
                    ),
                    (
                        "Руководство проектом обучающегося",
                        "Проект «Растения пришкольного участка»",
                        "ноябрь 2025 – март 2026",
                        "наставляемый",
                        date(2026, 3, 20),
                    ),
                ],
                status=P.APPROVED,
                mark=PlanMark.FULLY,
            )
        ],
        meetings=[
            (ORG, date(2025, 10, 7), "Знакомство группы", ""),
            (PLANNING, date(2025, 10, 21), "Планирование работы группы", ""),
            (REGULAR, date(2025, 12, 9), "Проектные задачи", ""),
            (FINAL, date(2026, 5, 19), "Итоги года", ""),
        ],
        closed_on=date(2026, 5, 29),
        results="Оба педагога руководили проектами обучающихся; два проекта — призёры школьной конференции.",
    ),
    # ------------------------------------------------------------------ 2026/2027: running
    PairSpec(
        2026,
        "teacher_teacher",
        "M0",
        ["Y0"],
        ST.ACTIVE,
        "Адаптация молодого специалиста, освоение методики урока по ФГОС и подготовки к ОГЭ",
        role_model="experienced_young",
        direction="young_specialist_support",
        plans=[
            PlanSpec(
                "Y0",
                "Адаптация в школе, методика современного урока физики, подготовка обучающихся к ОГЭ",
                [
                    (
                        "Знакомство со школой, локальными актами и основной образовательной программой",
                        "Устав, правила внутреннего распорядка, Положение о наставничестве, ООП ООО",
                        "октябрь 2026",
                        "наставник",
                        date(2026, 10, 6),
                    ),
                    (
                        "Посещение уроков наставника",
                        "Посещение и анализ 4 уроков в 8–9 классах",
                        "октябрь – ноябрь 2026",
                        "наставляемый",
                        date(2026, 11, 13),
                    ),
                    (
                        "Разработка технологической карты урока",
                        "Урок физики в 7 классе по обновлённому ФГОС",
                        "ноябрь 2026",
                        "наставляемый, наставник",
                        date(2026, 11, 18),
                    ),
                    (
                        "Посещение наставником уроков молодого специалиста с последующим анализом",
                        "",
                        "ноябрь – декабрь 2026",
                        "наставник",
                        None,
                    ),
                    (
                        "Ведение электронного журнала и рабочей документации",
                        "",
                        "декабрь 2026",
                        "наставляемый",
                        None,
                    ),
                    (
                        "Подготовка к ОГЭ по физике: задания с развёрнутым ответом",
                        "",
                        "январь – апрель 2027",
                        "наставляемый, наставник",
                        None,
                    ),
                    ("Открытый урок в рамках методической недели", "", "февраль 2027", "наставляемый", None),
                    (
                        "Самоанализ профессиональной деятельности, отчёт о выполнении плана",
                        "",
                        "май 2027",
                        "наставляемый",
                        None,
                    ),
                ],
                status=P.APPROVED,
                recommendations="Чаще использовать приёмы формирующего оценивания; "
                "оставлять время на рефлексию.",
                methodical_help="Методические рекомендации ФИПИ по подготовке к ОГЭ, банк технологических "
                "карт МО "
                "естественно-научного цикла.",
            )
        ],
        meetings=[
            (
                ORG,
                date(2026, 10, 2),
                "Знакомство, правила работы пары",
                "Обсудили ожидания, график встреч — по пятницам.",
            ),
            (
                TRIAL,
                date(2026, 10, 9),
                "Пробная встреча: разбор первого урока",
                "Трудности с дисциплиной в 7Б.",
            ),
            (PLANNING, date(2026, 10, 16), "Составление индивидуального плана", "План направлен куратору."),
            (
                REGULAR,
                date(2026, 10, 30),
                "Анализ посещённых уроков наставника",
                "Приёмы удержания внимания.",
            ),
            (REGULAR, date(2026, 11, 13), "Технологическая карта урока", "Карта доработана."),
            (REGULAR, date(2026, 11, 27), "Посещение урока молодого специалиста", ""),
        ],
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M0",
        ["S5", "S9", "S13", "S17", "S21"],
        ST.ACTIVE,
        "Подготовка к ВПР по математике, ликвидация пробелов за 6 класс",
        role_model="active_professional_indifferent_consumer",
        direction="educational_professional",
        plans=[
            PlanSpec(
                "S5",
                "Подготовка к ВПР по математике",
                [
                    ("Входная диагностика по математике", "", "октябрь 2026", "наставник", date(2026, 10, 8)),
                    (
                        "Подготовка к ВПР по математике: дроби и проценты",
                        "",
                        "октябрь – ноябрь 2026",
                        "наставник, наставляемый",
                        date(2026, 11, 12),
                    ),
                    (
                        "Подготовка к ВПР по математике: текстовые задачи",
                        "",
                        "декабрь 2026",
                        "наставник",
                        None,
                    ),
                    (
                        "Решение тренировочных вариантов ВПР с разбором ошибок",
                        "",
                        "январь – март 2027",
                        "наставляемый",
                        None,
                    ),
                    ("Пробная ВПР в формате школьной диагностики", "", "март 2027", "наставник", None),
                ],
                status=P.SUBMITTED,
                end=date(2027, 4, 30),
            )
        ],
        meetings=[
            (ORG, date(2026, 10, 5), "Знакомство группы", "Пять учеников 7Б, занятия по понедельникам."),
            (TRIAL, date(2026, 10, 12), "Входная диагностика", "Общие пробелы: дроби, проценты."),
            (PLANNING, date(2026, 10, 19), "Планирование подготовки к ВПР", ""),
            (REGULAR, date(2026, 11, 9), "Дроби и проценты", ""),
            (REGULAR, date(2026, 11, 16), "Текстовые задачи", ""),
        ],
    ),
    PairSpec(
        2026,
        "teacher_teacher",
        "M7",
        ["Y4"],
        ST.ACTIVE,
        "Адаптация педагога на новом месте работы",
        role_model="experienced_inexperienced_subject",
        direction="young_specialist_support",
        replace=(
            "M5",
            ReplacementGround.TRANSFER,
            date(2026, 11, 2),
            "Наставник переведён на должность методиста Центра «Точка роста».",
        ),
        plans=[
            PlanSpec(
                "Y4",
                "Войти в коллектив и организовать работу кабинета химии",
                [
                    (
                        "Знакомство с традициями и локальными актами школы",
                        "",
                        "октябрь 2026",
                        "наставник",
                        date(2026, 10, 9),
                    ),
                    ("Посещение уроков наставника", "", "октябрь 2026", "наставляемый", date(2026, 10, 23)),
                    (
                        "Организация работы кабинета химии, инструктажи по охране труда",
                        "",
                        "ноябрь 2026",
                        "наставляемый",
                        None,
                    ),
                    (
                        "Выступление на заседании методического объединения",
                        "",
                        "январь 2027",
                        "наставляемый",
                        None,
                    ),
                ],
            )
        ],
        meetings=[
            (ORG, date(2026, 10, 5), "Знакомство", ""),
            (TRIAL, date(2026, 10, 12), "Пробная встреча", ""),
            (PLANNING, date(2026, 10, 19), "Составление плана", ""),
            (REGULAR, date(2026, 11, 9), "Первая встреча с новым наставником", "Передали план и материалы."),
        ],
    ),
    PairSpec(
        2026,
        "pupil_pupil",
        "S3",
        ["S2", "S6"],
        ST.ACTIVE,
        "Подготовка к ОГЭ по математике в паре со старшеклассником",
        role_model="achiever_underachiever",
        direction="educational_professional",
        plans=[
            PlanSpec(
                "S2",
                "Ликвидировать пробелы по геометрии",
                [
                    (
                        "Совместное решение заданий ОГЭ по геометрии",
                        "",
                        "октябрь 2026",
                        "наставник",
                        date(2026, 10, 29),
                    ),
                    ("Взаимопроверка домашних заданий", "", "еженедельно", "наставник, наставляемый", None),
                    ("Пробный ОГЭ в формате школьной диагностики", "", "декабрь 2026", "куратор", None),
                ],
            )
        ],
        meetings=[  # the trial meeting was skipped: the hint on the pair page says so
            (ORG, date(2026, 10, 6), "Знакомство", ""),
            (PLANNING, date(2026, 10, 20), "Планирование занятий", ""),
            (REGULAR, date(2026, 11, 10), "Геометрия: треугольники", "Разобрали 10 задач."),
        ],
    ),
    PairSpec(
        2026,
        "pupil_pupil",
        "S7",
        ["S0"],
        ST.ACTIVE,
        "Адаптация в школьном коллективе, вовлечение во внеурочную деятельность",
        role_model="adapted_unadapted",
        direction="sociocultural",
        plans=[
            PlanSpec(
                "S0",
                "Найти друзей и занятие по душе",
                [
                    (
                        "Экскурсия по школе и знакомство с кружками",
                        "",
                        "октябрь 2026",
                        "наставник",
                        date(2026, 10, 7),
                    ),
                    (
                        "Классный час «Давайте познакомимся»",
                        "",
                        "октябрь 2026",
                        "наставник, классный руководитель",
                        date(2026, 10, 16),
                    ),
                    (
                        "Совместный проект к школьной научно-практической конференции",
                        "",
                        "декабрь 2026 – февраль 2027",
                        "наставник, наставляемый",
                        None,
                    ),
                    ("Участие в школьном спортивном празднике", "", "март 2027", "наставляемый", None),
                ],
            )
        ],
        meetings=[
            (ORG, date(2026, 10, 7), "Знакомство", "Понравился кружок робототехники."),
            (TRIAL, date(2026, 10, 14), "Посещение кружка вместе", ""),
        ],
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M9",
        ["S1"],
        ST.AGREED,
        "Вовлечение в школьный спортивный клуб, повышение учебной мотивации",
        role_model="active_professional_indifferent_consumer",
        direction="individual_preventive",
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M4",
        ["S10"],
        ST.DRAFT,
        "Подготовка к ОГЭ по английскому языку",
        direction="educational_professional",
    ),
    PairSpec(
        2026,
        "teacher_teacher",
        "M8",
        ["Y5"],
        ST.APPROVED,
        "Сопровождение молодого специалиста в классном руководстве",
        role_model="experienced_young",
        direction="young_specialist_support",
        meetings=[(ORG, date(2026, 11, 30), "Знакомство, правила работы пары", "")],  # planned
    ),
    PairSpec(
        2026,
        "teacher_teacher",
        "M6",
        ["Y3"],
        ST.AGREED,
        "Цифровые образовательные ресурсы на уроках информатики, подготовка к аттестации",
        role_model="experienced_inexperienced_subject",
        direction="young_specialist_support",
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M3",
        ["S14"],
        ST.TERMINATED,
        "Поддержка в учёбе, подготовка к ОГЭ по физике",
        direction="individual_preventive",
        meetings=[
            (ORG, date(2026, 10, 5), "Знакомство", ""),
            (TRIAL, date(2026, 10, 12), "Пробное занятие", ""),
        ],
        closed_on=date(2026, 11, 10),
        category="health",
        reason="Обучающийся переведён на обучение на дому по медицинским показаниям; занятия продолжаются по "
        "индивидуальному учебному плану.",
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M1",
        ["S18"],
        ST.ACTIVE,
        "Подготовка к итоговому собеседованию и ОГЭ по русскому языку",
        role_model="active_professional_indifferent_consumer",
        direction="educational_professional",
        plans=[
            PlanSpec(
                "S18",
                "Получить «зачёт» на итоговом собеседовании и сдать ОГЭ по русскому языку",
                [
                    (
                        "Подготовка к итоговому собеседованию: пересказ текста с цитатой",
                        "",
                        "октябрь – ноябрь 2026",
                        "наставник",
                        date(2026, 11, 5),
                    ),
                    ("Тренировочное итоговое собеседование", "", "декабрь 2026", "наставник", None),
                    (
                        "Подготовка к ОГЭ по русскому языку: сжатое изложение",
                        "",
                        "декабрь 2026 – февраль 2027",
                        "наставник, наставляемый",
                        None,
                    ),
                    ("Сочинение-рассуждение (задание 13)", "", "март – апрель 2027", "наставляемый", None),
                ],
            )
        ],
        meetings=[
            (ORG, date(2026, 10, 2), "Знакомство", ""),
            (TRIAL, date(2026, 10, 9), "Пробный пересказ", "Трудности с включением цитаты."),
            (PLANNING, date(2026, 10, 16), "План подготовки", ""),
            (REGULAR, date(2026, 11, 6), "Пересказ с цитатой", ""),
        ],
    ),
    PairSpec(
        2026,
        "pupil_pupil",
        "S7",
        ["S8"],
        ST.DRAFT,
        "Вовлечение в жизнь класса и школьные мероприятия",
        role_model="leader_passive",
        direction="sociocultural",
        mentor_agreed=False,
    ),
    PairSpec(
        2026,
        "teacher_pupil",
        "M2",
        ["S11"],
        ST.ACTIVE,
        "Подготовка к региональному этапу всероссийской олимпиады школьников по истории",
        role_model="active_professional_indifferent_consumer",
        direction="educational_professional",
        plans=[
            PlanSpec(
                "S11",
                "Стать призёром регионального этапа ВсОШ по истории",
                [
                    (
                        "Анализ заданий регионального этапа прошлых лет",
                        "",
                        "октябрь 2026",
                        "наставник",
                        date(2026, 10, 20),
                    ),
                    (
                        "Участие в муниципальном этапе ВсОШ по истории",
                        "",
                        "ноябрь 2026",
                        "наставляемый",
                        date(2026, 11, 17),
                    ),
                    (
                        "Работа с историческими источниками и картами",
                        "",
                        "декабрь 2026",
                        "наставник, наставляемый",
                        None,
                    ),
                    ("Подготовка к региональному этапу ВсОШ", "", "январь 2027", "наставник", None),
                ],
            )
        ],
        meetings=[
            (ORG, date(2026, 10, 5), "Знакомство", ""),
            (TRIAL, date(2026, 10, 12), "Разбор олимпиады прошлого года", ""),
            (PLANNING, date(2026, 10, 19), "План подготовки", ""),
            (REGULAR, date(2026, 11, 2), "Исторические источники", ""),
            (REGULAR, date(2026, 11, 16), "Итоги муниципального этапа", "Прошёл на региональный этап."),
        ],
    ),
]


def _people(school: Organization) -> dict[str, Person]:
    """The persons of the accounts demo by short keys, found on their full names (built the same way)."""

    def get(index, sex, kind):
        last, first, middle = demo_name(index, sex)
        return school.persons.get(last_name=last, first_name=first, middle_name=middle, kind=kind)

    people = {f"M{i}": get(i, "F" if i % 3 else "M", Person.Kind.STAFF) for i in range(10)}
    people |= {f"Y{i}": get(10 + i, "F" if i % 2 == 0 else "M", Person.Kind.STAFF) for i in range(6)}
    people |= {f"S{i}": get(16 + i, "M" if i % 2 == 0 else "F", Person.Kind.STUDENT) for i in range(24)}
    return people


def _programme(school, year: int, by) -> Programme:
    title = f"Программа наставничества МБОУ «СОШ № 1» на {year}/{year + 1} учебный год"
    programme = Programme.objects.filter(organization=school, year=year, title=title).first()
    if programme is None:
        start, end, teachers, students, directions = PROGRAMMES[year]
        programme = services.programme_save(
            programme=Programme(
                organization=school,
                year=year,
                title=title,
                start_date=start,
                end_date=end,
                teachers_target_pct=teachers,
                students_target_pct=students,
            ),
            forms=list(MentoringForm.objects.filter(code__in=FORMS)),
            directions=list(Direction.objects.filter(code__in=directions)),
            by=by,
        )
    for username, codes in [
        ("coordinator", [None]),
        ("curator", ["teacher_pupil", "pupil_pupil"]),
        ("curator2", ["teacher_teacher"]),
    ]:
        curator = User.objects.get(username=username)
        for code in codes:
            form = MentoringForm.objects.get(code=code) if code else None
            ProgrammeCurator.objects.get_or_create(
                programme=programme, curator=curator, form=form, direction=None
            )
    return programme


def _bases(school, people, by) -> None:
    teacher, student_peer = (
        MentorCategory.objects.get(code="teacher"),
        MentorCategory.objects.get(code="student_peer"),
    )
    for key, row in MENTORS.items():
        competencies, achievements, interests, other, age, time, training, trained_on = row
        person = people[key]
        if MentorProfile.objects.filter(person=person).exists():
            continue
        is_student = person.kind == Person.Kind.STUDENT
        services.mentor_profile_save(
            profile=MentorProfile(
                organization=school,
                person=person,
                category=student_peer if is_student else teacher,
                competencies=competencies,
                achievements=achievements,
                interests=interests,
                interests_other=other,
                desired_mentee_age=age,
                time_available=time,
                training_status=training,
                trained_on=trained_on,
                experience_years=None if is_student else 2026 - person.birth_date.year - 23,
                entered_on=date(2026, 9, 15) if is_student else date(2025, 9, 15),
                code_acknowledged_on=date(2026, 9, 25) if is_student else date(2025, 9, 22),
            ),
            by=by,
        )
    categories = {c.code: c for c in MenteeCategory.objects.all()}
    for key, (category, request, entered_on, support, _left_on) in MENTEES.items():
        person = people[key]
        if MenteeProfile.objects.filter(person=person).exists():
            continue
        services.mentee_profile_save(
            profile=MenteeProfile(
                organization=school,
                person=person,
                category=categories[category],
                main_request=request,
                entered_on=entered_on,
                support_given=support,
            ),
            by=by,
        )


def _leavers(people, by) -> None:
    """Those who finished last year leave the base after their pairs are built (a leaver gets no new pair)."""
    for key, (*_, left_on) in MENTEES.items():
        profile = people[key].mentee_profile
        if left_on and profile.left_on is None:
            profile.left_on = left_on
            services.mentee_profile_save(profile=profile, by=by)


def _find_pair(programme, form, start, mentee) -> Pair | None:
    return Pair.objects.filter(
        programme=programme, form=form, start_date=start, memberships__mentee=mentee
    ).first()


def _build_pair(spec: PairSpec, programme, people, users) -> Pair | None:
    form = MentoringForm.objects.get(code=spec.form)
    start, end = PAIR_PERIOD[spec.year]
    mentees = [people[key] for key in spec.mentees]
    if _find_pair(programme, form, start, mentees[0]) is not None:
        return None
    coordinator, director = users["coordinator"], users["director"]
    curator = users["curator2"] if spec.form == "teacher_teacher" else users["curator"]
    mentor = people[spec.mentor]
    pair = services.pair_create(
        programme=programme,
        form=form,
        mentor=mentor,
        start_date=start,
        end_date=end,
        by=coordinator,
        role_model=RoleModel.objects.get(form=form, code=spec.role_model) if spec.role_model else None,
        direction=Direction.objects.get(code=spec.direction) if spec.direction else None,
        goal=spec.goal,
        mentees=mentees,
    )
    mentor_on, mentees_on = AGREED_ON[spec.year]
    if spec.mentor_agreed:
        services.pair_record_agreement(pair=pair, person=mentor, by=coordinator, on=mentor_on)
    if spec.status != ST.DRAFT:
        for mentee in mentees:
            services.pair_record_agreement(pair=pair, person=mentee, by=coordinator, on=mentees_on)
    if spec.status in (ST.APPROVED, ST.ACTIVE, ST.COMPLETED, ST.TERMINATED):
        services.pair_approve(pair=pair, by=director)
    if spec.status in (ST.ACTIVE, ST.COMPLETED, ST.TERMINATED):
        services.pair_activate(pair=pair, by=coordinator)
    if spec.replace:
        new_mentor, ground, on, comment = spec.replace
        services.pair_replace_mentor(
            pair=pair, new_mentor=people[new_mentor], ground=ground, by=coordinator, on=on, comment=comment
        )
    pair.refresh_from_db()
    mentor_user = pair.mentor.user or coordinator  # a mentor without an account: the coordinator enters it
    plans = [_build_plan(plan_spec, pair, people, mentor_user, curator) for plan_spec in spec.plans]
    for kind, day, topic, notes in spec.meetings:
        services.meeting_save(
            meeting=Meeting(pair=pair, kind=kind, date=day, topic=topic, notes=notes), by=mentor_user
        )
    if spec.status == ST.COMPLETED:
        services.pair_complete(pair=pair, by=coordinator, results=spec.results, on=spec.closed_on)
    elif spec.status == ST.TERMINATED:
        services.pair_terminate(
            pair=pair, reason=spec.reason, category=spec.category, by=coordinator, on=spec.closed_on
        )
    pair.refresh_from_db()
    for plan_spec, plan in zip(spec.plans, plans, strict=True):
        if plan_spec.mark:
            plan.refresh_from_db()
            services.plan_mark(plan=plan, mark=plan_spec.mark, by=curator)
    if spec.review:
        review = services.review_save(
            pair=pair,
            mentee=people[spec.review["mentee"]],
            answers=spec.review["answers"],
            by=mentor_user,
            submit=True,
        )
        if spec.review["acknowledged"]:
            services.review_acknowledge(review=review, by=curator)
    return pair


def _build_plan(spec: PlanSpec, pair, people, by, curator) -> IndividualPlan:
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=pair,
            mentee=people[spec.mentee],
            start_date=spec.start or pair.start_date,
            end_date=spec.end or pair.end_date,
            goal=spec.goal,
            recommendations=spec.recommendations,
            methodical_help=spec.methodical_help,
        ),
        by=by,
    )
    for activity, content, period, responsible, done_on in spec.rows:
        services.plan_item_save(
            item=PlanItem(
                plan=plan,
                activity=activity,
                content=content,
                period=period,
                responsible=responsible,
                is_done=done_on is not None,
                done_on=done_on,
            ),
            by=by,
        )
    if spec.status in (P.SUBMITTED, P.APPROVED):
        services.plan_submit(plan=plan, by=by)
    if spec.status == P.APPROVED:
        services.plan_approve(plan=plan, by=curator)
    return plan


def build_mentoring_demo(school: Organization) -> None:
    """Build (or find) the mentoring demo of the school; a second call changes nothing."""
    people = _people(school)
    users = {
        name: User.objects.get(username=name) for name in ["coordinator", "curator", "curator2", "director"]
    }
    programmes = {year: _programme(school, year, users["coordinator"]) for year in PROGRAMMES}
    _bases(school, people, users["coordinator"])
    for spec in PAIRS:
        _build_pair(spec, programmes[spec.year], people, users)
    _leavers(people, users["coordinator"])
