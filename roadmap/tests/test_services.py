"""Making a roadmap from a template or from last year's, editing it, ticking events."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accounts.models import AuditEntry
from mentoring.models import Programme
from roadmap import services
from roadmap.catalogue import TEMPLATES
from roadmap.models import Event, Roadmap
from roadmap.tests.conftest import event_titled


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_becomes_a_roadmap_of_the_programmes_year(world, programme, code):
    roadmap = services.roadmap_create(programme=programme, template=code, by=world.users["coordinator"])
    template = TEMPLATES[code]
    assert roadmap.stages.count() == len(template.stages)
    assert roadmap.events.count() == sum(len(stage.events) for stage in template.stages)
    # every date falls between June before the year and the end of the next June
    assert all(
        date(2025, 6, 1) <= e.start_date <= e.end_date <= date(2026, 6, 30) for e in roadmap.events.all()
    )
    assert "на 2025/2026 учебный год" in roadmap.title and "МБОУ «СОШ № 1»" in roadmap.title
    assert AuditEntry.objects.filter(action="roadmap.create", object_id=str(roadmap.pk)).exists()


def test_months_become_dates_and_roles_become_the_schools_people(world, roadmap):
    norms = event_titled(roadmap, "Нормативная база целевой модели наставничества")
    assert (norms.start_date, norms.end_date) == (date(2025, 8, 1), date(2025, 8, 31))
    assert list(norms.responsible_people.all()) == [world.persons["director"]]
    assert norms.responsible_roles == [] and norms.fact == "target_model_order_signed"
    meetings = event_titled(roadmap, "Встречи наставников и наставляемых")
    assert (meetings.start_date, meetings.end_date) == (date(2025, 10, 1), date(2026, 5, 31))
    assert meetings.responsible_roles == ["mentor"] and not meetings.responsible_people.exists()
    informing = event_titled(roadmap, "Информирование педагогов, обучающихся и родителей")
    assert informing.responsible_text == "классные руководители"


def test_a_role_nobody_holds_stays_a_group(world, programme):
    world.users["director"].memberships.all().delete()
    roadmap = services.roadmap_create(
        programme=programme, template="seven_stages_months", by=world.users["coordinator"]
    )
    norms = event_titled(roadmap, "Нормативная база целевой модели наставничества")
    assert norms.responsible_roles == ["director"] and not norms.responsible_people.exists()


def test_copy_to_next_year_shifts_dates_and_clears_ticks(world, roadmap):
    event = event_titled(roadmap, "Изучение материалов о наставничестве")
    services.event_complete(
        event=event, note="Папка собрана", by=world.users["coordinator"], on=date(2025, 7, 1)
    )
    next_year = Programme.objects.create(
        organization=world.school, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 6, 30)
    )
    copy = services.roadmap_create(programme=next_year, source=roadmap, by=world.users["coordinator"])
    copied = event_titled(copy, "Изучение материалов о наставничестве")
    assert (copied.start_date, copied.end_date) == (date(2026, 6, 1), date(2026, 7, 31))
    assert copied.status == Event.Status.PLANNED and copied.done_on is None and copied.note == ""
    assert copy.events.count() == roadmap.events.count() and "2026/2027" in copy.title
    feb = event_titled(copy, "Встречи наставников и наставляемых")
    assert feb.end_date == date(2027, 5, 31)


def test_shift_keeps_the_last_day_of_february():
    assert services.shift_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert services.shift_years(date(2025, 2, 28), 3) == date(2028, 2, 29)
    assert services.shift_years(date(2025, 3, 15), 1) == date(2026, 3, 15)


def test_one_roadmap_per_programme_and_copies_only_from_earlier_years(world, roadmap, programme):
    with pytest.raises(ValidationError, match="уже есть дорожная карта"):
        services.roadmap_create(programme=programme, template="key_results", by=world.users["coordinator"])
    later = Programme.objects.create(
        organization=world.school, year=2024, start_date=date(2024, 9, 1), end_date=date(2025, 6, 30)
    )
    with pytest.raises(ValidationError) as error:
        services.roadmap_create(programme=later, source=roadmap, by=world.users["coordinator"])
    assert "более раннего" in str(error.value)
    with pytest.raises(ValidationError, match="одно из двух"):
        services.roadmap_create(programme=later, by=world.users["coordinator"])
    assert Roadmap.objects.count() == 1


def test_another_schools_roadmap_cannot_be_copied(world, roadmap):
    foreign = Programme.objects.create(
        organization=world.other, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 6, 30)
    )
    with pytest.raises(ValidationError) as error:
        services.roadmap_create(programme=foreign, source=roadmap, by=world.users["other_coordinator"])
    assert "своей организации" in str(error.value)


def test_ticking_needs_a_note_and_not_a_future_date(world, roadmap):
    event = event_titled(roadmap, "Отбор наставников из базы")
    with pytest.raises(ValidationError, match="Напишите, что сделано"):
        services.event_complete(event=event, note="  ", by=world.users["coordinator"])
    with pytest.raises(ValidationError, match="в будущем"):
        services.event_complete(
            event=event, note="Отобраны", by=world.users["coordinator"], on=date(2099, 1, 1)
        )
    services.event_complete(event=event, note="Отобраны 12 наставников", by=world.users["coordinator"])
    event.refresh_from_db()
    assert event.status == Event.Status.DONE and event.done_on and event.done_by == world.users["coordinator"]
    services.event_reopen(event=event, by=world.users["coordinator"])
    event.refresh_from_db()
    assert event.status == Event.Status.PLANNED and event.done_on is None
    with pytest.raises(ValidationError):
        services.event_reopen(event=event, by=world.users["coordinator"])


def test_an_event_ends_after_it_starts_and_names_only_own_people(world, roadmap):
    event = event_titled(roadmap, "Отбор наставников из базы")
    event.end_date = date(2025, 9, 1)
    with pytest.raises(ValidationError, match="раньше начала"):
        services.event_save(event=event, responsible_people=[], by=world.users["coordinator"])
    event.refresh_from_db()
    with pytest.raises(ValidationError, match="своей организации"):
        services.event_save(
            event=event, responsible_people=[world.persons["other_teacher"]], by=world.users["coordinator"]
        )
    event.fact = "no_such_fact"
    with pytest.raises(ValidationError, match="не знает"):
        services.event_save(event=event, responsible_people=[], by=world.users["coordinator"])


def test_a_stage_with_events_is_not_deleted(world, roadmap):
    stage = roadmap.stages.get(number=1)
    with pytest.raises(ValidationError, match="сначала удалите"):
        services.stage_delete(stage=stage, by=world.users["coordinator"])
    stage.events.all().delete()
    services.stage_delete(stage=stage, by=world.users["coordinator"])
    assert not roadmap.stages.filter(number=1).exists()


def test_stage_numbers_are_unique(world, roadmap):
    stage = roadmap.stages.get(number=2)
    stage.number = 1
    with pytest.raises(ValidationError, match="уже есть"):
        services.stage_save(stage=stage, by=world.users["coordinator"])
