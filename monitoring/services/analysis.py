"""The SWOT and the conclusions of a programme's year: pre-filled from the results, edited by the coordinator."""

from django.db import transaction
from django.utils import timezone

from accounts.services import audit
from monitoring.models import Swot
from monitoring.selectors.analysis import swot_suggestions
from monitoring.selectors.kpis import kpis_of

QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


def swot_for(programme) -> Swot:
    """The programme's SWOT record, unsaved and empty if there is none yet."""
    return Swot.objects.filter(programme=programme).first() or Swot(programme=programme)


@transaction.atomic
def swot_prefill(*, programme, by, today=None, replace: bool = False) -> Swot:
    """Fill the SWOT from the results. Only empty quadrants are filled unless `replace`: what the coordinator
    wrote is never lost silently."""
    today = today or timezone.localdate()
    swot = Swot.objects.select_for_update().filter(programme=programme).first() or Swot(programme=programme)
    suggested = swot_suggestions(programme, kpis_of(programme, today=today))
    filled = []
    for quadrant in QUADRANTS:
        if replace or not getattr(swot, quadrant).strip():
            setattr(swot, quadrant, suggested[quadrant])
            filled.append(quadrant)
    swot.prefilled_at = timezone.now()
    swot.updated_by = by
    swot.save()
    audit(
        organization=programme.organization,
        actor=by,
        action="monitoring.swot_prefill",
        obj=swot,
        filled=filled,
    )
    return swot


@transaction.atomic
def swot_save(*, swot: Swot, by) -> Swot:
    """The coordinator's edit of the SWOT, the conclusions and the proposals."""
    swot.updated_by = by
    swot.save()
    audit(organization=swot.programme.organization, actor=by, action="monitoring.swot_save", obj=swot)
    return swot
