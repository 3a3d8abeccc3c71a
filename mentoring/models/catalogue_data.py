"""Reference catalogue of the «Наставничество» app, taken from the source documents.

Plain Python data, no Django imports: the app loads it in a data migration or a
management command and keeps it as editable rows (forms, role models, directions and
categories are data that a school can switch on, edit or extend).

Sources (``/work/shared/seeds/``), cited as "seed NNN Lxx" (1-based line numbers):
  000  МБОУ КСОШ им. В.А. Закруткина: roadmap 2024-2025 + «Программа целевой модели
       наставничества» (forms «Ученик – ученик», «Учитель – учитель», «Учитель – ученик»).
  001  МБОУ СОШ с УИОП № 65 г. Кирова: order, «Положение о наставничестве», forms of the
       individual plan (D3) and of the review (D4), manifesto/code/principles (D5), roadmap.
  002  МБУ ДО «Детская школа искусств № 1» (Калмыкия): regulation on teacher mentoring
       (2021 recommendations); OCR text, quoted here after obvious OCR repair.
  003  ГБПОУ «СПЭТ» (college): programme, roadmap, coverage targets, base forms (Appendix 3).
  004  МБОУ «Школа № 32»: one-page roadmap «Учитель-учитель», coverage targets.

Russian texts are quoted from the seeds. Only obvious OCR/typing slips are corrected;
every correction is listed in NOTES.md (section "Corrections"). Where an item carries a
``source_text`` key, that is the seed's wording before correction.

Conventions:
  * ``code``: stable ASCII slug, unique inside its list; never translate or rename it.
  * ``audience``: "teachers" or "students" = who the MENTEES are ("any" = both).
    In codes, "pupil" = школьник («ученик»), "student" = студент СПО («студент»).
  * ``source``: seed and line range.
"""

# ---------------------------------------------------------------------------
# 1. Forms of mentoring and their role models
# ---------------------------------------------------------------------------
# Keys of a form:
#   code, name, name_variants (other spellings in the seeds), audience,
#   mentor_role / mentee_role (who stands on each side), described (False when the
#   seeds only name the form), definition (seed 002 gives one for two forms),
#   goal, tasks, expected_results, mentor_profile (str), mentor_profile_items (list),
#   mentor_types (list, «Учитель – учитель» only), mentee_profile (str),
#   mentee_types (list of {code, name, description}), role_models (list of
#   {code, name, description}; description = the «Цель» column of the seed's table
#   «Формы взаимодействия | Цель»), implementation_scheme (list of {stage, activities}:
#   the seed's table «Этапы реализации | Мероприятия»), source, notes.
# There is no ``interaction_forms`` key: in seed 000 the column headed «Формы
# взаимодействия» holds the role models themselves, and no seed gives anything else
# under that name (see NOTES.md).


def _profile(items):
    return "\n".join(items)


def _typed_profile(types):
    return "\n".join(f"{t['name']}: {t['description']}" for t in types)


_PUPIL_PUPIL_MENTOR = [
    "Активный ученик, обладающий лидерским и организаторскими качествами, нетривиальностью мышления.",
    "Ученик, демонстрирующий высокие образовательные результаты.",
    "Победитель школьных и региональных олимпиад и соревнований.",
    "Лидер класса или параллели, принимающий активное участие в жизни школы.",
    "Возможный участник всероссийских детско-юношеских организаций и объединений.",
]
_PUPIL_PUPIL_MENTEES = [
    {
        "code": "passive",
        "name": "Пассивный",
        "description": (
            "Социально или ценностно-дезориентированный обучающийся более низкой по "
            "отношению к наставнику ступени, демонстрирующий неудовлетворительные "
            "образовательные результаты или проблемы с поведением, не принимающий "
            "участие в жизни школы, отстраненный от коллектива."
        ),
    },
    {
        "code": "active",
        "name": "Активный",
        "description": (
            "Обучающийся с особыми образовательными потребностями, нуждающийся в "
            "профессиональной поддержке или ресурсах для обмена мнениями и реализации "
            "собственных проектов."
        ),
    },
]

_TEACHER_TEACHER_MENTOR = [
    "Опытный педагог, имеющий профессиональные успехи (победитель различных "
    "профессиональных конкурсов, автор учебных пособий и материалов, ведущий вебинаров "
    "и семинаров).",
    "Педагог, склонный к активной общественной работе, лояльный участник педагогического "
    "и школьного сообществ.",
    "Педагог, обладающий лидерскими, организационными и коммуникативными навыками, хорошо развитой эмпатией.",
]
_TEACHER_TEACHER_MENTEES = [
    {
        "code": "young_specialist",
        "name": "Молодой специалист",
        "description": (
            "Имеет малый опыт работы (от 0 до 3 лет), испытывающий трудности с "
            "организацией учебного процесса, с взаимодействием с обучающимися, другими "
            "педагогами, родителями."
        ),
    },
    {
        "code": "new_workplace",
        "name": "Педагог",
        "description": (
            "Специалист, находящийся в процессе адаптации на новом месте работы, "
            "которому необходимо получать представление о традициях, особенностях, "
            "регламенте и принципах образовательной организации."
        ),
    },
    {
        "code": "burnout",
        "name": "Педагог",
        "description": "Педагог, находящийся в состоянии эмоционального выгорания, хронической усталости.",
    },
]

_TEACHER_PUPIL_MENTOR = [
    "Неравнодушный профессионал с большим (от 5 лет) опытом работы с высокой квалификацией.",
    "Активная жизненная позиция.",
    "Обладает развитыми коммуникативными навыками, гибкостью в общении, умением отнестись "
    "к ученику как к равному в диалоге и потенциально будущему коллеге.",
    "Возможно, выпускник того же образовательного учреждения, член сообщества благодарных выпускников.",
    "Возможно, родитель образовательного учреждения.",
]
_TEACHER_PUPIL_MENTEES = [
    {
        "code": "active",
        "name": "Активный",
        "description": (
            "Социально активный школьник с особыми образовательными потребностями, "
            "мотивированный к расширению круга общения, самосовершенствованию, получению "
            "новых навыков."
        ),
    },
    {
        "code": "passive",
        "name": "Пассивный",
        "description": (
            "Плохо мотивированный, дезориентированный школьник, не имеющий желания "
            "самостоятельно выбирать образовательную траекторию, мало информированный о "
            "карьерных и образовательных перспективах, равнодушный к процессам внутри "
            "школы и ее сообщества."
        ),
    },
]

_NOT_DESCRIBED_003 = (
    "Seed 003 only names this form (L34, L152); its п. 5.3 (L153) asks for a description "
    "by the role-model scheme (цель, задачи, ожидаемый результат, описание участников, "
    "схема реализации) but leaves it unfilled. Goal, tasks, results and role models are "
    "therefore empty and must be entered by the organisation."
)
_NOT_DESCRIBED_002 = (
    "Seed 002 (regulation on teacher mentoring) names this form in п. 2.3 (L254–L259) "
    "and gives no goal, tasks, results or role models. Fields are empty on purpose."
)

# Who may be mentor and mentee in each form (Person.Kind values; `older`: the mentor is in an older class or
# course), from each form's mentor_role / mentee_role above (issue 15).
FORM_PARTICIPANTS = {
    "teacher_teacher": (["staff"], ["staff"], False),
    "teacher_pupil": (["staff", "external"], ["student"], False),
    "pupil_pupil": (["student"], ["student"], True),
    "student_student": (["student"], ["student"], True),
    "student_pupil": (["student"], ["student"], False),
    "lecturer_student": (["staff", "external"], ["student"], False),
    "employer_student": (["external", "staff"], ["student"], False),
    "director_teacher": (["staff"], ["staff"], False),
    "college_teacher_young_teacher": (["external", "staff"], ["staff"], False),
}

MENTORING_FORMS = [
    # --- forms used by general schools: full data from seed 000 ---------------
    {
        "code": "teacher_teacher",
        "name": "Учитель – учитель",
        "name_variants": [
            "«Педагог – педагог» (seed 002 L255)",
            "«Преподаватель – преподаватель» (seed 002 L320)",
            "«Учитель-учитель» (seed 000 L55; seed 004 L4, there called «направление»)",
        ],
        "audience": "teachers",
        "mentor_role": "учитель (педагог)",
        "mentee_role": "учитель (педагог)",
        "described": True,
        "definition": (
            "Способ реализации целевой модели наставничества через организацию "
            "взаимодействия наставнической пары «преподаватель-профессионал – "
            "преподаватель, вовлеченный в различные формы поддержки и сопровождения»."
        ),
        "goal": (
            "Разносторонняя поддержка для успешного закрепления на месте работы молодого "
            "специалиста, повышение его профессионального потенциала и уровня и "
            "поддержка нового сотрудника при смене его места работы, а также создание "
            "комфортной профессиональной среды внутри образовательной организации, "
            "позволяющей реализовывать актуальные педагогические задачи на высоком уровне."
        ),
        "tasks": [
            "Способствовать формированию потребности заниматься анализом результатов своей профессиональной деятельности.",
            "Развивать интерес к методике построения и организации результативного учебного процесса.",
            "Ориентировать начинающего педагога на творческое использование передового педагогического опыта в своей деятельности.",
            "Прививать молодому специалисту интерес к педагогической деятельности в целях его закрепления в образовательной организации.",
            "Ускорить процесс профессионального становления педагога.",
        ],
        "expected_results": [
            "Высокий уровень включенности молодых специалистов и новых педагогов в педагогическую работу и культурную жизнь образовательной организации.",
            "Усиление уверенности в собственных силах и развитие личного творческого и педагогического потенциала.",
            "Улучшение психологического климата в образовательной организации.",
            "Повышение уровня удовлетворенности собственной работой и улучшение психоэмоционального состояния специалистов.",
            "Рост числа специалистов, желающих продолжить свою работу в данном коллективе образовательного учреждения.",
            "Качественный рост успеваемости и улучшение поведения в подшефных наставляемых классах и группах.",
            "Сокращение числа конфликтов с педагогическим и родительским сообществами.",
            "Рост числа собственных профессиональных работ (статей, исследований, методических практик молодого специалиста и т.д.)",
        ],
        "mentor_profile": _profile(_TEACHER_TEACHER_MENTOR),
        "mentor_profile_items": _TEACHER_TEACHER_MENTOR,
        "mentor_types": [
            {
                "code": "consultant",
                "name": "Наставник-консультант",
                "description": (
                    "Создает комфортные условия для реализации профессиональных качеств, "
                    "помогает с организацией образовательного процесса и с решением "
                    "конкретных психолого-педагогических и коммуникативных проблем, "
                    "контролирует самостоятельную работу молодого специалиста или педагога."
                ),
            },
            {
                "code": "subject",
                "name": "Наставник-предметник",
                "description": (
                    "Опытный педагог одного и того же предметного направления, что и "
                    "молодой учитель, способный осуществлять всестороннюю методическую "
                    "поддержку преподавания отдельных дисциплин."
                ),
            },
        ],
        "mentee_profile": _typed_profile(_TEACHER_TEACHER_MENTEES),
        "mentee_types": _TEACHER_TEACHER_MENTEES,
        "role_models": [
            {
                "code": "experienced_young",
                "name": "Опытный педагог – молодой специалист",
                "description": "Поддержка для приобретения необходимых профессиональных навыков и закрепления на месте работы.",
            },
            {
                "code": "head_young",
                "name": "Руководитель – молодой специалист",
                "description": "Приобретение профессиональных навыков в работе с классным коллективом и закрепления на месте работы.",
            },
            {
                "code": "leader_struggling",
                "name": "Лидер педагогического сообщества – педагог, испытывающий проблемы",
                "description": (
                    "Реализация психоэмоциональной поддержки, сочетаемой с профессиональной "
                    "помощью по приобретению и развитию педагогических талантов и инициатив."
                ),
            },
            {
                "code": "innovator_conservative",
                "name": "Педагог-новатор – консервативный педагог",
                "description": "Помощь в овладении современными программами, цифровыми навыками, ИКТ компетенциями.",
            },
            {
                "code": "experienced_inexperienced_subject",
                "name": "Опытный предметник – неопытный предметник",
                "description": "Методическая поддержка по конкретному предмету.",
            },
        ],
        "implementation_scheme": [
            {
                "stage": "Представление программ наставничества в форме «Учитель – учитель».",
                "activities": "Педагогический совет. Методический совет.",
            },
            {
                "stage": "Проводится отбор наставников из числа активных и опытных педагогов и педагогов, самостоятельно выражающих желание помочь педагогу.",
                "activities": "Анкетирование. Использование базы наставников.",
            },
            {"stage": "Обучение наставников.", "activities": "Проводится при необходимости."},
            {
                "stage": "Проводится отбор педагогов, испытывающих профессиональные проблемы, проблемы адаптации и желающих добровольно принять участие в программе наставничества.",
                "activities": "Анкетирование. Листы опроса. Использование базы наставляемых.",
            },
            {"stage": "Формирование пар, групп.", "activities": "После встреч, обсуждения вопросов."},
            {
                "stage": "Повышение квалификации наставляемого, закрепление в профессии. Творческая деятельность. Успешная адаптация.",
                "activities": "Тестирование. Проведение мастер-классов, открытых уроков.",
            },
            {
                "stage": "Рефлексия реализации формы наставничества.",
                "activities": "Анализ эффективности реализации программы.",
            },
            {
                "stage": "Наставник получает уважаемый и заслуженный статус.",
                "activities": "Поощрение на педагогическом совете или методическом совете школы.",
            },
        ],
        "source": "seed 000 L646–L808 (goal L648, tasks L651–L655, results L658–L665, "
        "participants L666–L704 = L771–L808, role models L706–L730, scheme L733–L768); "
        "definition seed 002 L320–L324",
        "notes": "Seed 000 lists «Руководитель – молодой специалист» twice (L715, L728); kept once.",
    },
    {
        "code": "teacher_pupil",
        "name": "Учитель – ученик",
        "name_variants": ["«Учитель –ученик» (seed 000 L810)", "«Учитель-ученик» (seed 000 L55)"],
        "audience": "students",
        "mentor_role": "учитель",
        "mentee_role": "ученик",
        "described": True,
        "definition": "",
        "goal": (
            "Успешное формирование у учеников младшей, средней и старшей школы осознанного "
            "подхода к реализации личностного потенциала, рост числа заинтересованной в "
            "развитии собственных талантов и навыков молодежи."
        ),
        "tasks": [
            "Помощь учащимся в раскрытии и оценке своего личного потенциала.",
            "Повышение мотивации к учебе и саморазвитию, к саморегуляции, формирования ценностных и жизненных ориентиров.",
            "Развитие лидерских, организационных, коммуникативных навыков и метакомпетенций.",
            "Помощь в построении образовательной траектории и будущей профессиональной реализации.",
        ],
        "expected_results": [
            "Повышение успеваемости и улучшение психоэмоционального фона в младшей, средней и старшей школе.",
            "Численный рост кружков по интересам, а также внеурочных мероприятий.",
            "Увеличение процента учеников, успешно прошедших предпрофориентационную программу.",
            "Численный рост успешно реализованных и представленных результатов проектной деятельности в старших классах (совместно с представителем предприятия).",
            "Увеличение числа учеников, планирующих стать наставниками в будущем и присоединиться к сообществу благодарных выпускников.",
        ],
        "mentor_profile": _profile(_TEACHER_PUPIL_MENTOR),
        "mentor_profile_items": _TEACHER_PUPIL_MENTOR,
        "mentee_profile": _typed_profile(_TEACHER_PUPIL_MENTEES),
        "mentee_types": _TEACHER_PUPIL_MENTEES,
        "role_models": [
            {
                "code": "active_professional_indifferent_consumer",
                "name": "Активный профессионал – равнодушный потребитель",
                "description": (
                    "Мотивационная и ценностная поддержка с развитием коммуникативных, "
                    "творческих, лидерских навыков, стимулирование идей саморазвития, "
                    "осознанного выбора образовательной и карьерной траектории."
                ),
            },
        ],
        "implementation_scheme": [
            {
                "stage": "Представление программ наставничества в форме «Учитель – ученик».",
                "activities": "Ученическая конференция.",
            },
            {
                "stage": "Обучение наставников.",
                "activities": "Обучение проводится куратором программы наставничества при необходимости.",
            },
            {
                "stage": "Формирование пар, групп.",
                "activities": "Личные встречи или групповая работа в формате «быстрых встреч».",
            },
            {
                "stage": "Повышение образовательных результатов у наставляемых. Мотивированы, интегрированы в сообщество. Осознанно подходят к выбору профессий.",
                "activities": "Защита проекта. Анализ успеваемости. Определение образовательной траектории.",
            },
            {
                "stage": "Рефлексия реализации формы наставничества.",
                "activities": "Анализ эффективности реализации программы.",
            },
            {
                "stage": "Наставник получает уважаемый и заслуженный статус.",
                "activities": "Поощрение наставляемого: благодарственное письмо.",
            },
        ],
        "source": "seed 000 L810–L882 (goal L811, tasks L813–L816, results L818–L822, "
        "participants L824–L840, role models L848–L854, scheme L858–L882)",
        "notes": (
            "Mentor needs 5+ years of experience («от 5 лет», L833). The scheme's last row "
            "pairs a mentor stage with a mentee reward (L881–L882), kept as in the seed; the "
            "scheme has no mentor/mentee selection rows."
        ),
    },
    {
        "code": "pupil_pupil",
        "name": "Ученик – ученик",
        "name_variants": [],
        "audience": "students",
        "mentor_role": "ученик",
        "mentee_role": "ученик",
        "described": True,
        "definition": "",
        "goal": (
            "Разносторонняя поддержка обучающихся с особыми образовательными или "
            "социальными потребностями либо временная помощь в адаптации к новым условиям "
            "обучения."
        ),
        "tasks": [
            "Помощь в реализации лидерского потенциала.",
            "Улучшение образовательных, творческих или спортивных результатов.",
            "Развитие гибких навыков и метакомпетенций.",
            "Оказание помощи в адаптации к новым условиям среды.",
            "Создание комфортных условий и коммуникаций внутри образовательной организации.",
            "Формирование устойчивого сообщества обучающихся и сообщества благодарных выпускников.",
        ],
        "expected_results": [
            "Высокий уровень включения наставляемых во все социальные, культурные и образовательные процессы.",
            "Повышение успеваемости в школе.",
            "Улучшение психоэмоционального фона внутри группы, класса, школы в целом.",
            "Численный рост посещаемости творческих кружков, объединений, спортивных секций.",
            "Количественный и качественный рост успешно реализованных творческих и образовательных проектов.",
            "Снижение числа обучающихся, состоящих на различных видах учета.",
            "Снижение количества жалоб от родителей и педагогов, связанных с социальной незащищенностью и конфликтами внутри коллектива обучающихся.",
        ],
        "mentor_profile": _profile(_PUPIL_PUPIL_MENTOR),
        "mentor_profile_items": _PUPIL_PUPIL_MENTOR,
        "mentee_profile": _typed_profile(_PUPIL_PUPIL_MENTEES),
        "mentee_types": _PUPIL_PUPIL_MENTEES,
        "role_models": [
            {
                "code": "achiever_underachiever",
                "name": "Успевающий – неуспевающий",
                "description": "Достижение лучших образовательных результатов.",
            },
            {
                "code": "leader_passive",
                "name": "Лидер – пассивный",
                "description": "Психоэмоциональная поддержка с адаптацией в коллективе или с развитием коммуникационных, творческих, лидерских навыков.",
            },
            {
                "code": "peer_peer",
                "name": "Равный – равному",
                "description": "Обмен навыками для достижения целей.",
            },
            {
                "code": "adapted_unadapted",
                "name": "Адаптированный – неадаптированный",
                "description": "Адаптация к новым условиям обучения.",
            },
        ],
        "implementation_scheme": [
            {
                "stage": "Представление программ наставничества в форме «Ученик – ученик».",
                "activities": "Ученическая конференция.",
            },
            {
                "stage": "Проводится отбор наставников из числа активных учащихся школьного сообщества.",
                "activities": "Анкетирование. Собеседование. Использование базы наставников.",
            },
            {"stage": "Обучение наставников.", "activities": "Обучение проводится куратором."},
            {
                "stage": "Проводится отбор учащихся, имеющих особые образовательные потребности, низкую учебную мотивацию, проблемы с адаптацией в коллективе, не включенные в школьное сообщество и желающих добровольно принять участие в программе наставничества.",
                "activities": "Анкетирование. Листы опроса. Использование базы наставляемых.",
            },
            {"stage": "Формирование пар, групп.", "activities": "После личных встреч, обсуждения вопросов."},
            {
                "stage": "Наставляемый улучшает свои образовательные результаты, он интегрирован в школьное сообщество, повышена мотивация и осознанность.",
                "activities": "Предоставление конкретных результатов взаимодействия (проект, улучшение показателей). Улучшение образовательных результатов, посещаемости.",
            },
            {
                "stage": "Рефлексия реализации формы наставничества.",
                "activities": "Анализ эффективности реализации программы.",
            },
            {
                "stage": "Наставник получает уважаемый и заслуженный статус. Чувствует свою причастность школьному сообществу.",
                "activities": "Поощрение на ученической конференции.",
            },
        ],
        "source": "seed 000 L475–L641 (goal L476, tasks L478–L483, results L485–L491, "
        "participants L493–L583, role models L589–L606, scheme L610–L641)",
        "notes": (
            "The participants table (L502–L583) is interleaved column by column in the text "
            "extraction; the mentor bullets and the two mentee types were reassembled. The "
            "mentee is «более низкой по отношению к наставнику ступени» (L504)."
        ),
    },
    # --- college (СПО) forms: seed 003 names them, describes nothing -------------
    {
        "code": "student_student",
        "name": "Студент – студент",
        "name_variants": ["«студент-студент» (seed 003 L34, L97, L152)"],
        "audience": "students",
        "mentor_role": "студент",
        "mentee_role": "студент",
        "described": False,
        "definition": "",
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": (
            "Обучающиеся, мотивированные помочь сверстникам в образовательных, спортивных, "
            "творческих и адаптационных вопросах (например, участники кружков по интересам, "
            "театральных или музыкальных групп, проектных классов, спортивных секций)."
        ),
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 003 L34, L152 (name); mentor base «базу для формы «студент-студент»» L97 "
        "and its source group L80 (mentor_profile)",
        "notes": _NOT_DESCRIBED_003,
    },
    {
        "code": "student_pupil",
        "name": "Студент – ученик",
        "name_variants": ["«студент-ученик» (seed 003 L34, L152)"],
        "audience": "students",
        "mentor_role": "студент",
        "mentee_role": "ученик (школьник)",
        "described": False,
        "definition": "",
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": "",
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 003 L34, L152",
        "notes": _NOT_DESCRIBED_003 + " The mentee is a school pupil, usually not a student of the college.",
    },
    {
        "code": "lecturer_student",
        "name": "Преподаватель – студент",
        "name_variants": ["«преподаватель-студент» (seed 003 L34, L152)"],
        "audience": "students",
        "mentor_role": "преподаватель",
        "mentee_role": "студент",
        "described": False,
        "definition": "",
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": (
            "Педагоги, заинтересованные в тиражировании личного педагогического опыта и "
            "создании продуктивной педагогической атмосферы."
        ),
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 003 L34, L152 (name); mentor base «базу наставников из числа активных "
        "педагогов» L96 and its source group L81 (mentor_profile)",
        "notes": _NOT_DESCRIBED_003,
    },
    # --- forms named in the teacher-mentoring regulation (seed 002) --------------
    {
        "code": "employer_student",
        "name": "Работодатель – студент",
        "name_variants": [
            "«работодатель – студент» (seed 002 L255–L257)",
            "«Работодатель – студент/ученик» (product brief DOMAIN.md)",
        ],
        "audience": "students",
        "mentor_role": "работодатель (сотрудник предприятия, организации)",
        "mentee_role": "студент",
        "described": False,
        "definition": "",
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": "",
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 002 L254–L257",
        "notes": _NOT_DESCRIBED_002
        + (
            " No seed has «работодатель – ученик»; employees of enterprises appear elsewhere "
            "only as a source of mentors (seed 000 L390, L427; seed 001 L46; seed 003 L88, L96)."
        ),
    },
    {
        "code": "director_teacher",
        "name": "Руководитель Учреждения – педагог",
        "name_variants": ["«руководитель Учреждения – преподаватель» (seed 002 L326)"],
        "audience": "teachers",
        "mentor_role": "руководитель образовательной организации",
        "mentee_role": "педагог",
        "described": False,
        "definition": (
            "Способ реализации целевой модели наставничества через организацию "
            "взаимодействия наставнической пары «руководитель Учреждения – преподаватель», "
            "[…] образовательного процесса и достижение желаемых результатов руководителем "
            "Учреждения посредством создания необходимых психолого-организационно-"
            "педагогических, кадровых, методических, педагогических условий и ресурсов."
        ),
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": "",
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 002 L254–L255 (name), L326–L341 (definition)",
        "notes": _NOT_DESCRIBED_002
        + (
            " In the definition «[…]» marks words lost in the OCR (L328–L336); they are not "
            "reconstructed. With this form the director can be a mentor while also approving "
            "orders."
        ),
    },
    {
        "code": "college_teacher_young_teacher",
        "name": "Педагог вуза/колледжа – молодой педагог Учреждения",
        "name_variants": [],
        "audience": "teachers",
        "mentor_role": "педагог вуза/колледжа (внешний наставник)",
        "mentee_role": "молодой педагог",
        "described": False,
        "definition": "",
        "goal": "",
        "tasks": [],
        "expected_results": [],
        "mentor_profile": "",
        "mentor_profile_items": [],
        "mentee_profile": "",
        "mentee_types": [],
        "role_models": [],
        "implementation_scheme": [],
        "source": "seed 002 L257",
        "notes": _NOT_DESCRIBED_002,
    },
]


# ---------------------------------------------------------------------------
# 2. Directions of mentoring (seed 001, Положение п. 1.3)
# ---------------------------------------------------------------------------
DIRECTIONS = [
    {
        "code": "educational_professional",
        "name": "Учебно-профессиональное наставничество",
        "audience": "students",
        "description": (
            "Наставничество в профессиональной образовательной организации в период "
            "подготовки к профессиональным конкурсам, олимпиадам, чемпионатам профессий в "
            "целях развития профессиональных компетенций обучающихся."
        ),
        "source": "seed 001 L52",
        "notes": "Wording comes from a college (СПО) template although seed 001 is a school; keep editable.",
    },
    {
        "code": "sociocultural",
        "name": "Социокультурное наставничество",
        "audience": "students",
        "description": (
            "Наставничество, осуществляемое, как правило, во внеурочной общественной "
            "деятельности в целях развития личностных результатов обучающихся в "
            "соответствии с требованиями ФГОС, а также выявление и развитие талантов и "
            "способностей обучающихся к творчеству, социально-общественной деятельности, "
            "спортивным достижениям."
        ),
        "source": "seed 001 L54",
        "notes": "",
    },
    {
        "code": "individual_preventive",
        "name": "Индивидуально-профилактическое наставничество",
        "audience": "students",
        "description": (
            "Наставничество в процессе психолого-педагогического сопровождения "
            "обучающихся, попавших в трудную жизненную ситуацию (дети-сироты, лица из "
            "числа детей-сирот и оставшихся без попечения родителей, лица с ОВЗ), либо "
            "входящих в «группу риска» (состоящие на учете в КДН, УВД, внутреннем "
            "профилактическом учете в ОО и т.д.)."
        ),
        "source": "seed 001 L56",
        "notes": "Touches special-category personal data; restrict access.",
    },
    {
        "code": "young_specialist_support",
        "name": "Психолого-педагогическое сопровождение деятельности молодого специалиста",
        "audience": "teachers",
        "description": (
            "Наставничество, в процессе которого формируются профессиональные умения и "
            "навыки, надлежащее исполнение должностных обязанностей, ознакомление с "
            "особенностями работы ОО."
        ),
        "source": "seed 001 L58",
        "notes": "",
    },
]


# ---------------------------------------------------------------------------
# 3. Categories of mentees and of mentors
# ---------------------------------------------------------------------------
# name       : UI label (nominative);
# wording_ru : the seed's own words (seed 000 gives them in the genitive after
#              «из числа»);
# core       : True = the list of the target-model programme, seed 000 §6 (L370–L392);
#              False = an additional category another seed names;
# sensitive  : special-category or highly sensitive data; restrict who sees it.
MENTEE_CATEGORIES = [
    # students («из числа обучающихся», seed 000 L372–L378)
    {
        "code": "gifted",
        "name": "Проявившие выдающиеся способности",
        "wording_ru": "проявивших выдающиеся способности",
        "audience": "students",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L373; «одаренные дети» seed 003 L10",
    },
    {
        "code": "low_results",
        "name": "Демонстрирующие неудовлетворительные образовательные результаты",
        "wording_ru": "демонстрирующих неудовлетворительные образовательные результаты",
        "source_text": "демонстрирующий неудовлетворительные образовательные результаты",
        "audience": "students",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L374",
    },
    {
        "code": "disabilities",
        "name": "С ограниченными возможностями здоровья (ОВЗ)",
        "wording_ru": "с ограниченными возможностями здоровья",
        "audience": "students",
        "core": True,
        "sensitive": True,
        "source": "seed 000 L375; «дети с ОВЗ» seed 003 L10; «лица с ОВЗ» seed 001 L56",
    },
    {
        "code": "difficult_life_situation",
        "name": "Попавшие в трудную жизненную ситуацию",
        "wording_ru": "попавших в трудную жизненную ситуацию",
        "details": "дети-сироты, лица из числа детей-сирот и оставшихся без попечения родителей, лица с ОВЗ (seed 001 L56)",
        "audience": "students",
        "core": True,
        "sensitive": True,
        "source": "seed 000 L376; seed 001 L56; seed 003 L10",
    },
    {
        "code": "behaviour_problems",
        "name": "Имеющие проблемы с поведением",
        "wording_ru": "имеющих проблемы с поведением",
        "audience": "students",
        "core": True,
        "sensitive": True,
        "source": "seed 000 L377",
    },
    {
        "code": "disengaged",
        "name": "Не принимающие участие в жизни школы, отстраненные от коллектива",
        "wording_ru": "не принимающих участие в жизни школы, отстраненных от коллектива",
        "audience": "students",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L378",
    },
    {
        "code": "risk_group",
        "name": "Входящие в «группу риска»",
        "wording_ru": "входящих в «группу риска» (состоящие на учете в КДН, УВД, внутреннем профилактическом учете в ОО и т.д.)",
        "audience": "students",
        "core": False,
        "sensitive": True,
        "source": "seed 001 L56",
    },
    {
        "code": "low_motivation",
        "name": "Имеющие низкую учебную мотивацию",
        "wording_ru": "имеющих … низкую учебную мотивацию",
        "audience": "students",
        "core": False,
        "sensitive": False,
        "source": "seed 000 L624",
    },
    {
        "code": "adaptation_problems",
        "name": "Имеющие проблемы с адаптацией в коллективе",
        "wording_ru": "имеющих … проблемы с адаптацией в коллективе",
        "audience": "students",
        "core": False,
        "sensitive": False,
        "source": "seed 000 L624; «адаптация обучающегося в новом учебном коллективе» seed 003 L8",
    },
    # teachers («из числа педагогов», seed 000 L379–L383)
    {
        "code": "young_specialist",
        "name": "Молодой специалист (стаж от 0 до 3 лет)",
        "wording_ru": "молодых специалистов",
        "audience": "teachers",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L380, experience «от 0 до 3 лет» L679; seed 001 L83; "
        "«молодых/начинающих специалистов» seed 002 L456",
    },
    {
        "code": "burnout",
        "name": "Находящиеся в состоянии эмоционального выгорания, хронической усталости",
        "wording_ru": "находящихся в состоянии эмоционального выгорания, хронической усталости",
        "audience": "teachers",
        "core": True,
        "sensitive": True,
        "source": "seed 000 L381, L687",
    },
    {
        "code": "new_workplace",
        "name": "Находящиеся в процессе адаптации на новом месте работы",
        "wording_ru": "находящихся в процессе адаптации на новом месте работы",
        "audience": "teachers",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L382, L683; «адаптация преподавателя в новом педагогическом коллективе» seed 003 L15",
    },
    {
        "code": "digital_skills",
        "name": "Желающие овладеть современными программами, цифровыми навыками, ИКТ компетенциями",
        "wording_ru": "желающих овладеть современными программами, цифровыми навыками, ИКТ компетенциями и т.д.",
        "source_text": "желающими\tовладеть\tсовременными\tпрограммами,\tцифровыми навыками, ИКТ компетенциями ит.д.",
        "audience": "teachers",
        "core": True,
        "sensitive": False,
        "source": "seed 000 L383",
    },
    {
        "code": "professional_difficulties",
        "name": "Имеющие профессиональные затруднения",
        "wording_ru": "педагог, имеющий профессиональные затруднения",
        "audience": "teachers",
        "core": False,
        "sensitive": False,
        "source": "seed 002 L262–L263; «педагогов, испытывающих профессиональные проблемы, проблемы адаптации» seed 000 L749",
    },
]

# audience   : whom these mentors usually mentor (same meaning as for forms);
# population : who the mentor is — "student", "staff", "parent", "graduate", "external".
MENTOR_CATEGORIES = [
    {
        "code": "student_peer",
        "name": "Обучающиеся, мотивированные помочь сверстникам",
        "wording_ru": "обучающихся, мотивированных помочь сверстникам в образовательных, спортивных, творческих и адаптационных вопросах",
        "examples": "участники кружков по интересам, театральных или музыкальных групп, проектных классов, спортивных секций (seed 000 L417–L419; seed 003 L80)",
        "audience": "students",
        "population": "student",
        "core": True,
        "source": "seed 000 L386; seed 001 L46; seed 003 L80",
    },
    {
        "code": "teacher",
        "name": "Педагоги и специалисты, заинтересованные в тиражировании личного педагогического опыта",
        "wording_ru": "педагогов и специалистов, заинтересованных в тиражировании личного педагогического опыта и создании продуктивной педагогической атмосферы",
        "audience": "any",
        "population": "staff",
        "core": True,
        "source": "seed 000 L387, L420; seed 001 L46; seed 003 L81, L96",
    },
    {
        "code": "parent",
        "name": "Родители обучающихся – активные участники родительских или управляющих советов",
        "wording_ru": "родителей обучающихся – активных участников родительских или управляющих советов",
        "examples": "организаторы досуговой деятельности в образовательной организации и другие представители родительского сообщества с выраженной гражданской позицией (seed 000 L421–L423; seed 003 L82–L84)",
        "constraint": "родитель не может быть наставником для своего ребенка в рамках данной целевой модели (seed 001 L46)",
        "audience": "students",
        "population": "parent",
        "core": True,
        "source": "seed 000 L388, L421–L423; seed 001 L46; seed 003 L82–L84",
    },
    {
        "code": "graduate",
        "name": "Выпускники, заинтересованные в поддержке своей школы",
        "wording_ru": "выпускников, заинтересованных в поддержке своей школы",
        "audience": "students",
        "population": "graduate",
        "core": True,
        "source": "seed 000 L389, L426, L836; seed 001 L46 («представители сообществ выпускников»); seed 003 L87, L95",
    },
    {
        "code": "employer_staff",
        "name": "Сотрудники предприятий, заинтересованные в подготовке будущих кадров",
        "wording_ru": "сотрудников предприятий, заинтересованных в подготовке будущих кадров",
        "examples": "сотрудники региональных предприятий (возможно пересечение с выпускниками) (seed 000 L427–L428; seed 003 L88–L89)",
        "audience": "students",
        "population": "external",
        "core": True,
        "source": "seed 000 L390, L427–L428; seed 001 L46; seed 003 L88, L96",
    },
    {
        "code": "entrepreneur",
        "name": "Успешные предприниматели или общественные деятели",
        "wording_ru": "успешных предпринимателей или общественных деятелей, которые чувствуют потребность передать свой опыт",
        "audience": "any",
        "population": "external",
        "core": True,
        "source": "seed 000 L391, L429–L430; seed 003 L90",
    },
    {
        "code": "teaching_veteran",
        "name": "Ветераны педагогического труда",
        "wording_ru": "ветеранов педагогического труда",
        "audience": "any",
        "population": "external",
        "core": True,
        "source": "seed 000 L392",
    },
    {
        "code": "partner_org_staff",
        "name": "Представители организаций-партнеров",
        "wording_ru": "представители других организаций, с которыми есть партнерские связи",
        "audience": "any",
        "population": "external",
        "core": False,
        "source": "seed 000 L431; seed 003 L91; «некоммерческих организаций и иных организаций любых форм собственности» seed 001 L46",
    },
    {
        "code": "college_teacher",
        "name": "Педагог вуза/колледжа",
        "wording_ru": "педагог вуза/колледжа",
        "audience": "teachers",
        "population": "external",
        "core": False,
        "source": "seed 002 L257",
    },
    {
        "code": "school_head",
        "name": "Руководитель образовательной организации",
        "wording_ru": "руководитель Учреждения",
        "audience": "teachers",
        "population": "staff",
        "core": False,
        "source": "seed 002 L255, L326",
    },
]


# ---------------------------------------------------------------------------
# 4. Base tables of seed 003, Appendix 3 (13 and 16 columns, in order)
# ---------------------------------------------------------------------------
# note     : what fills the column in the app (footnotes of the seed quoted in «…»).
# footnote : the seed's footnote under the column header, verbatim.
MENTEE_BASE_TITLE = "Примерная форма базы наставляемых"
MENTEE_BASE_COLUMNS = [
    {"code": "number", "title_ru": "№", "note": "Порядковый номер строки (1., 2., …)."},
    {
        "code": "mentee_full_name",
        "title_ru": "ФИО наставляемого",
        "note": "Фамилия, имя, отчество наставляемого из его профиля.",
    },
    {
        "code": "contacts",
        "title_ru": "Контактные данные для связи (данные представителя)",
        "note": "Телефон/e-mail; для несовершеннолетнего — данные законного представителя.",
    },
    {
        "code": "birth_year",
        "title_ru": "Год рождения наставляемого",
        "note": "Год из даты рождения (по нему же определяется совершеннолетие для согласий).",
    },
    {
        "code": "main_request",
        "title_ru": "Основной запрос наставляемого",
        "footnote": "Для чего он хочет участвовать в программе наставничества",
        "note": "Поле «основной запрос» записи базы наставляемых (из анкеты-запроса).",
    },
    {
        "code": "entry_date",
        "title_ru": "Дата вхождения в программу",
        "note": "Дата включения в базу наставляемых текущей программы.",
    },
    {
        "code": "mentor_full_name",
        "title_ru": "ФИО наставника",
        "note": "Наставник из утвержденной пары/группы; пусто, если наставляемый «без пары».",
    },
    {
        "code": "form",
        "title_ru": "Форма наставничества",
        "note": "Название формы пары (MENTORING_FORMS.name).",
    },
    {
        "code": "mentor_workplace",
        "title_ru": "Место работы/учебы наставника",
        "note": "Организация и должность или класс/группа наставника.",
    },
    {
        "code": "end_date",
        "title_ru": "Дата завершения программы",
        "note": "Дата окончания пары (фактическая или плановая).",
    },
    {
        "code": "results",
        "title_ru": "Результаты программы",
        "footnote": "Можно дать ссылку на результаты мониторинга и оценки качества Программы, если они размещены на сайте",
        "note": "Краткие итоги из отзыва наставника и мониторинга или ссылка на опубликованные результаты.",
    },
    {
        "code": "case_link",
        "title_ru": "Ссылка на кейс/отзыв наставляемого, размещенные на сайте организации",
        "note": "URL опубликованного кейса/отзыва (только при согласии на публикацию).",
    },
    {
        "code": "completion_mark",
        "title_ru": "Отметка о прохождении программы",
        "footnote": "Индивидуальный план выполнен в полной мере, не в полной мере, не выполнен",
        "note": "Одна из отметок PLAN_MARKS по индивидуальному плану.",
    },
]

MENTOR_BASE_TITLE = "Примерная форма базы наставников"
MENTOR_BASE_COLUMNS = [
    {"code": "number", "title_ru": "№", "note": "Порядковый номер строки (1., 2., …)."},
    {
        "code": "mentor_full_name",
        "title_ru": "ФИО наставника",
        "note": "Фамилия, имя, отчество наставника из его профиля.",
    },
    {"code": "contacts", "title_ru": "Контактные данные для связи", "note": "Телефон/e-mail наставника."},
    {
        "code": "mentor_workplace",
        "title_ru": "Место работы/учебы наставника",
        "note": "Организация и должность или класс/группа наставника.",
    },
    {
        "code": "competencies",
        "title_ru": "Основные компетенции наставника",
        "note": "Поле «компетенции» записи базы наставников (из анкеты, собеседования).",
    },
    {
        "code": "achievements",
        "title_ru": "Важные для программы достижения наставника",
        "source_text": "Важные для программы достижение наставника",
        "note": "Поле «достижения» записи базы наставников.",
    },
    {
        "code": "interests",
        "title_ru": "Интересы наставника",
        "footnote": "Исследовательские, инновационные, социальные, иные",
        "note": "Множественный выбор: исследовательские, инновационные, социальные, иные (+ текст).",
    },
    {
        "code": "desired_mentee_age",
        "title_ru": "Желаемый возраст наставляемых",
        "note": "Диапазон возраста или классов/курсов, с которыми наставник готов работать.",
    },
    {
        "code": "time_resource",
        "title_ru": "Ресурс времени на программу наставничества",
        "note": "Сколько времени наставник готов уделять (например, часов в неделю/месяц).",
    },
    {
        "code": "entry_date",
        "title_ru": "Дата вхождения в программу",
        "note": "Дата включения в базу наставников текущей программы.",
    },
    {
        "code": "mentee_full_names",
        "title_ru": "ФИО наставляемого (наставляемых)",
        "note": "Все наставляемые пары/группы наставника (до 5 в группе), через запятую.",
    },
    {
        "code": "form",
        "title_ru": "Форма наставничества",
        "note": "Название формы пары (MENTORING_FORMS.name).",
    },
    {
        "code": "mentee_workplace",
        "title_ru": "Место работы/учебы наставляемого",
        "note": "Должность или класс/группа наставляемого (наставляемых).",
    },
    {
        "code": "end_date",
        "title_ru": "Дата завершения программы",
        "note": "Дата окончания пары (фактическая или плановая).",
    },
    {
        "code": "results",
        "title_ru": "Результаты программы",
        "note": "Краткие итоги из отзыва и мониторинга (сноска [8] в источнике пуста).",
    },
    {
        "code": "case_link",
        "title_ru": "Ссылка на кейс/отзыв наставника, размещенные на сайте организации",
        "source_text": "Ссылка на кейс/отзыв наставника, размещение на сайте организации",
        "note": "URL опубликованного кейса/отзыва (только при согласии на публикацию).",
    },
]
BASE_TABLES_SOURCE = {
    "mentee": "seed 003 L498–L547 (headers L501–L515; footnotes [4] L505, [5] L512, [6] L515; "
    "footnote [3] L499: «Не входит в итоговый вариант программы наставничества, "
    "представляет собой отдельный документ.»)",
    "mentor": "seed 003 L548–L604 (headers L549–L566; footnote [7] L555, [8] L564 empty)",
}


# ---------------------------------------------------------------------------
# 5. Marks of plan completion (seed 003, Appendix 3, footnote [6])
# ---------------------------------------------------------------------------
PLAN_MARKS = [
    {"code": "fully", "title_ru": "выполнен в полной мере", "source": "seed 003 L515"},
    {"code": "partially", "title_ru": "выполнен не в полной мере", "source": "seed 003 L515"},
    {"code": "not_done", "title_ru": "не выполнен", "source": "seed 003 L515"},
]


# ---------------------------------------------------------------------------
# 6. Review form D4 (seed 001 L173–L210, Приложение № 2 к Положению)
# ---------------------------------------------------------------------------
# kind: "person" and "period" are filled from the pair; "heading" has no input;
# "text" is a free-text answer. hint: our own UI hint (not from the seeds).
REVIEW_FORM_META = {
    "caption": "Форма отзыва о результатах наставничества",
    "title": "ОТЗЫВ",
    "subtitle": "о результатах наставничества",
    "period_template": "с «___» _____ 20___ г. по «___» _____ 20___ г.",
    "signatures": [
        {"code": "curator", "label": "(подпись / фамилия и инициалы куратора)"},
        {"code": "mentor", "label": "(подпись / фамилия и инициалы наставника)"},
    ],
    "date_template": "«___» _____ 20___ г.",
    "rule": "Не позднее 5 рабочих дней до завершения срока наставничества наставник "
    "представляет для ознакомления куратору своего направления отзыв о результатах "
    "наставничества (seed 001 L96, п. 3.10).",
    "source": "seed 001 L173–L210",
}
REVIEW_FORM = [
    {
        "code": "mentor",
        "number": "1",
        "kind": "person",
        "required": True,
        "title_ru": "Фамилия, имя, отчество и должность наставника",
        "hint": "Заполняется автоматически из данных пары.",
    },
    {
        "code": "mentee",
        "number": "2",
        "kind": "person",
        "required": True,
        "title_ru": "Фамилия, имя, отчество и должность лица, в отношении которого осуществляется наставничество (далее – наставляемый)",
        "hint": "Заполняется автоматически; для ученика вместо должности — класс.",
    },
    {
        "code": "period",
        "number": "3",
        "kind": "period",
        "required": True,
        "title_ru": "Период наставничества",
        "hint": "Даты начала и окончания наставничества по индивидуальному плану.",
    },
    {
        "code": "results_info",
        "number": "4",
        "kind": "heading",
        "required": False,
        "title_ru": "Информация о результатах наставничества",
        "hint": "Заполните подпункты а)–д).",
    },
    {
        "code": "topics_studied",
        "number": "4а",
        "kind": "text",
        "required": True,
        "title_ru": "наставляемый изучил следующий перечень вопросов",
        "hint": "Перечислите темы и вопросы, которые наставляемый изучил.",
    },
    {
        "code": "tasks_completed",
        "number": "4б",
        "kind": "text",
        "required": True,
        "title_ru": "наставляемый выполнил следующие задания, данные наставником",
        "hint": "Перечислите выполненные задания; можно опираться на отметки плана.",
    },
    {
        "code": "qualities_assessment",
        "number": "4в",
        "kind": "text",
        "required": True,
        "title_ru": "оценка профессиональных и личностных качеств наставляемого (нужное указать)",
        "hint": "Оцените профессиональные и личностные качества наставляемого.",
    },
    {
        "code": "shortcomings",
        "number": "4г",
        "kind": "text",
        "required": False,
        "title_ru": "наставляемому следует устранить следующие недостатки",
        "hint": "Что наставляемому следует исправить.",
    },
    {
        "code": "further_study",
        "number": "4д",
        "kind": "text",
        "required": False,
        "title_ru": "наставляемому следует дополнительно изучить следующие вопросы",
        "hint": "Какие вопросы изучить дополнительно.",
    },
    {
        "code": "potential_and_recommendations",
        "number": "5",
        "kind": "text",
        "required": True,
        "title_ru": "Определение потенциала наставляемого и рекомендации по его профессиональному развитию",
        "hint": "Потенциал наставляемого и конкретные рекомендации по развитию.",
    },
    {
        "code": "additional_info",
        "number": "6",
        "kind": "text",
        "required": False,
        "title_ru": "Дополнительная информация о наставляемом (представляется при необходимости)",
        "source_text": "Дополнительная информация о наставляемом, (представляется при необходимости)",
        "hint": "Необязательно.",
    },
]


# ---------------------------------------------------------------------------
# 7. Individual plan form D3 (seed 001 L138–L171, Приложение № 1 к Положению)
# ---------------------------------------------------------------------------
PLAN_FORM = {
    "caption": "Форма индивидуального плана осуществления наставничества",
    "title": "ИНДИВИДУАЛЬНЫЙ ПЛАН",
    "subtitle": "осуществления наставничества",
    "header_fields": [
        {
            "code": "mentee_full_name",
            "number": "1",
            "kind": "person",
            "title_ru": "Фамилия, имя, отчество лица, в отношении которого осуществляется наставничество",
        },
        {
            "code": "mentee_position",
            "number": "2",
            "kind": "text",
            "title_ru": "Наименование должности лица, в отношении которого осуществляется наставничество",
            "hint": "Для ученика/студента — класс или группа (в форме источника только «должность»).",
        },
        {
            "code": "mentor_full_name",
            "number": "3",
            "kind": "person",
            "title_ru": "Фамилия, имя, отчество наставника",
        },
        {
            "code": "mentor_position",
            "number": "4",
            "kind": "text",
            "title_ru": "Наименование должности наставника",
        },
        {
            "code": "period",
            "number": "5",
            "kind": "period",
            "title_ru": "Период наставничества",
            "template": "с «___» _____ 20___ г. по «___» _____ 20___ г.",
        },
    ],
    "table_columns": [
        {"code": "number", "title_ru": "№ п/п"},
        {"code": "activity", "title_ru": "Наименование и содержание мероприятий"},
        {"code": "period", "title_ru": "Период выполнения"},
        {"code": "responsible", "title_ru": "Ответственный за выполнение"},
        {"code": "completion_mark", "title_ru": "Отметка о выполнении"},
    ],
    "sections": [
        {
            "code": "mentor_recommendations",
            "title_ru": "Рекомендации наставника по вопросам, связанным с исполнением должностных обязанностей",
        },
        {
            "code": "methodical_help",
            "title_ru": "Методическая и практическая помощь в приобретении навыков для выполнения должностных обязанностей",
        },
    ],
    "signatures": [
        {"code": "curator", "label": "(подпись / фамилия и инициалы куратора)"},
        {"code": "mentor", "label": "(подпись / фамилия и инициалы наставника)"},
    ],
    "date_template": "«___» _____ 20___ г.",
    "rules": {
        "min_months": 3,
        "max_months": 12,
        "rule_text": "Индивидуальный план осуществления наставничества разрабатывается на срок "
        "от 3 месяцев до 1 года (seed 001 L94, п. 3.8).",
    },
    "source": "seed 001 L138–L171",
}


# ---------------------------------------------------------------------------
# 8. Manifesto, code and guiding principles (seed 001 L212–L257, Приложение № 3)
# ---------------------------------------------------------------------------
MENTOR_CODE_SECTIONS = [
    {"code": "manifesto", "title_ru": "МАНИФЕСТ НАСТАВНИКА", "source": "seed 001 L212–L228"},
    {"code": "code", "title_ru": "КОДЕКС НАСТАВНИКА", "source": "seed 001 L230–L241"},
    {"code": "principles", "title_ru": "РУКОВОДЯЩИЕ ПРИНЦИПЫ НАСТАВНИКА", "source": "seed 001 L243–L257"},
]

_MANIFESTO = [
    "Наставник помогает наставляемому осознать свои сильные и слабые стороны и определить векторы развития.",
    "Наставник является примером жизни, поведения и ценностей для наставляемого.",
    "Наставнические отношения формируются в условиях доверия, взаимообогащения и открытого диалога.",
    "Наставник ориентируется на близкие, достижимые для наставляемого цели, но обсуждает с ним также долгосрочную перспективу и будущее.",
    "Наставник предлагает помощь в достижении целей и желаний наставляемого и указывает на риски и противоречия.",
    "Наставник не навязывает наставляемому собственное мнение и позицию, но стимулирует развитие у наставляемого индивидуального видения.",
    "Наставник помогает наставляемому развить прикладные навыки, умения и компетенции.",
    "Наставник по возможности оказывает наставляемому личностную и психологическую поддержку, мотивирует и ободряет его.",
    "Наставник по согласованию с куратором может проводить дополнительные (в том числе выездные) мероприятия, направленные как на достижение цели наставнической программы, так и на укрепление взаимоотношений с наставляемым.",
    "Наставник соблюдает обоюдные договоренности, не выходит за допустимые рамки субординации и не разглашает информацию, которую передает ему наставляемый.",
    "Наставник может быть инициатором завершения программы, но перед этим обязан приложить все усилия по сохранению доброкачественных наставнических отношений.",
    "Список исключений, информация о которых незамедлительно передается куратору программы:",
]

# The three disclosures that override confidentiality (seed 001 L225–L228).
SAFEGUARDING_KINDS = [
    {
        "code": "violence",
        "name": "Насилие",
        "wording_ru": "если наставляемый сообщит о том, что стал жертвой насилия (физического, сексуального, психологического);",
        "source": "seed 001 L226",
    },
    {
        "code": "illegal_activity",
        "name": "Вовлечение в незаконную деятельность",
        "wording_ru": "если наставляемый сообщит о том, что вовлечен в незаконную деятельность (распространение наркотиков, финансовые махинации);",
        "source": "seed 001 L227",
    },
    {
        "code": "threat_to_life_or_health",
        "name": "Угроза жизни и здоровью",
        "wording_ru": "если наставляемый сообщит (или его поведение будет свидетельствовать) о потенциальной угрозе, способной нанести вред жизни и здоровью (суицидальные мысли, пагубная зависимость).",
        "source": "seed 001 L228",
    },
]
SAFEGUARDING_INTRO = _MANIFESTO[-1]

_CODE = [
    "Не осуждаю, а предлагаю решение.",
    "Не критикую, а изучаю ситуацию.",
    "Не обвиняю, а поддерживаю.",
    "Не решаю проблему сам, а помогаю решить ее наставляемому.",
    "Не навязываю свое мнение, а работаю в диалоге.",
    "Разделяю ответственность за наставляемого с куратором, родителями и организацией.",
    "Не утверждаю, а советуюсь.",
    "Не отрываюсь от практики.",
    "Призывая наставляемого к дисциплине и ответственному отношению к себе, наставническому взаимодействию и программе, сам следую этому правилу.",
    "Не разглашаю внутреннюю информацию. Наставничество – не решение всех проблем, стоящих перед наставляемым и его/ее семьей. Суть наставничества заключается в создании и поддержании устойчивых человеческих взаимоотношений, в которых наставляемый чувствует, что к нему относятся как к личности и что он имеет значение для общества.",
]

# (code, principle, explanation[, seed wording where corrected])
_PRINCIPLES = [
    (
        "listen",
        "Наставники слушают",
        "Поддерживают зрительный контакт и посвящают наставляемым все свое внимание",
    ),
    (
        "advise",
        "Наставники рекомендуют",
        "Помогают наставляемым найти направление в жизни, но не подталкивают их",
    ),
    (
        "tell",
        "Наставники рассказывают",
        "Дают представление о перспективах наставляемого, помогают определить цели и приоритеты",
    ),
    (
        "teach",
        "Наставники обучают",
        "Рассказывают о жизни, собственной карьере, личном и профессиональном опыте",
    ),
    (
        "share_experience",
        "Наставники представляют свой опыт",
        "Помогают наставляемым избежать ошибок и извлечь уроки из жизненных ситуаций",
    ),
    (
        "available",
        "Наставники доступны",
        "Предоставляют ресурс, источник опыта и знаний, которому наставляемый доверяет и к которому может обратиться",
    ),
    (
        "constructive_criticism",
        "Наставники критикуют, но конструктивно",
        "При необходимости наставники указывают области, которые нуждаются в улучшении, всегда сосредоточивая внимание на поведении наставляемого, но никогда – на характере",
    ),
    (
        "support",
        "Наставники поддерживают",
        "Независимо от того, насколько болезненный опыт имеет наставляемый, наставник продолжает поощрять его учиться и совершенствоваться",
    ),
    (
        "precise",
        "Наставники точны",
        "Дают конкретные советы, анализируют, рефлексируют, что было сделано хорошо, что может быть исправлено или улучшено, что достигнуто, какие преимущества есть у различных действий",
        "…анализируют, рефлексиируют, что было сделано хорошо…",
    ),
    (
        "caring",
        "Наставники неравнодушны",
        "Наставник интересуется образовательными успехами наставляемого, успехами в планировании и реализации карьеры, в личном развитии",
        "Наставники равнодушны",
    ),
    (
        "successful",
        "Наставники успешны",
        "Не только успешны сами по себе, но и способствуют успехам других людей",
    ),
    (
        "admired",
        "Наставники вызывают восхищение",
        "Пользуются уважением в своих организациях и обществе",
        "Пользуются и уважением в своих организациях обществе",
    ),
]

# MENTOR_CODE: every paragraph of Appendix № 3 in order, for display, acknowledgement
# and the PDF. level 2 = a sub-item (the three exceptions). For principles, title_ru is
# the principle and text its explanation (a two-column table in the seed).
MENTOR_CODE = (
    [
        {"code": f"manifesto_{i:02d}", "section": "manifesto", "level": 1, "title_ru": "", "text": t}
        for i, t in enumerate(_MANIFESTO, start=1)
    ]
    + [
        {
            "code": f"manifesto_exception_{k['code']}",
            "section": "manifesto",
            "level": 2,
            "title_ru": "",
            "text": k["wording_ru"],
            "safeguarding_kind": k["code"],
        }
        for k in SAFEGUARDING_KINDS
    ]
    + [
        {"code": f"code_{i:02d}", "section": "code", "level": 1, "title_ru": "", "text": t}
        for i, t in enumerate(_CODE, start=1)
    ]
    + [
        dict(
            {
                "code": f"principle_{p[0]}",
                "section": "principles",
                "level": 1,
                "title_ru": p[1],
                "text": p[2],
            },
            **({"source_text": p[3]} if len(p) > 3 else {}),
        )
        for p in _PRINCIPLES
    ]
)


# ---------------------------------------------------------------------------
# 9. Meetings of a pair/group, in this order (seeds 000, 003, 004)
# ---------------------------------------------------------------------------
MEETING_KINDS = [
    {
        "code": "organisational",
        "order": 1,
        "repeatable": False,
        "name": "Первая, организационная встреча",
        "alt_names": ["встреча-знакомство"],
        "description": "Проведение первой, организационной встречи наставника и наставляемого (встреча-знакомство).",
        "source": "seed 000 L194, L453; seed 003 L125, L433; seed 004 L17",
    },
    {
        "code": "trial",
        "order": 2,
        "repeatable": False,
        "name": "Пробная рабочая встреча",
        "alt_names": ["вторая, пробная рабочая встреча"],
        "description": "Проведение второй, пробной рабочей встречи наставника и наставляемого.",
        "source": "seed 000 L195, L454; seed 003 L126, L435 (not in seed 004)",
    },
    {
        "code": "planning",
        "order": 3,
        "repeatable": False,
        "name": "Встреча-планирование",
        "alt_names": ["встреча-планирование рабочего процесса"],
        "description": "Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым.",
        "source": "seed 000 L196, L455; seed 003 L127, L436; seed 004 L17",
    },
    {
        "code": "regular",
        "order": 4,
        "repeatable": True,
        "name": "Регулярные встречи",
        "alt_names": ["комплекс последовательных встреч"],
        "description": "Регулярные встречи наставника и наставляемого (комплекс последовательных встреч).",
        "source": "seed 000 L197, L456; seed 003 L128, L437; seed 004 L17",
    },
    {
        "code": "final",
        "order": 5,
        "repeatable": False,
        "name": "Заключительная встреча",
        "alt_names": ["итоговая встреча"],
        "description": "Проведение заключительной (итоговой) встречи наставника и наставляемого.",
        "source": "seed 000 L198, L457; seed 003 L129, L438",
    },
]
MEETINGS_PURPOSE = (
    "Закрепление гармоничных и продуктивных отношений в наставнической паре/группе так, "
    "чтобы они были максимально комфортными, стабильными и результативными для обеих "
    "сторон."  # seed 000 L450–L451; seed 003 L121–L123 («в тандеме/группе»)
)

# Programme-level meetings (not part of one pair's sequence).
PROGRAMME_MEETING_KINDS = [
    {
        "code": "group_matching",
        "name": "Групповая встреча наставников и наставляемых",
        "alt_names": [
            "общая встреча с участием всех отобранных наставников и всех наставляемых",
            "круглый стол участников программы с представлением наставников",
        ],
        "description": "Организация групповой встречи наставников и наставляемых перед формированием пар; после нее — анкетирование на предмет предпочитаемого наставника/наставляемого.",
        "source": "seed 000 L159–L160; seed 001 L295; seed 003 L113, L419–L420",
    },
    {
        "code": "speed_meetings",
        "name": "«Быстрые встречи»",
        "alt_names": [],
        "description": "Личные встречи или групповая работа в формате «быстрых встреч» для формирования пар, групп.",
        "source": "seed 000 L871–L872",
    },
    {
        "code": "group_final",
        "name": "Групповая заключительная встреча",
        "alt_names": [],
        "description": "Проведение групповой заключительной встречи всех пар и групп наставников и наставляемых.",
        "source": "seed 003 L440",
    },
]


# ---------------------------------------------------------------------------
# 10. Grounds to replace a mentor (seed 001 п. 3.7, L87–L93)
# ---------------------------------------------------------------------------
# wording_ru: exactly as in the list after «Замена наставника производится приказом
# директора в случаях:» (grammatical case as in the seed); name: UI label.
REPLACEMENT_GROUNDS = [
    {
        "code": "dismissal",
        "name": "Увольнение наставника",
        "wording_ru": "увольнения наставника",
        "source": "seed 001 L88",
    },
    {
        "code": "transfer",
        "name": "Перевод наставника на другую работу",
        "wording_ru": "перевод наставника на другую работу",
        "source": "seed 001 L89",
    },
    {
        "code": "disciplinary",
        "name": "Привлечение наставника к дисциплинарной ответственности",
        "wording_ru": "привлечения наставника к дисциплинарной ответственности",
        "source": "seed 001 L91",
    },
    {
        "code": "no_rapport",
        "name": "Невозможность установления межличностных взаимоотношений",
        "wording_ru": "невозможности установления межличностных взаимоотношений между наставником и обучающимся",
        "source": "seed 001 L92",
    },
    {
        "code": "incompatibility",
        "name": "Психологическая несовместимость",
        "wording_ru": "психологической несовместимости наставника и обучающегося",
        "source": "seed 001 L93",
    },
]
REPLACEMENT_RULE = "Замена наставника производится приказом директора в случаях:"  # seed 001 L87


# ---------------------------------------------------------------------------
# 11. Coverage targets (seeds 003, 004)
# ---------------------------------------------------------------------------
# min_percent: minimum share of the category covered by mentoring programmes that year.
COVERAGE_TARGET_PERCENTS = (10, 20, 30, 50, 70)  # the same progression in both seeds


def _targets(first_year):
    return [
        {"year_index": i + 1, "year": first_year + i, "min_percent": p}
        for i, p in enumerate(COVERAGE_TARGET_PERCENTS)
    ]


COVERAGE_TARGETS = [
    {
        "code": "college_students_2022",
        "audience": "students",
        "wording_ru": "обучающихся",
        "intro_ru": "В результате реализации программы наставничества обеспечен охват данными программами:",
        "targets": _targets(2022),
        "source": "seed 003 L464–L471 (ГБПОУ «СПЭТ»)",
    },
    {
        "code": "college_teachers_2022",
        "audience": "teachers",
        "wording_ru": "педагогических работников",
        "intro_ru": "В результате реализации программы наставничества обеспечен охват данными программами:",
        "targets": _targets(2022),
        "source": "seed 003 L472–L477 (ГБПОУ «СПЭТ»)",
    },
    {
        "code": "school_teachers_2020",
        "audience": "teachers",
        "wording_ru": "педагогических работников",
        "intro_ru": "В результате реализации программ менторства и наставничества обеспечен охват данными программами педагогических работников не менее:",
        "targets": _targets(2020),
        "source": "seed 004 L27 (МБОУ «Школа № 32»)",
    },
]


# ---------------------------------------------------------------------------
# Extras the seeds provide and the app is likely to need
# ---------------------------------------------------------------------------
# Modes of mentoring (seed 001 пп. 1.4–1.5): three independent axes of a pair.
MENTORING_MODES = [
    {
        "code": "individual",
        "axis": "size",
        "name": "Индивидуальное",
        "description": "Систематическая индивидуальная работа наставника с наставляемым.",
        "source": "seed 001 L60",
    },
    {
        "code": "group",
        "axis": "size",
        "name": "Групповое (командное)",
        "description": "При командной работе наставничество распространяется на группу наставляемых численностью не более 5 человек.",
        "max_mentees": 5,
        "source": "seed 001 L60",
    },
    {
        "code": "direct",
        "axis": "contact",
        "name": "Прямое",
        "description": "Непосредственный контакт с наставляемым, общение с ним не только в учебное время, но и в неформальной обстановке.",
        "source": "seed 001 L62",
    },
    {
        "code": "indirect",
        "axis": "contact",
        "name": "Опосредованное",
        "description": "Когда оно проявляется только формально, путем советов, рекомендаций, но личные контакты сводятся к минимуму, а также влияние на его окружающую среду.",
        "source": "seed 001 L62",
    },
    {
        "code": "open",
        "axis": "openness",
        "name": "Открытое",
        "description": "Двустороннее взаимодействие наставника и наставляемого.",
        "source": "seed 001 L62",
    },
    {
        "code": "hidden",
        "axis": "openness",
        "name": "Скрытое",
        "description": "Когда наставник воздействует незаметно.",
        "source": "seed 001 L62",
    },
]

# Kinds («виды») of mentoring of the teacher-mentoring regulation (seed 002 L268–L318,
# OCR repaired; the name of the last one is cut off in the OCR).
MENTORING_KINDS = [
    {
        "code": "virtual",
        "name": "Виртуальное (дистанционное) наставничество",
        "description": "Дистанционная форма организации наставничества с использованием информационно-коммуникационных технологий, таких как видеоконференции, платформы для дистанционного обучения, социальные сети и онлайн-сообщества, тематические интернет-порталы и другие. Обеспечивает постоянное профессиональное и творческое общение, обмен опытом между наставником и наставляемым, позволяет дистанционно сформировать пары «наставник – наставляемый», привлечь профессионалов и сформировать банк данных наставников, делает наставничество доступным для широкого круга лиц.",
        "source": "seed 002 L268–L278",
    },
    {
        "code": "group",
        "name": "Наставничество в группе",
        "description": "Форма наставничества, когда один наставник взаимодействует с группой наставляемых одновременно (от двух и более человек).",
        "source": "seed 002 L280–L285",
    },
    {
        "code": "short_term",
        "name": "Краткосрочное или целеполагающее наставничество",
        "description": "Наставник и наставляемый встречаются по заранее установленному графику для постановки конкретных целей, ориентированных на определенные краткосрочные результаты. Наставляемый должен приложить определенные усилия, чтобы проявить себя в период между встречами и достичь поставленных целей.",
        "source": "seed 002 L287–L292",
    },
    {
        "code": "reverse",
        "name": "Реверсивное наставничество",
        "description": "Профессионал младшего возраста становится наставником опытного работника по вопросам новых тенденций, технологий, а опытный педагог становится наставником молодого педагога в вопросах методики и организации учебно-воспитательного процесса.",
        "source": "seed 002 L294–L297",
    },
    {
        "code": "situational",
        "name": "Ситуационное наставничество",
        "description": "Наставник оказывает помощь или консультацию всякий раз, когда наставляемый нуждается в них. Как правило, роль наставника состоит в том, чтобы обеспечить немедленное реагирование на ту или иную ситуацию, значимую для его подопечного.",
        "source": "seed 002 L299–L302",
    },
    {
        "code": "speed",
        "name": "Скоростное наставничество",
        "description": "Однократная встреча наставляемого (наставляемых) с наставником более высокого уровня (профессионалом, компетентным лицом) с целью построения взаимоотношений с другими работниками, объединенными общими проблемами и интересами или обменом опытом. Такие встречи помогают формулировать и устанавливать цели индивидуального развития и карьерного роста на основе информации, полученной из авторитетных источников, обменяться мнениями и личным опытом, а также наладить отношения «наставник – наставляемый» («равный – равному»).",
        "source": "seed 002 L304–L312",
    },
    {
        "code": "traditional",
        "name": "Традиционная форма",
        "description": "Взаимодействие между более опытным и начинающим работником в течение определенного продолжительного времени. Обычно проводится отбор наставника и наставляемого по определенным критериям: опыт, навыки, личностные характеристики и др.",
        "source": "seed 002 L314–L318",
    },
]

# Topics for teacher pairs/groups («по определенным вопросам», seed 002 L459–L463).
TEACHER_MENTORING_TOPICS = [
    {"code": "subject_content", "name": "Предметное содержание", "source": "seed 002 L460"},
    {"code": "teaching_methods", "name": "Методика обучения и преподавания", "source": "seed 002 L460–L461"},
    {"code": "upbringing", "name": "Воспитательная деятельность", "source": "seed 002 L461"},
    {
        "code": "lesson_organisation",
        "name": "Организация урочной и внеурочной деятельности",
        "source": "seed 002 L461–L462",
    },
    {
        "code": "psych_ped_support",
        "name": "Психолого-педагогическое сопровождение наставляемых и наставников",
        "source": "seed 002 L462–L463",
    },
]

# Grounds to end a personalised programme (seed 002 п. 7.1, L649–L661).
COMPLETION_GROUNDS = [
    {
        "code": "plan_completed",
        "outcome": "completed",
        "wording_ru": "завершения плана мероприятий персонализированной программы наставничества в полном объеме",
        "source": "seed 002 L652–L653",
    },
    {
        "code": "participant_initiative",
        "outcome": "terminated_early",
        "wording_ru": "по инициативе наставника или наставляемого и/или обоюдному решению (по уважительным обстоятельствам)",
        "source": "seed 002 L655–L657",
    },
    {
        "code": "curator_initiative",
        "outcome": "terminated_early",
        "wording_ru": "по инициативе куратора (в случае недолжного исполнения персонализированной программы наставничества, в силу различных обстоятельств со стороны наставника и/или наставляемого – форс-мажора)",
        "source": "seed 002 L658–L661",
    },
]


# ---------------------------------------------------------------------------
# Self-check: ``python3 catalogue_data.py``
# ---------------------------------------------------------------------------
CATALOGUES = {
    "MENTORING_FORMS": MENTORING_FORMS,
    "DIRECTIONS": DIRECTIONS,
    "MENTEE_CATEGORIES": MENTEE_CATEGORIES,
    "MENTOR_CATEGORIES": MENTOR_CATEGORIES,
    "MENTEE_BASE_COLUMNS": MENTEE_BASE_COLUMNS,
    "MENTOR_BASE_COLUMNS": MENTOR_BASE_COLUMNS,
    "PLAN_MARKS": PLAN_MARKS,
    "REVIEW_FORM": REVIEW_FORM,
    "PLAN_FORM.header_fields": PLAN_FORM["header_fields"],
    "PLAN_FORM.table_columns": PLAN_FORM["table_columns"],
    "PLAN_FORM.sections": PLAN_FORM["sections"],
    "MENTOR_CODE": MENTOR_CODE,
    "SAFEGUARDING_KINDS": SAFEGUARDING_KINDS,
    "MEETING_KINDS": MEETING_KINDS,
    "PROGRAMME_MEETING_KINDS": PROGRAMME_MEETING_KINDS,
    "REPLACEMENT_GROUNDS": REPLACEMENT_GROUNDS,
    "COVERAGE_TARGETS": COVERAGE_TARGETS,
    "MENTORING_MODES": MENTORING_MODES,
    "MENTORING_KINDS": MENTORING_KINDS,
    "TEACHER_MENTORING_TOPICS": TEACHER_MENTORING_TOPICS,
    "COMPLETION_GROUNDS": COMPLETION_GROUNDS,
}


def check():
    """Raise AssertionError if a code is missing, non-ASCII or duplicated."""
    import re

    slug = re.compile(r"^[a-z][a-z0-9_]*$")

    def _codes(name, items):
        seen = set()
        for item in items:
            code = item["code"]
            assert slug.match(code), f"{name}: bad code {code!r}"
            assert code not in seen, f"{name}: duplicate code {code!r}"
            seen.add(code)

    for name, items in CATALOGUES.items():
        _codes(name, items)
    for form in MENTORING_FORMS:
        assert form["audience"] in ("teachers", "students"), form["code"]
        _codes(f"{form['code']}.role_models", form["role_models"])
        _codes(f"{form['code']}.mentee_types", form["mentee_types"])
    for cat in MENTEE_CATEGORIES + MENTOR_CATEGORIES:
        assert cat["audience"] in ("teachers", "students", "any"), cat["code"]
    assert len(MENTEE_BASE_COLUMNS) == 13 and len(MENTOR_BASE_COLUMNS) == 16
    assert len(PLAN_MARKS) == 3 and len(SAFEGUARDING_KINDS) == 3
    assert len(REPLACEMENT_GROUNDS) == 5 and len(MEETING_KINDS) == 5
    assert [m["order"] for m in MEETING_KINDS] == [1, 2, 3, 4, 5]
    return True


if __name__ == "__main__":
    check()
    for _name, _items in CATALOGUES.items():
        print(f"{_name}: {len(_items)}")
