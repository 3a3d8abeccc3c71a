"""«Импорт из Excel» in the school's UI: upload, preview with Russian errors, confirm columns, a corrected file,
import, the file kept on the server under its own name and removed after the import; size limits."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Person
from mentoring.imports.readers import MAX_BYTES
from mentoring.models import MenteeProfile, PeopleImport

START = reverse("mentoring:import.start")
BAD = [
    ["ФИО", "Дата рождения", "Класс", "Основной запрос", "Примечание"],
    ["Орлова Вера Ивановна", "30.02.2013", "5Б", "чтение", ""],
    ["Белов Олег Петрович", "01.02.2013", "5 б", "шахматы", "новенький"],
]


@pytest.fixture
def coordinator(world, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return world.client(client, "coordinator")


def upload(client, data, name="5б.xlsx", base="mentees"):
    return client.post(START, {"base": base, "file": SimpleUploadedFile(name, data)})


def test_upload_shows_the_preview_and_saves_nothing(world, coordinator, xlsx, tmp_path):
    response = upload(coordinator, xlsx(BAD))
    imported = PeopleImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "mentoring:import.preview", args=[imported.pk]
    )
    stored = Path(imported.file.path)
    assert stored.parent == tmp_path / "imports" and stored.name != "5б.xlsx" and stored.suffix == ".xlsx"
    page = coordinator.get(response["Location"]).content.decode()
    assert "Строка 2, «Дата рождения»: такой даты нет — 30.02.2013" in page
    assert "Не загружаются: «Примечание»" in page
    assert "Ничего не сохранится, пока в файле есть ошибки (1)" in page
    assert 'disabled><i class="bi bi-box-arrow-in-down"></i> Импортировать' in page
    refused = coordinator.post(reverse("mentoring:import.commit", args=[imported.pk]), follow=True)
    assert "Ничего не сохранено: исправьте ошибки в файле (1)." in refused.content.decode()
    assert not Person.objects.filter(last_name__in=["Орлова", "Белов"]).exists()


def test_a_corrected_file_is_imported_and_forgotten(
    world, coordinator, xlsx, django_capture_on_commit_callbacks
):
    upload(coordinator, xlsx(BAD))
    fixed = [row[:] for row in BAD]
    fixed[1][1] = "28.02.2013"
    response = upload(coordinator, xlsx(fixed), name="5б исправленный.xlsx")
    imported = PeopleImport.objects.latest("created_at")
    page = coordinator.get(response["Location"]).content.decode()
    assert "Ошибок нет" in page and "новая запись" in page
    stored = Path(imported.file.path)
    with django_capture_on_commit_callbacks(execute=True):  # the file is removed once the import commits
        done = coordinator.post(reverse("mentoring:import.commit", args=[imported.pk]), follow=True)
    assert done.redirect_chain[-1][0] == reverse("mentoring:mentee_base.list")
    assert (
        "Импорт из «5б исправленный.xlsx» завершён: новых участников: 2, обновлено: 0"
        in done.content.decode()
    )
    assert MenteeProfile.objects.filter(person__group="5Б").count() == 2
    imported.refresh_from_db()
    assert imported.committed_at is not None and not imported.file and not stored.exists()
    again = coordinator.get(reverse("mentoring:import.preview", args=[imported.pk])).content.decode()
    assert "Список импортирован" in again and "Файл с сервера удалён" in again
    twice = coordinator.post(reverse("mentoring:import.commit", args=[imported.pk]), follow=True)
    assert "Этот файл уже импортирован." in twice.content.decode()


def test_the_coordinator_confirms_which_column_is_which(world, coordinator, xlsx):
    data = xlsx([["Ученик", "Класс", "Что нужно"], ["Белов Олег Петрович", "5Б", "шахматы"]])
    upload(coordinator, data)
    imported = PeopleImport.objects.get()
    assert imported.mapping == ["full_name", "group", ""]
    page = coordinator.get(reverse("mentoring:import.preview", args=[imported.pk])).content.decode()
    assert "не указан основной запрос" in page
    preview_url = reverse("mentoring:import.preview", args=[imported.pk])
    twice = coordinator.post(preview_url, {"column_0": "full_name", "column_1": "full_name", "column_2": ""})
    assert "выбран для нескольких столбцов" in twice.content.decode()
    confirmed = coordinator.post(
        preview_url, {"column_0": "full_name", "column_1": "group", "column_2": "main_request"}
    )
    assert confirmed.status_code == 302
    imported.refresh_from_db()
    assert imported.mapping == ["full_name", "group", "main_request"]
    assert "Ошибок нет" in coordinator.get(preview_url).content.decode()


def test_one_request_for_a_whole_class_list(world, coordinator, xlsx):
    upload(coordinator, xlsx([["ФИО", "Класс"], ["Белов Олег Петрович", "5Б"]]))
    imported = PeopleImport.objects.get()
    url = reverse("mentoring:import.preview", args=[imported.pk])
    coordinator.post(
        url, {"column_0": "full_name", "column_1": "group", "default_request": "адаптация в классе"}
    )
    coordinator.post(reverse("mentoring:import.commit", args=[imported.pk]))
    assert MenteeProfile.objects.get(person__last_name="Белов").main_request == "адаптация в классе"


def test_files_the_import_cannot_take(world, coordinator, xlsx):
    no_header = upload(coordinator, xlsx([["Белов Олег Петрович", "5Б"]]))
    assert "Не нашли строку заголовков" in no_header.content.decode()
    pdf = upload(coordinator, b"%PDF-1.7", name="список.pdf")
    assert "Загрузите таблицу в формате .xlsx, .xls или .csv." in pdf.content.decode()
    assert not PeopleImport.objects.exists()


def test_the_size_is_checked_before_the_upload_is_read(world, coordinator):
    response = coordinator.post(
        START, {"base": "mentees", "file": SimpleUploadedFile("big.csv", b"x" * (MAX_BYTES + 200_000))}
    )
    assert response.status_code == 413 and "Файл больше 5 МБ" in response.content.decode()
    # A body the proxy let through without a true length: the upload handler stops at the limit.
    just_over = coordinator.post(
        START, {"base": "mentees", "file": SimpleUploadedFile("big.csv", b"x" * (MAX_BYTES + 10))}
    )
    assert just_over.status_code == 413 and not PeopleImport.objects.exists()


def test_the_templates_hold_the_columns_and_an_example(world, coordinator):
    response = coordinator.get(reverse("mentoring:import.template", args=["mentors"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["ФИО", "Пол", "Дата рождения"] and "Основные компетенции" in header
    assert sheet.cell(row=2, column=1).value == "Орлова Наталья Сергеевна"
    assert "Категории (целевая модель наставничества)" in [c.value for c in book["Справка"]["A"]]
    assert coordinator.get(reverse("mentoring:import.template", args=["teachers"])).status_code == 404


def test_another_schools_upload_is_not_found(world, client, xlsx, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    mine = world.client(client, "coordinator")
    upload(mine, xlsx(BAD))
    imported = PeopleImport.objects.get()
    client.logout()
    other = world.client(client, "other_coordinator")
    assert other.get(reverse("mentoring:import.preview", args=[imported.pk])).status_code == 404
    assert other.post(reverse("mentoring:import.commit", args=[imported.pk])).status_code == 404


def test_the_preview_page_takes_the_same_queries_for_any_number_of_rows(world, coordinator, xlsx):
    def names(count):
        return [[f"Ученица {'а' * (i + 1)} Ивановна", "5Б", "чтение"] for i in range(count)]

    counts = []
    for count in (3, 60):
        upload(coordinator, xlsx([["ФИО", "Класс", "Основной запрос"], *names(count)]))
        url = reverse("mentoring:import.preview", args=[PeopleImport.objects.latest("created_at").pk])
        with CaptureQueriesContext(connection) as captured:
            assert coordinator.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] <= 15


def test_an_expired_upload_is_not_imported_and_is_removed_by_the_next_upload(world, coordinator, xlsx):
    upload(coordinator, xlsx(BAD))
    old = PeopleImport.objects.get()
    stored = Path(old.file.path)
    PeopleImport.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(hours=7))
    page = coordinator.get(reverse("mentoring:import.preview", args=[old.pk])).content.decode()
    assert "Срок хранения файла истёк" in page
    refused = coordinator.post(reverse("mentoring:import.commit", args=[old.pk]), follow=True)
    assert "Файл больше не хранится: загрузите его ещё раз." in refused.content.decode()
    upload(coordinator, xlsx(BAD))
    assert not PeopleImport.objects.filter(pk=old.pk).exists() and not stored.exists()
