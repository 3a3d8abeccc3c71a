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
