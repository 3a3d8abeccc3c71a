"""The load benchmark's data generator works (at a small scale: the benchmark itself, benchmarks/load.py, is
run by hand, not by the test suite)."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Membership, Organization, Person
from mentoring.models import IndividualPlan, Order, Pair


def test_generate_load_data_at_a_small_scale(programme, settings, tmp_path):  # programme: the catalogues
    settings.MEDIA_ROOT = tmp_path
    call_command("generate_load_data", organizations=2, people=100, verbosity=0)
    schools = Organization.objects.filter(short_name__startswith="Нагрузочная школа")
    assert schools.count() == 2
    school = schools.first()
    assert Person.objects.filter(organization=school).count() == 100
    assert Pair.objects.filter(organization=school, status="active").count() == 5
    assert IndividualPlan.objects.filter(pair__organization=school).count() == 10
    assert Order.objects.filter(organization=school, status="approved").count() == 1
    assert Membership.objects.filter(organization=school, role="coordinator").count() == 1
    with pytest.raises(CommandError, match="уже есть"):
        call_command("generate_load_data", organizations=1, people=100, verbosity=0)


def test_it_refuses_a_production_database(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="тестовой базе"):
        call_command("generate_load_data", organizations=1, people=100, verbosity=0)
