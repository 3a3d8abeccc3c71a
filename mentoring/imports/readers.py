"""A school's file → a sheet of raw rows: .xlsx (openpyxl), .xls (xlrd), .csv (UTF-8 or cp1251, «;», «,» or tab).

The kind is told by the file's first bytes, not by its name. Every row keeps its number in the spreadsheet,
so a message names the row the coordinator sees in Excel. Limits keep a hostile or broken file from eating
the server: the size (checked by the view before the upload is read), the unpacked size of an .xlsx, rows
and columns."""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024  # an .xlsx is a zip: refuse a «zip bomb» before openpyxl opens it
MAX_ROWS = 10_000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 15  # a title or the school's name may stand above the header

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXTENSIONS = (".xlsx", ".xls", ".csv")


@dataclass
class Sheet:
    rows: list[tuple[int, list]]  # (row number in the spreadsheet, cells)


def _limit(rows):
    """Stop reading past the row limit (the whole file is never kept twice)."""
    taken = []
    for number, cells in rows:
        if len(taken) >= MAX_ROWS + HEADER_SEARCH_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", "\u00a0")
            raise ValidationError(f"В файле больше {limit} строк — разделите его на части.")
        cells = list(cells[:MAX_COLUMNS])
        while cells and cells[-1] in (None, ""):
            cells.pop()
        taken.append((number, cells))
    return Sheet(taken)


def _xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_UNPACKED:
                raise ValidationError("Файл слишком большой после распаковки — похоже, он повреждён.")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            "Не удалось открыть файл как таблицу Excel (.xlsx): возможно, он повреждён."
        ) from None
    try:
        sheet = book.active or book.worksheets[0]
        return _limit(enumerate(sheet.iter_rows(values_only=True), start=1))
    finally:
        book.close()


def _xls(data: bytes) -> Sheet:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        sheet = book.sheet_by_index(0)
    except Exception:
        raise ValidationError(
            "Не удалось открыть файл Excel 97–2003 (.xls): возможно, он повреждён."
        ) from None

    def value(cell):
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return cell.value
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return cell.value

    rows = ((index + 1, [value(cell) for cell in sheet.row(index)]) for index in range(sheet.nrows))
    return _limit(rows)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")  # Excel «CSV (разделители — запятые)» on Windows


def _delimiter(text: str) -> str:
    sample = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample) for d in (";", "\t", ",")}
    return max(counts, key=lambda d: (counts[d], d == ";"))


def _csv(data: bytes) -> Sheet:
    if b"\x00" in data[:4096]:
        raise ValidationError("Файл не похож ни на таблицу Excel, ни на текст CSV.")
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

    def rows():
        start = 1
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1

    try:
        return _limit(rows())
    except csv.Error:
        raise ValidationError("Не удалось прочитать CSV: проверьте кавычки в ячейках.") from None


def read_sheet(data: bytes, filename: str) -> Sheet:
    name = filename.lower()
    if not name.endswith(EXTENSIONS):
        raise ValidationError("Загрузите таблицу в формате .xlsx, .xls или .csv.")
    if not data:
        raise ValidationError("Файл пустой.")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"Файл больше {MAX_BYTES // (1024 * 1024)} МБ — разделите список на части.")
    if data.startswith(XLSX_MAGIC):
        return _xlsx(data)
    if data.startswith(XLS_MAGIC):
        return _xls(data)
    if name.endswith((".xlsx", ".xls")) and data.lstrip()[:1] == b"<":
        raise ValidationError(
            "Файл назван таблицей Excel, но внутри веб-страница (так выгружают некоторые электронные журналы). "
            "Откройте его в Excel и сохраните как «Книга Excel (.xlsx)»."
        )
    return _csv(data)
