"""Fixtures shared by the mentoring core's tests (the named actors are in the root conftest.py)."""

from datetime import date

import pytest

from accounts.models import Guardianship
from conftest import make_person


@pytest.fixture
def girl(world):
    """A girl of 7Б (a minor) whose mother is recorded as her legal representative."""
    girl = make_person(
        world.school,
        "Фёдорова",
        "Дарья",
        "Алексеевна",
        sex="F",
        kind="student",
        group="7Б",
        birth_date=date(2012, 9, 12),
    )
    mother = make_person(world.school, "Фёдорова", "Наталья", "Викторовна", kind="external")
    Guardianship.objects.create(guardian=mother, child=girl, relation=Guardianship.Relation.MOTHER)
    return girl
