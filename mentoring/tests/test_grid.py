"""The one permission grid (accounts.testing.grid): every named URL of the product × every role × the own
and another organisation, from the rows each app lists in <app>/tests/grid_rows.py. `pytest -m grid`.

The world is built once for the module inside a transaction that is rolled back at the end; each case runs
in its own savepoint, so a POST changes nothing for the next one."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from accounts.testing.data import built_once
from accounts.testing.grid import ALL, named_urls
from conftest import build_world

pytestmark = pytest.mark.grid
APPS = ["accounts", "mentoring", "roadmap", "monitoring"]


def _row_modules():
    """<app>/tests/grid_rows.py and any grid_rows_<area>.py beside it, app by app."""
    modules = []
    for app in APPS:
        spec = importlib.util.find_spec(f"{app}.tests")
        if spec is None:
            continue
        for path in sorted(Path(spec.origin).parent.glob("grid_rows*.py")):
            modules.append(importlib.import_module(f"{app}.tests.{path.stem}"))
    return modules


MODULES = _row_modules()
ROWS = [row for module in MODULES for row in module.ROWS]
CASES = [case for row in ROWS for case in row.cases()]


def _id(case) -> str:
    row, role, status = case
    note = f"[{row.note}]" if row.note else ""
    return f"{row.method}-{row.name}{note}-{role or 'anonymous'}-{status}"


@pytest.fixture(scope="module")
def grid_world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, tmp_path_factory.mktemp("media")
    with built_once(django_db_blocker):
        world = build_world()
        world.o = SimpleNamespace()
        for module in MODULES:
            if hasattr(module, "build"):
                module.build(world)
        yield world
    settings.MEDIA_ROOT = media


def test_every_named_url_has_a_row():
    covered = {row.name for row in ROWS}
    missing = [name for name in named_urls() if name not in covered]
    assert not missing, f"URLs without a row in the permission grid: {missing}"
    unknown = sorted(covered - set(named_urls()) - {"admin:index"})
    assert not unknown, f"Grid rows for URLs that do not exist: {unknown}"


def test_every_row_names_every_actor():
    for row in ROWS:
        assert set(row.expect) == set(ALL), row.name


@pytest.mark.parametrize(("row", "role", "status"), CASES, ids=[_id(case) for case in CASES])
def test_grid(grid_world, db, client, row, role, status):
    url = reverse(row.name, args=row.args(grid_world))
    response = getattr(grid_world.client(client, role), row.method)(url, row.data(grid_world))
    assert response.status_code == status, response.content[:300]
    if status == 302 and role is None:
        assert "/login/" in response["Location"]


POST_ONLY = sorted(
    {row.name for row in ROWS if row.method == "post"} - {row.name for row in ROWS if row.method == "get"}
)


@pytest.mark.parametrize("name", POST_ONLY)
def test_state_changing_urls_refuse_get(grid_world, db, client, name):
    row = next(row for row in ROWS if row.name == name)
    response = grid_world.client(client, "coordinator").get(reverse(name, args=row.args(grid_world)))
    assert response.status_code == 405
