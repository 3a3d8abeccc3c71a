"""A database constraint never reaches a person as its name: every named constraint of the application has a
Russian sentence here, in one place. It is used where the database refuses a write (an IntegrityError from a race
the services' own checks could not see — `constraint_errors`, post_action, the middleware's safety net) and where
Django validates a constraint before saving (a form, the admin, an import: `install` in AccountsConfig.ready)."""

from contextlib import contextmanager
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import IntegrityError

GENERIC = "Сохранить не удалось: данные противоречат уже сохранённым. Обновите страницу и проверьте их."

CONSTRAINT_MESSAGES = {
    # accounts
    "membership_unique_role": "У этого пользователя уже есть эта роль в организации.",
    "person_one_per_user_and_org": "Эта учётная запись уже связана с другим участником организации.",
    "guardianship_unique": "Этот законный представитель уже указан у ребёнка.",
    "guardianship_not_self": "Человек не может быть законным представителем самого себя.",
    "one_live_consent_per_kind": "Согласие этого вида уже запрошено или дано.",
    "given_consent_is_signed": "У данного согласия должны быть подписант, способ и дата подписания.",
    # mentoring
    "role_model_unique_code": "Ролевая модель с таким кодом в этой форме уже есть.",
    "programme_unique_title": "Программа с таким названием на этот учебный год уже есть.",
    "programme_dates_ordered": "Окончание программы должно быть позже её начала.",
    "programme_targets_pct": "Целевой охват указывается в процентах: от 0 до 100.",
    "curator_area_unique": "У этого куратора уже есть такая область программы.",
    "pair_dates_ordered": "Окончание работы пары должно быть позже её начала.",
    "pair_termination_has_reason": "Укажите причину досрочного прекращения.",
    "pair_at_most_5_mentees": "В группе может быть не больше пяти наставляемых.",
    "pair_slot_unique": "Это место в группе уже занято: обновите страницу.",
    "pair_mentee_unique": "Этот наставляемый уже есть в паре (группе).",
    "one_open_pair_per_mentee_and_form": "У наставляемого уже есть действующая пара в этой форме наставничества.",
    "one_current_mentor": "У пары уже есть действующий наставник.",
    "order_seq_unique_per_year": "Этот номер приказа уже занят: подпишите приказ ещё раз.",
    "order_number_unique_per_year": "Приказ с таким номером в этом году уже есть: проверьте формат номера.",
    "approved_order_is_numbered_and_frozen": "Подписанный приказ должен иметь номер, дату и зафиксированный текст.",
    "acknowledgement_unique": "Этот участник уже есть в листе ознакомления.",
    "order_counter_unique": "Нумерация приказов изменилась одновременно: подпишите приказ ещё раз.",
    "plan_one_per_mentee_in_pair": "У этого наставляемого в паре план уже есть.",
    "plan_dates_ordered": "Окончание плана должно быть позже его начала.",
    "plan_item_done_dated": "У выполненного мероприятия должна быть дата выполнения.",
    "review_one_per_mentee_in_pair": "Отзыв об этом наставляемом уже есть.",
    "reminder_once_a_day": "Напоминание сегодня уже отправлено.",
    "regulation_version_unique": "Редакция положения с таким номером уже есть.",
    "regulation_has_text": "Текст положения не может быть пустым.",
    "mentor_school_session_has_trainer": "Укажите, кто проводит занятие.",
    "mentor_school_session_hours": "Продолжительность занятия — не меньше 1 часа.",
    # roadmap
    "roadmap_stage_number": "Этап с таким номером в дорожной карте уже есть.",
    "roadmap_event_dates": "Окончание мероприятия не может быть раньше его начала.",
    "roadmap_event_done_dated": "У выполненного мероприятия должна быть дата выполнения.",
    "roadmap_reminder_once": "Это напоминание уже отправлено.",
    # monitoring
    "question_code_unique": "Вопрос с таким кодом в анкете уже есть.",
    "campaign_dates_ordered": "Опрос не может закончиться раньше, чем начнётся.",
    "one_invitation_per_person": "Этот участник уже приглашён в опрос.",
    "one_response_per_person": "Этот участник уже отвечал на опрос.",
    "response_named_or_keyed": "Ответ либо именной, либо анонимный — не оба сразу.",
    "one_answer_per_question": "На этот вопрос ответ уже сохранён.",
}

# The field a constraint's message belongs to, when a form has that field: the form shows it there (issue 15),
# not above the form. Constraints of several fields equally (a unique pair of ids) stay above the form.
CONSTRAINT_FIELDS = {
    "programme_unique_title": "title",
    "programme_dates_ordered": "end_date",
    "pair_dates_ordered": "end_date",
    "pair_termination_has_reason": "termination_reason",
    "plan_dates_ordered": "end_date",
    "plan_item_done_dated": "done_on",
    "role_model_unique_code": "code",
    "order_number_unique_per_year": "number",
    "regulation_version_unique": "number",
    "regulation_has_text": "text",
    "mentor_school_session_has_trainer": "trainer_name",
    "mentor_school_session_hours": "hours",
    "roadmap_stage_number": "number",
    "roadmap_event_dates": "end_date",
    "roadmap_event_done_dated": "done_on",
    "question_code_unique": "code",
    "campaign_dates_ordered": "closes_on",
    "guardianship_not_self": "guardian",
}


def move_constraint_errors_to_fields(form, errors: dict) -> dict:
    """A model form's errors (ModelForm._update_errors): a constraint's message above the form moves to the
    field it is about (CONSTRAINT_FIELDS), when the form has that field and it has no error of its own."""
    from django.core.exceptions import NON_FIELD_ERRORS

    fields = {CONSTRAINT_MESSAGES[name]: field for name, field in CONSTRAINT_FIELDS.items()}
    general = errors.get(NON_FIELD_ERRORS)
    if not general:
        return errors
    kept = []
    for error in general:
        messages = getattr(error, "messages", [error])
        field = fields.get(messages[0]) if len(messages) == 1 else None
        if field and field in form.fields and field not in errors and not form.has_error(field):
            errors[field] = [error]
        else:
            kept.append(error)
    if kept:
        errors[NON_FIELD_ERRORS] = kept
    else:
        del errors[NON_FIELD_ERRORS]
    return errors


def _unique_columns() -> dict[str, str]:
    """SQLite names the columns of a violated unique constraint («UNIQUE constraint failed: t.a, t.b»), not the
    constraint: the constraint's name for each such list of columns."""
    from django.apps import apps
    from django.db.models import UniqueConstraint

    names = {}
    for model in apps.get_models():
        table = model._meta.db_table
        for constraint in model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and constraint.fields:
                columns = [model._meta.get_field(field).column for field in constraint.fields]
                names[", ".join(f"{table}.{column}" for column in columns)] = constraint.name
    return names


def integrity_message(error: Exception) -> str:
    """The Russian sentence for a database's refusal: the constraint it names (PostgreSQL, SQLite's checks) or
    whose columns it names (SQLite's unique constraints), else a general one."""
    text = str(error)
    for name, message in CONSTRAINT_MESSAGES.items():
        if name in text:
            return message
    columns = text.partition("UNIQUE constraint failed: ")[2].strip()
    name = _unique_columns().get(columns, "")
    return CONSTRAINT_MESSAGES.get(name, GENERIC)


@contextmanager
def constraint_errors():
    """Turn the database's refusal inside the block into a ValidationError in Russian. Use it around the
    transaction (not inside it): the failed transaction is rolled back first."""
    try:
        yield
    except IntegrityError as error:
        raise ValidationError(integrity_message(error)) from error


def translate_constraint_errors(service):
    """The decorator form of constraint_errors for a service (put it above @transaction.atomic)."""

    @wraps(service)
    def wrapper(*args, **kwargs):
        with constraint_errors():
            return service(*args, **kwargs)

    return wrapper


def install() -> None:
    """Django names a violated constraint in its validation message («Constraint “…” is violated»): give it ours.
    The constraints keep their own violation_error_message (and so their migrations); only the default one is
    replaced when the text is shown."""
    from django.db.models.constraints import BaseConstraint

    if getattr(BaseConstraint.get_violation_error_message, "russian", False):
        return
    default = BaseConstraint.get_violation_error_message

    def get_violation_error_message(self):
        if (
            self.violation_error_message == self.default_violation_error_message
            and self.name in CONSTRAINT_MESSAGES
        ):
            return CONSTRAINT_MESSAGES[self.name]
        return default(self)

    get_violation_error_message.russian = True
    BaseConstraint.get_violation_error_message = get_violation_error_message
