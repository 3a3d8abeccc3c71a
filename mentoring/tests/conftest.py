"""Fixtures of the mentoring core's tests (the named actors are in the root conftest.py): a girl of 7Б with her
mother, spreadsheets as schools make them, sources of preferences, the default storage on a local
S3-compatible server."""

import uuid
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook

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


def make_xlsx(rows: list[list], *, title: str | None = None) -> bytes:
    """A workbook whose first sheet holds `rows` (after an optional title line, as school lists have)."""
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_csv(rows: list[list], *, delimiter=";", encoding="utf-8") -> bytes:
    return "\r\n".join(delimiter.join("" if c is None else str(c) for c in row) for row in rows).encode(
        encoding
    )


@pytest.fixture
def xlsx():
    return make_xlsx


@pytest.fixture
def csv_bytes():
    return make_csv


@pytest.fixture
def preference_source():
    """Register a provider of preferences stated after the group meeting, as monitoring would, for one test."""
    from mentoring import matching_sources

    registered = []

    def register(preferences=None, intake=None, key="test.preferences"):
        matching_sources.register(
            key, label="Анкета предпочтений (тест)", preferences=preferences, intake=intake
        )
        registered.append(key)

    yield register
    for key in registered:
        matching_sources.unregister(key)


def make_xls(rows: list[list]) -> bytes:
    """An Excel 97–2003 workbook (xlwt, for tests only); dates become date cells as Excel writes them."""
    from datetime import date

    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Лист1")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, c, value, date_style)
            elif value is not None:
                sheet.write(r, c, value)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def xls():
    return make_xls


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3-compatible server in this process, on a free loopback port (one per xdist worker)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class Bucket:
    client: object
    name: str

    def keys(self, prefix: str = "") -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_storage(settings, s3_endpoint, monkeypatch, tmp_path) -> Bucket:
    """The default storage on a fresh private bucket, configured from the environment as in production
    (mentoring.env.env_s3_storage); MEDIA_ROOT is an empty folder that must stay empty."""
    import boto3

    from mentoring.env import env_s3_storage

    name = f"nastav-{uuid.uuid4().hex[:12]}"
    for variable, value in {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test-secret",
        "S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(variable, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": env_s3_storage()}
    settings.MEDIA_ROOT = tmp_path
    return Bucket(client, name)
