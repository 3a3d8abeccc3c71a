"""The individual plan as a PDF: «ИНДИВИДУАЛЬНЫЙ ПЛАН осуществления наставничества» (seed 001, form D3)."""

from django.utils import timezone

from mentoring.documents.render import render_pdf
from mentoring.documents.russian import format_date_ru, initials_surname
from mentoring.models import IndividualPlan
from mentoring.models.catalogue_data import PLAN_FORM

TEMPLATE = "documents/plan.html"


def plans_for_documents(plans=None):
    """Everything plan_context reads, in a constant number of queries however many plans are rendered."""
    plans = IndividualPlan.objects.all() if plans is None else plans
    return plans.select_related(
        "pair__mentor", "pair__organization", "mentee", "approved_by"
    ).prefetch_related("items", "approved_by__persons")


def signer_name(user, organization) -> str:
    """«О.В. Лебедева»: the user's card in the organisation (it has the patronymic), else the login's name."""
    if user is None:
        return ""
    person = next((p for p in user.persons.all() if p.organization_id == organization.pk), None)
    if person is not None:
        return initials_surname(person.last_name, person.first_name, person.middle_name)
    return initials_surname(user.last_name, user.first_name) if user.last_name else user.username


def local_day(moment):
    return timezone.localdate(moment) if moment else None


def period(start, end) -> str:
    return f"с {format_date_ru(start)} по {format_date_ru(end)}"


# The seed's form D3 is written for an employee («должность», «должностные обязанности»); for a pupil the same
# fields are named in a pupil's terms.
PUPIL_TITLES = {
    "mentee_position": "Класс (группа) обучающегося, в отношении которого осуществляется наставничество",
    "mentor_position": "Класс (группа) наставника — обучающегося",
    "mentor_recommendations": "Рекомендации наставника по вопросам учёбы, развития и участия в жизни школы",
    "methodical_help": "Помощь наставника в освоении образовательной программы и достижении целей плана",
}


def _titled(field: dict, *, pupil: bool) -> dict:
    if pupil and field["code"] in PUPIL_TITLES:
        return {**field, "title_ru": PUPIL_TITLES[field["code"]]}
    return field


def plan_context(plan: IndividualPlan) -> dict:
    pair, mentee = plan.pair, plan.mentee
    mentee_is_pupil = mentee.kind == mentee.Kind.STUDENT
    mentor_is_pupil = pair.mentor.kind == pair.mentor.Kind.STUDENT
    header = {
        "mentee_full_name": mentee.full_name,
        "mentee_position": mentee.description,
        "mentor_full_name": pair.mentor.full_name,
        "mentor_position": pair.mentor.description,
        "period": period(plan.start_date, plan.end_date),
    }
    sections = {"mentor_recommendations": plan.recommendations, "methodical_help": plan.methodical_help}
    return {
        "form": PLAN_FORM,
        "organization": pair.organization,
        "plan": plan,
        "header": [
            (
                _titled(
                    field,
                    pupil=mentor_is_pupil if field["code"] == "mentor_position" else mentee_is_pupil,
                ),
                header[field["code"]],
            )
            for field in PLAN_FORM["header_fields"]
        ],
        "items": plan.items.all(),
        "sections": [
            (_titled(section, pupil=mentee_is_pupil), sections[section["code"]])
            for section in PLAN_FORM["sections"]
        ],
        # The curator signs by approving the plan; the mentor's date is left to be written by hand.
        "signatures": [
            {
                "label": PLAN_FORM["signatures"][0]["label"],
                "day": local_day(plan.approved_at),
                "name": signer_name(plan.approved_by, pair.organization),
            },
            {
                "label": PLAN_FORM["signatures"][1]["label"],
                "day": None,
                "name": initials_surname(
                    pair.mentor.last_name, pair.mentor.first_name, pair.mentor.middle_name
                ),
            },
        ],
        "draft": plan.status != IndividualPlan.Status.APPROVED,
    }


def render_plan(plan: IndividualPlan) -> bytes:
    return render_pdf(TEMPLATE, plan_context(plan))
