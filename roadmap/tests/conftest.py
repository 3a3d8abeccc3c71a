"""Fixtures of the roadmap: the world's 2025/2026 programme with its roadmap made from the seed 000 template."""

import pytest

from roadmap import services


@pytest.fixture
def roadmap(world, programme):
    return services.roadmap_create(
        programme=programme, template="seven_stages_months", by=world.users["coordinator"]
    )


def event_titled(roadmap, title):
    return roadmap.events.get(title=title)


def academic_year(today) -> int:
    return today.year if today.month >= 9 else today.year - 1


@pytest.fixture
def current_roadmap(world):
    """A roadmap of the programme running today (pages like «Мои задачи» show the current year only)."""
    from datetime import date

    from django.utils import timezone

    from mentoring.models import Programme

    year = academic_year(timezone.localdate())
    programme = Programme.objects.create(
        organization=world.school, year=year, start_date=date(year, 9, 1), end_date=date(year + 1, 8, 31)
    )
    return services.roadmap_create(
        programme=programme, template="seven_stages_months", by=world.users["coordinator"]
    )
