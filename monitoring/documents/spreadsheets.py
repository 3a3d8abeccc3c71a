"""The results of a campaign as .xlsx: a summary sheet (the distributions and averages, as on the page) and
a sheet of every submitted response, one row each.

Formula-safe: a text that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
return) gets a leading apostrophe, so an answer like «=HYPERLINK(…)» stays text when the file is opened."""

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accounts.models import Person
from monitoring.models import Answer, Response
from monitoring.models.questionnaires import PEOPLE_TYPES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _append(sheet, values, *, bold=False) -> None:
    sheet.append([safe(value) for value in values])
    if bold:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)


def _summary(sheet, campaign, results) -> None:
    sheet.title = "Сводка"
    _append(sheet, [f"{campaign.title} — {campaign.organization.short_name}"], bold=True)
    _append(sheet, [f"Приглашено: {results['invited']}, ответили: {results['respondents']}"])
    _append(sheet, ["Анонимный опрос" if results["anonymous"] else "Именной опрос"])
    sheet.append([])
    for section in results["sections"]:
        _append(sheet, [section["title"]], bold=True)
        for item in section["questions"]:
            _append(
                sheet, [item["text"], item["type_label"], f"ответов: {item.get('answered', 0)}"], bold=True
            )
            if item["average"] is not None:
                _append(sheet, ["", "среднее", item["average"]])
            for row in item["distribution"]:
                _append(sheet, ["", row["label"], row["count"], row["percent"] / 100])
                sheet.cell(sheet.max_row, 4).number_format = "0.0%"
            for label, rows in (("по формам", item["by_form"]), ("по ролям", item["by_role"])):
                for row in rows:
                    _append(sheet, ["", f"{label}: {row['name']}", row["count"], row["average"]])
            for row in item["ranking"]:
                _append(sheet, ["", row["name"], f"первым выбором: {row['first']}", f"всего: {row['total']}"])
            for other in item["others"]:
                _append(sheet, ["", "другое", other])
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 40
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _responses(sheet, campaign) -> None:
    """Every submitted response. An anonymous campaign's rows carry no name, no form and no pair, in an order
    that says nothing about who answered when."""
    sheet = sheet.parent.create_sheet("Ответы")
    questions = [
        q
        for section in campaign.questionnaire.sections.prefetch_related("questions")
        for q in section.questions.all()
    ]
    responses = Response.objects.filter(campaign=campaign, submitted_at__isnull=False)
    head = ["№"]
    if not campaign.anonymous:
        head += ["ФИО", "Роль", "Форма", "Отправлено"]
        responses = responses.select_related("person", "form").order_by(
            "person__last_name", "person__first_name"
        )
    else:
        responses = responses.order_by("?")
    responses = list(responses)
    _append(sheet, head + [q.text for q in questions], bold=True)
    answers = {}
    for answer in Answer.objects.filter(response__in=responses).select_related("question"):
        answers[(answer.response_id, answer.question_id)] = answer
    people = _people_names(questions, answers.values())
    for number, response in enumerate(responses, 1):
        row = [number]
        if not campaign.anonymous:
            row += [
                response.person.full_name if response.person else "",
                response.get_role_display(),
                response.form.name if response.form else "",
                timezone.localtime(response.submitted_at).strftime("%d.%m.%Y %H:%M"),
            ]
        for question in questions:
            answer = answers.get((response.pk, question.pk))
            row.append(_cell(answer, people))
        _append(sheet, row)
    for index in range(1, len(head) + len(questions) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 8 if index == 1 else 24
    sheet.freeze_panes = sheet.cell(2, len(head) + 1)


def _people_names(questions, answers) -> dict:
    ids = {pk for answer in answers if answer.question.type in PEOPLE_TYPES for pk in answer.choices}
    return {person.pk: person.full_name for person in Person.objects.filter(pk__in=ids)} if ids else {}


def _cell(answer, people):
    if answer is None:
        return ""
    if answer.number is not None and answer.question.type != "yes_no":
        return answer.number
    if answer.question.type in PEOPLE_TYPES:
        return "; ".join(people.get(pk, str(pk)) for pk in answer.choices)
    return answer.display()


def _pairs(book, results) -> None:
    """Named campaigns: a row per pair, a column per question with a numeric answer (its average)."""
    numeric = [item for section in results["sections"] for item in section["questions"] if item["by_pair"]]
    if not results.get("pairs") or not numeric:
        return
    sheet = book.create_sheet("По парам")
    _append(sheet, ["Пара (группа)", "Ответили", *[item["text"] for item in numeric]], bold=True)
    averages = {(row["id"], item["id"]): row["average"] for item in numeric for row in item["by_pair"]}
    for pair in results["pairs"]:
        _append(
            sheet,
            [
                pair["name"],
                pair["respondents"],
                *[averages.get((pair["id"], item["id"])) for item in numeric],
            ],
        )
    sheet.column_dimensions["A"].width = 40
    sheet.freeze_panes = "C2"


def results_xlsx(campaign, results) -> bytes:
    book = Workbook()
    _summary(book.active, campaign, results)
    _responses(book.active, campaign)
    _pairs(book, results)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
