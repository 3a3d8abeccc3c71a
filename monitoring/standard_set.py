"""The standard set of questionnaires, shipped as data and copied into an organisation on demand
(monitoring.services.questionnaires.standard_set_install), where the coordinator edits them like any other.

The seeds name these questionnaires but hold none of their texts (../shared/spec/extracted/000.md §5, 001 §5,
003 §5): the wording is our own, written to cover what each is for (DOMAIN.md §6):
- potential mentor (seed 000 S3, S4, S6): the mentor base entry (competencies, achievements, interests,
  desired mentee age, time) and the expectations;
- potential mentee, a teacher's and a student's variant (S1, S2, S5, S7): the mentee base entry (category,
  main request) — a student is never asked to name a category (some are sensitive: the coordinator sets it);
- preference after the group meeting (S9), of mentees and of mentors: ranked choices for the pairing;
- interim feedback (S10);
- satisfaction of the mentor and of the mentee, a variant per form (S13, S14: «открытые вопросы, закрытые
  вопросы, вопросы с оценочным параметром», «учитывает особенности требований к трем формам»);
- entry and exit self-assessment (S16, S17): involvement, activity, self-esteem, anxiety — the same questions
  with the same codes at both ends, so that answers can be compared per participant;
- the curator's questionnaire (S15): does the programme meet the model's requirements, its principles and
  modern approaches; the SWOT questions.

Questionnaires for students address them as «ты», the others as «вы». `options_from` fills the options when
the set is copied (the mentee categories are catalogue data a school may edit).
"""

RU_YOU = "вы"


def q(
    text,
    type,
    *,
    code="",
    help="",
    required=True,
    options=(),
    other=False,
    low="",
    high="",
    base="",
    options_from="",
):
    return {
        "text": text,
        "type": type,
        "code": code,
        "help_text": help,
        "required": required,
        "options": list(options),
        "has_other": other,
        "low_label": low,
        "high_label": high,
        "base_field": base,
        "options_from": options_from,
    }


def scale(text, code, *, low="совсем нет", high="полностью", help="", required=True):
    return q(text, "scale10", code=code, low=low, high=high, help=help, required=required)


def section(title, questions, description=""):
    return {"title": title, "description": description, "questions": questions}


MEETING_FORMATS = [
    "Очные встречи в школе",
    "Совместная работа на уроках и занятиях",
    "Онлайн-встречи",
    "Переписка в мессенджере",
]

# 1. Potential mentor ---------------------------------------------------------------------------------------

MENTOR_INTAKE = {
    "code": "mentor_intake",
    "title": "Анкета потенциального наставника",
    "kind": "mentor_intake",
    "respondent": "mentor",
    "intro": (
        "Спасибо, что готовы поделиться опытом! По вашим ответам координатор внесёт вас в базу наставников "
        "и подберёт наставляемых, которым ваш опыт нужнее всего. Заполнение займёт около 10 минут; "
        "ответы видят только координатор и кураторы программы."
    ),
    "sections": [
        section(
            "Ваш опыт",
            [
                q(
                    "В чём вы сильны? Перечислите ваши основные профессиональные и личные компетенции.",
                    "long_text",
                    code="competencies",
                    base="competencies",
                    help="Например: методика преподавания предмета, подготовка к олимпиадам, работа с родителями, "
                    "цифровые инструменты.",
                ),
                q(
                    "Какие ваши достижения могут быть полезны наставляемым?",
                    "long_text",
                    code="achievements",
                    base="achievements",
                    required=False,
                    help="Конкурсы, публикации, проекты, награды, успехи ваших учеников или коллег.",
                ),
                q(
                    "Ваш педагогический стаж, полных лет",
                    "number",
                    code="experience_years",
                    base="experience_years",
                    required=False,
                    help="Если вы не педагог, оставьте поле пустым.",
                ),
                q("Был ли у вас раньше опыт наставничества или шефства?", "yes_no", code="had_experience"),
            ],
        ),
        section(
            "Интересы и ожидания",
            [
                q(
                    "Какие направления работы вам интересны?",
                    "multiple",
                    code="interests",
                    base="interests",
                    options=[
                        "Исследовательская деятельность",
                        "Инновационная деятельность",
                        "Социальная деятельность",
                    ],
                    other=True,
                ),
                q(
                    "В какой форме наставничества вы хотели бы участвовать?",
                    "multiple",
                    code="forms",
                    options=[
                        "Учитель – учитель: поддержка молодого или нового педагога",
                        "Учитель – ученик",
                        "Ученик – ученик: я обучающийся и хочу помогать сверстникам",
                        "Пока не знаю",
                    ],
                ),
                q(
                    "Почему вы хотите стать наставником и чего ждёте от участия в программе?",
                    "long_text",
                    code="expectations",
                    required=False,
                ),
            ],
        ),
        section(
            "Время и формат",
            [
                q(
                    "С наставляемыми какого возраста или опыта вам комфортнее работать?",
                    "short_text",
                    code="desired_mentee_age",
                    base="desired_mentee_age",
                    help="Например: 12–15 лет, старшеклассники, молодые педагоги.",
                ),
                q(
                    "Сколько времени в неделю вы готовы уделять наставничеству?",
                    "single",
                    code="time_available",
                    base="time_available",
                    options=[
                        "до 1 часа в неделю",
                        "1–2 часа в неделю",
                        "2–3 часа в неделю",
                        "больше 3 часов в неделю",
                    ],
                ),
                q("Какие форматы встреч вам удобны?", "multiple", code="formats", options=MEETING_FORMATS),
                q("Готовы ли вы пройти обучение в «Школе наставников»?", "yes_no", code="training"),
            ],
        ),
    ],
}

# 2. Potential mentee: a teacher and a student ---------------------------------------------------------------

MENTEE_INTAKE_TEACHERS = {
    "code": "mentee_intake_teachers",
    "title": "Анкета потенциального наставляемого — педагога",
    "kind": "mentee_intake",
    "respondent": "mentee",
    "intro": (
        "Анкета помогает понять, какая поддержка вам нужна, и подобрать наставника. Отвечайте так, как есть: "
        "ответы видят только координатор и кураторы программы."
    ),
    "sections": [
        section(
            "Ваш запрос",
            [
                q(
                    "Что лучше всего описывает вашу ситуацию сейчас?",
                    "single",
                    code="category",
                    base="category",
                    options_from="teacher_categories",
                    required=False,
                ),
                q(
                    "С чем вы хотели бы получить помощь наставника в этом учебном году?",
                    "long_text",
                    code="main_request",
                    base="main_request",
                    help="Опишите своими словами: например, выстроить дисциплину на уроке, подготовиться к "
                    "аттестации, освоить цифровые инструменты.",
                ),
                q(
                    "В каких областях вам сейчас труднее всего?",
                    "multiple",
                    code="difficulties",
                    options=[
                        "Планирование уроков и рабочие программы",
                        "Дисциплина и мотивация обучающихся",
                        "Работа с родителями",
                        "Школьная документация",
                        "Цифровые образовательные ресурсы",
                        "Подготовка к аттестации",
                        "Вхождение в коллектив",
                    ],
                    other=True,
                    required=False,
                ),
            ],
        ),
        section(
            "Ожидания",
            [
                q(
                    "Что должно измениться к концу года, чтобы вы сочли участие в программе полезным?",
                    "long_text",
                    code="expectations",
                    required=False,
                ),
                q("Ваш педагогический стаж, полных лет", "number", code="experience_years", required=False),
                q("Какие форматы встреч вам удобны?", "multiple", code="formats", options=MEETING_FORMATS),
            ],
        ),
    ],
}

MENTEE_INTAKE_STUDENTS = {
    "code": "mentee_intake_students",
    "title": "Анкета потенциального наставляемого — обучающегося",
    "kind": "mentee_intake",
    "respondent": "mentee",
    "intro": (
        "Наставник — это человек, который помогает разобраться с учёбой, увлечениями и отношениями в классе. "
        "Ответь на несколько вопросов: так нам будет проще найти тебе наставника. Правильных и неправильных "
        "ответов здесь нет."
    ),
    "sections": [
        section(
            "Что тебе интересно",
            [
                q(
                    "Чем тебе нравится заниматься?",
                    "multiple",
                    code="hobbies",
                    options=[
                        "Учёба и олимпиады",
                        "Наука и исследования",
                        "Спорт",
                        "Творчество: музыка, рисование, театр",
                        "Техника, программирование, роботы",
                        "Волонтёрство и школьные мероприятия",
                    ],
                    other=True,
                    required=False,
                ),
                q(
                    "С чем тебе хотелось бы, чтобы помог наставник?",
                    "long_text",
                    code="main_request",
                    base="main_request",
                    help="Например: разобраться с трудным предметом, подготовиться к экзамену, найти друзей в "
                    "новом классе, выбрать профессию.",
                ),
                q(
                    "Какие предметы даются тебе труднее всего?",
                    "short_text",
                    code="hard_subjects",
                    required=False,
                ),
            ],
        ),
        section(
            "Какой наставник тебе подойдёт",
            [
                q(
                    "С кем тебе было бы комфортнее заниматься?",
                    "single",
                    code="mentor_kind",
                    options=["С учителем", "Со старшеклассником", "Мне всё равно"],
                ),
                q(
                    "Как тебе удобнее встречаться?",
                    "multiple",
                    code="formats",
                    options=["После уроков в школе", "На переменах", "Онлайн", "В кружке или секции"],
                ),
            ],
        ),
    ],
}

# 3. Preference after the group meeting ---------------------------------------------------------------------

PREFERENCE_MENTEE = {
    "code": "preference_mentee",
    "title": "Выбор наставника после групповой встречи",
    "kind": "preference",
    "respondent": "mentee",
    "intro": (
        "На встрече вы познакомились с наставниками программы. Отметьте, с кем вам хотелось бы работать: "
        "координатор учтёт ваш выбор, когда будет составлять пары. Выбор не гарантирует пару, но очень помогает."
    ),
    "sections": [
        section(
            "Ваш выбор",
            [
                q(
                    "Кого из наставников вы выбрали бы? Укажите до трёх человек: первым — самого желанного.",
                    "mentors",
                    code="preferred_mentors",
                ),
                q("Что вам понравилось в этих наставниках?", "long_text", code="why", required=False),
                q(
                    "Согласны ли вы заниматься в группе вместе с другими наставляемыми (до пяти человек)?",
                    "yes_no",
                    code="group_ok",
                ),
                q(
                    "Насколько полезной была для вас групповая встреча?",
                    "scale5",
                    code="meeting_useful",
                    low="бесполезной",
                    high="очень полезной",
                ),
            ],
        )
    ],
}

PREFERENCE_MENTOR = {
    "code": "preference_mentor",
    "title": "Выбор наставляемых после групповой встречи",
    "kind": "preference",
    "respondent": "mentor",
    "intro": (
        "Отметьте, с кем из наставляемых, с которыми вы познакомились на встрече, вам хотелось бы работать. "
        "Координатор сопоставит выбор наставников и наставляемых, когда будет составлять пары."
    ),
    "sections": [
        section(
            "Ваш выбор",
            [
                q(
                    "С кем из наставляемых вы хотели бы работать? Укажите до трёх человек: первым — самого желанного.",
                    "mentees",
                    code="preferred_mentees",
                ),
                q(
                    "Скольких наставляемых вы готовы взять?",
                    "single",
                    code="capacity",
                    options=["1", "2", "3", "4", "5"],
                    help="В группе не больше пяти наставляемых.",
                ),
                q("Почему вы выбрали именно их?", "long_text", code="why", required=False),
                q(
                    "Насколько полезной была для вас групповая встреча?",
                    "scale5",
                    code="meeting_useful",
                    low="бесполезной",
                    high="очень полезной",
                ),
            ],
        )
    ],
}

# 4. Interim feedback ---------------------------------------------------------------------------------------

INTERIM = {
    "code": "interim",
    "title": "Промежуточная обратная связь",
    "kind": "interim",
    "respondent": "any",
    "intro": (
        "Середина пути — хорошее время оглянуться. Ответы помогут куратору вовремя заметить трудности "
        "и поправить планы."
    ),
    "sections": [
        section(
            "Как идёт работа",
            [
                q(
                    "Как часто проходят ваши встречи?",
                    "single",
                    code="frequency",
                    options=["Раз в неделю и чаще", "Раз в две недели", "Раз в месяц", "Реже раза в месяц"],
                ),
                scale(
                    "Насколько выполняется индивидуальный план на сегодня?",
                    "plan_progress",
                    low="почти ничего не сделано",
                    high="всё идёт по плану",
                ),
                scale("Насколько комфортно вам работать в паре (группе)?", "comfort"),
                scale(
                    "Насколько вы продвинулись к цели, поставленной в начале?",
                    "goal_progress",
                    low="не продвинулись",
                ),
            ],
        ),
        section(
            "Что мешает и что помогает",
            [
                q("Что сейчас больше всего мешает работе?", "long_text", code="obstacles", required=False),
                q("Чем вы особенно довольны?", "long_text", code="successes", required=False),
                q("Нужна ли вам помощь куратора?", "yes_no", code="needs_help"),
                q("Если нужна — какая?", "long_text", code="help_needed", required=False),
            ],
        ),
    ],
}

# 5. Satisfaction (monitoring, stage 1): a mentor's and a mentee's, a variant per form ----------------------

SATISFACTION_INTRO = (
    "Программа наставничества этого года подходит к концу. Оцените, как она прошла: ответы помогут понять "
    "сильные и слабые стороны программы и сделать следующий год лучше."
)
SATISFACTION_INTRO_STUDENTS = (
    "Программа наставничества этого года подходит к концу. Расскажи, как всё прошло: твои ответы помогут "
    "сделать следующий год лучше."
)


def _closing(you: str) -> dict:
    if you == RU_YOU:
        return section(
            "Ваши предложения",
            [
                q(
                    "Что в программе было для вас самым ценным?",
                    "long_text",
                    code="most_valuable",
                    required=False,
                ),
                q("Что стоило бы изменить в программе?", "long_text", code="to_change", required=False),
            ],
        )
    return section(
        "Твои предложения",
        [
            q("Что было для тебя самым ценным?", "long_text", code="most_valuable", required=False),
            q("Что стоило бы изменить?", "long_text", code="to_change", required=False),
        ],
    )


def _mentor_common(you: str) -> dict:
    if you == RU_YOU:
        return section(
            "Общая оценка",
            [
                scale("Насколько вы в целом удовлетворены участием в программе наставничества?", "overall"),
                scale("Насколько полезной оказалась работа для вашего наставляемого?", "usefulness"),
                scale("Насколько удалось выстроить доверительные отношения с наставляемым?", "relationship"),
                scale("Насколько удобно были организованы встречи: время, место, частота?", "organisation"),
                scale("Насколько вам хватало поддержки куратора и методических материалов?", "support"),
                scale("Насколько совпали ваши ожидания от программы с тем, что получилось?", "expectations"),
                q("Хотели бы вы снова стать наставником в следующем учебном году?", "yes_no", code="again"),
            ],
            "Оцените от 1 до 10, где 1 — «совсем нет», а 10 — «полностью».",
        )
    return section(
        "Общая оценка",
        [
            scale("Насколько тебе в целом понравилось быть наставником?", "overall"),
            scale("Насколько полезными были ваши занятия для подопечного?", "usefulness"),
            scale("Насколько вы с подопечным стали доверять друг другу?", "relationship"),
            scale("Насколько удобно было договариваться о встречах?", "organisation"),
            scale("Насколько тебе помогал куратор, когда было нужно?", "support"),
            scale("Насколько всё получилось так, как ты ожидал(а)?", "expectations"),
            q("Хочешь ли ты быть наставником и в следующем году?", "yes_no", code="again"),
        ],
        "Оцени от 1 до 10, где 1 — «совсем нет», а 10 — «полностью».",
    )


def _mentee_common(you: str) -> dict:
    if you == RU_YOU:
        return section(
            "Общая оценка",
            [
                scale("Насколько вы в целом удовлетворены участием в программе наставничества?", "overall"),
                scale("Насколько вам помогла работа с наставником?", "usefulness"),
                scale("Насколько комфортно вам было общаться с наставником?", "relationship"),
                scale("Насколько понятными были цели и план вашей совместной работы?", "clarity"),
                scale("Насколько совпали ваши ожидания с тем, что получилось?", "expectations"),
                q("Посоветовали бы вы участие в программе коллеге?", "yes_no", code="recommend"),
            ],
            "Оцените от 1 до 10, где 1 — «совсем нет», а 10 — «полностью».",
        )
    return section(
        "Общая оценка",
        [
            scale("Насколько тебе в целом понравилось заниматься с наставником?", "overall"),
            scale("Насколько тебе помогли занятия с наставником?", "usefulness"),
            scale("Насколько легко тебе было общаться с наставником?", "relationship"),
            scale("Насколько понятно было, над чем и зачем вы работаете?", "clarity"),
            scale("Насколько всё получилось так, как ты ожидал(а)?", "expectations"),
            q("Посоветовал(а) бы ты друзьям найти себе наставника?", "yes_no", code="recommend"),
        ],
        "Оцени от 1 до 10, где 1 — «совсем нет», а 10 — «полностью».",
    )


# The form-specific part (seed 000 L907: the stage-1 questionnaire takes the three forms into account).
MENTOR_BY_FORM = {
    "teacher_teacher": section(
        "Работа с молодым (новым) педагогом",
        [
            scale("Насколько увереннее ваш наставляемый стал проводить уроки?", "teaching_confidence"),
            scale("Насколько он освоил планирование и школьную документацию?", "documentation"),
            scale("Насколько легко он вошёл в коллектив школы?", "team_integration"),
            q("Провёл ли наставляемый открытый урок или мастер-класс?", "yes_no", code="open_lesson"),
        ],
    ),
    "teacher_pupil": section(
        "Работа с обучающимся",
        [
            scale("Насколько выросла учебная мотивация вашего наставляемого?", "motivation"),
            scale("Насколько улучшились его образовательные результаты?", "results"),
            scale("Насколько он стал понимать свои сильные стороны и интересы?", "self_knowledge"),
            q("Участвовал ли наставляемый в конкурсах, олимпиадах или проектах?", "yes_no", code="contests"),
        ],
    ),
    "pupil_pupil": section(
        "Наставничество сверстника",
        [
            scale("Насколько твоему подопечному стало легче в учёбе или в классе?", "mentee_progress"),
            scale("Насколько тебе самому было интересно быть наставником?", "interest"),
            scale("Насколько ты научился(ась) объяснять и поддерживать других?", "soft_skills"),
            q("Сделали ли вы вместе проект или мероприятие?", "yes_no", code="joint_project"),
        ],
    ),
}
MENTEE_BY_FORM = {
    "teacher_teacher": section(
        "Ваш профессиональный рост",
        [
            scale("Насколько увереннее вы стали чувствовать себя на уроках?", "teaching_confidence"),
            scale("Насколько легче вам стало работать с планированием и документацией?", "documentation"),
            scale("Насколько комфортно вам теперь в коллективе школы?", "team_integration"),
            q("Хотите ли вы продолжить работу в нашей школе?", "yes_no", code="stay"),
        ],
    ),
    "teacher_pupil": section(
        "Что изменилось для тебя",
        [
            scale("Насколько тебе стало интереснее учиться?", "motivation"),
            scale("Насколько улучшились твои оценки по предмету, которым вы занимались?", "results"),
            scale("Насколько понятнее стало, чем ты хочешь заниматься в будущем?", "self_knowledge"),
            q(
                "Участвовал(а) ли ты в конкурсах, олимпиадах или проектах вместе с наставником?",
                "yes_no",
                code="contests",
            ),
        ],
    ),
    "pupil_pupil": section(
        "Что изменилось для тебя",
        [
            scale("Насколько тебе стало легче в классе и в школе?", "mentee_progress"),
            scale("Насколько наставник помог тебе с учёбой?", "study_help"),
            scale("Насколько больше у тебя стало друзей и знакомых в школе?", "friends"),
            q("Хотел(а) бы ты сам(а) когда-нибудь стать наставником?", "yes_no", code="become_mentor"),
        ],
    ),
}
FORM_NAMES = {
    "teacher_teacher": "«Учитель – учитель»",
    "teacher_pupil": "«Учитель – ученик»",
    "pupil_pupil": "«Ученик – ученик»",
}
STUDENT_MENTORS = {"pupil_pupil"}  # forms where the mentor is a student
STUDENT_MENTEES = {"teacher_pupil", "pupil_pupil"}


def _satisfaction(side: str, form: str) -> dict:
    students = form in (STUDENT_MENTORS if side == "mentor" else STUDENT_MENTEES)
    you = "ты" if students else RU_YOU
    common = _mentor_common(you) if side == "mentor" else _mentee_common(you)
    specific = (MENTOR_BY_FORM if side == "mentor" else MENTEE_BY_FORM)[form]
    who = "наставника" if side == "mentor" else "наставляемого"
    return {
        "code": f"satisfaction_{side}_{form}",
        "title": f"Удовлетворённость {who}, форма {FORM_NAMES[form]}",
        "kind": "satisfaction",
        "respondent": side,
        "form": form,
        "intro": SATISFACTION_INTRO_STUDENTS if students else SATISFACTION_INTRO,
        "sections": [common, specific, _closing(you)],
    }


# 6. Entry and exit self-assessment (monitoring, stage 2) ---------------------------------------------------

ANXIETY_HELP = "Здесь высокая оценка означает сильное беспокойство."
SELF_ASSESSMENT = [
    section(
        "Вовлечённость",
        [
            scale(
                "Мне интересно то, чем я занимаюсь в школе.",
                "involvement_interest",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Я охотно участвую в общих делах класса или коллектива.",
                "involvement_common",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Я чувствую себя частью школьного сообщества.",
                "involvement_belonging",
                low="совсем не про меня",
                high="полностью про меня",
            ),
        ],
        "Оцените каждое утверждение от 1 («совсем не про меня») до 10 («полностью про меня»).",
    ),
    section(
        "Активность",
        [
            scale(
                "Я сам(а) предлагаю идеи и берусь за новые задачи.",
                "activity_initiative",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Я участвую в конкурсах, проектах, олимпиадах или школьных мероприятиях.",
                "activity_events",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Если что-то не получается, я ищу способ справиться, а не откладываю.",
                "activity_persistence",
                low="совсем не про меня",
                high="полностью про меня",
            ),
        ],
    ),
    section(
        "Самооценка",
        [
            scale(
                "Я уверен(а) в своих силах.",
                "self_confidence",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Я знаю свои сильные стороны и умею ими пользоваться.",
                "self_strengths",
                low="совсем не про меня",
                high="полностью про меня",
            ),
            scale(
                "Я доволен(льна) своими результатами.",
                "self_results",
                low="совсем не про меня",
                high="полностью про меня",
            ),
        ],
    ),
    section(
        "Тревожность",
        [
            scale(
                "Я сильно волнуюсь перед ответом у доски, выступлением или открытым уроком.",
                "anxiety_performance",
                low="совсем не про меня",
                high="полностью про меня",
                help=ANXIETY_HELP,
            ),
            scale(
                "Я часто переживаю, что не справлюсь.",
                "anxiety_failure",
                low="совсем не про меня",
                high="полностью про меня",
                help=ANXIETY_HELP,
            ),
            scale(
                "Мне трудно обратиться за помощью.",
                "anxiety_asking",
                low="совсем не про меня",
                high="полностью про меня",
                help=ANXIETY_HELP,
            ),
        ],
    ),
]

ENTRY = {
    "code": "entry",
    "title": "Самооценка участника: вход в программу",
    "kind": "entry",
    "respondent": "any",
    "intro": (
        "Эта анкета заполняется дважды: сейчас, в начале программы, и в конце учебного года. Сравнение ответов "
        "покажет, что изменилось за время наставничества. Отвечайте честно — хороших и плохих ответов нет."
    ),
    "sections": SELF_ASSESSMENT,
}
EXIT = {
    "code": "exit",
    "title": "Самооценка участника: итоги программы",
    "kind": "exit",
    "respondent": "any",
    "intro": (
        "В начале программы вы уже отвечали на эти вопросы. Ответьте на них снова — так, как обстоят дела "
        "сейчас: сравнение покажет, что изменилось за время наставничества."
    ),
    "sections": SELF_ASSESSMENT,
}

# 7. The curator's questionnaire ----------------------------------------------------------------------------

CURATOR = {
    "code": "curator",
    "title": "Анкета куратора",
    "kind": "curator",
    "respondent": "curator",
    "intro": (
        "Анкета помогает оценить, насколько организация программы соответствует требованиям целевой модели "
        "наставничества, её принципам и современным подходам, и собрать материал для SWOT-анализа."
    ),
    "sections": [
        section(
            "Условия и организация",
            [
                scale(
                    "Насколько полны и актуальны документы программы: положение, приказы, дорожная карта?",
                    "documents",
                ),
                scale(
                    "Насколько своевременно сформированы базы наставников и наставляемых и отражают ли они реальные запросы?",
                    "bases",
                ),
                scale("Насколько подготовка наставников соответствует их задачам?", "mentor_training"),
                scale("Насколько индивидуальные планы выполняются в срок?", "plans_on_time"),
                scale("Насколько регулярно проходят встречи наставников и наставляемых?", "meetings_regular"),
            ],
            "Оцените от 1 до 10, где 1 — «совсем нет», а 10 — «полностью».",
        ),
        section(
            "Принципы и подходы",
            [
                q(
                    "Пары и группы формируются добровольно, с согласия обеих сторон?",
                    "yes_no",
                    code="voluntary",
                ),
                q(
                    "Получены согласия родителей (законных представителей) всех несовершеннолетних участников?",
                    "yes_no",
                    code="consents",
                ),
                q("Участники получают регулярную обратную связь?", "yes_no", code="feedback"),
                scale(
                    "Насколько в работе пар используются современные подходы и технологии: проекты, цифровые ресурсы, "
                    "открытые уроки?",
                    "modern_approaches",
                ),
                q(
                    "Какие формы наставничества реально работают в этом году?",
                    "multiple",
                    code="working_forms",
                    options=["Учитель – учитель", "Учитель – ученик", "Ученик – ученик"],
                    other=True,
                ),
            ],
        ),
        section(
            "Для SWOT-анализа",
            [
                q("Сильные стороны программы", "long_text", code="strengths"),
                q("Слабые стороны программы", "long_text", code="weaknesses"),
                q(
                    "Возможности: что может усилить программу в следующем году",
                    "long_text",
                    code="opportunities",
                ),
                q("Угрозы: что может ей помешать", "long_text", code="threats"),
                q("Ваши предложения", "long_text", code="proposals", required=False),
            ],
        ),
    ],
}

STANDARD_SET = [
    MENTOR_INTAKE,
    MENTEE_INTAKE_TEACHERS,
    MENTEE_INTAKE_STUDENTS,
    PREFERENCE_MENTEE,
    PREFERENCE_MENTOR,
    INTERIM,
    *[_satisfaction(side, form) for side in ("mentor", "mentee") for form in FORM_NAMES],
    ENTRY,
    EXIT,
    CURATOR,
]
