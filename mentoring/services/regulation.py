"""The school's own documents that orders approve: the Положение о наставничестве (every save is a new version)
and the programme and schedule of the «Школа наставников»."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.services import audit
from mentoring.documents.regulation import current_regulation
from mentoring.models import MentorSchoolSession, RegulationVersion


@transaction.atomic
def regulation_save(*, organization, title: str, text: str, comment: str = "", by) -> RegulationVersion:
    """A new version of the Положение; the versions before it stay as the orders that approved them quote them."""
    title, text = title.strip(), text.strip().replace("\r\n", "\n")
    if not title:
        raise ValidationError({"title": "Укажите название документа."})
    if len(text) < 200:
        raise ValidationError(
            {"text": "Текст Положения слишком короткий: в нём должны быть разделы и пункты."}
        )
    # Lock the organisation's versions so two editors saving at once get consecutive numbers.
    list(RegulationVersion.objects.select_for_update().filter(organization=organization))
    current = current_regulation(organization)
    if current is not None and current.text == text and current.title == title:
        raise ValidationError("Текст не изменился: новая редакция не нужна.")
    version = RegulationVersion.objects.create(
        organization=organization,
        number=(current.number + 1) if current else 1,
        title=title,
        text=text,
        comment=comment.strip(),
        created_by=by,
    )
    audit(organization=organization, actor=by, action="regulation.save", obj=version, number=version.number)
    return version


def _check_session(session: MentorSchoolSession) -> None:
    programme = session.programme
    errors = {}
    if not session.topic.strip():
        errors["topic"] = "Укажите тему занятия."
    earliest = date(programme.year, 6, 1)
    if session.date and not (earliest <= session.date <= programme.end_date):
        errors["date"] = (
            f"Дата занятия должна быть в {programme.academic_year} учебном году "
            f"(с {earliest:%d.%m.%Y} по {programme.end_date:%d.%m.%Y})."
        )
    if session.trainer is None and not session.trainer_name.strip():
        errors["trainer"] = "Укажите ведущего: работника школы или приглашённого специалиста."
    if session.trainer is not None and session.trainer.organization_id != programme.organization_id:
        errors["trainer"] = "Ведущий должен быть работником этой школы (или укажите приглашённого)."
    if session.hours is not None and not 1 <= session.hours <= 40:
        errors["hours"] = "Продолжительность занятия — от 1 до 40 часов."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mentor_school_session_save(*, session: MentorSchoolSession, by) -> MentorSchoolSession:
    _check_session(session)
    created = session.pk is None
    session.trainer_name = session.trainer_name.strip()
    session.save()
    audit(
        organization=session.programme.organization,
        actor=by,
        action="mentor_school.session_create" if created else "mentor_school.session_update",
        obj=session,
    )
    return session


@transaction.atomic
def mentor_school_session_delete(*, session: MentorSchoolSession, by) -> None:
    audit(
        organization=session.programme.organization,
        actor=by,
        action="mentor_school.session_delete",
        obj=session,
        topic=session.topic,
    )
    session.delete()
