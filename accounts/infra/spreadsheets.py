"""Spreadsheet cells that a person typed: a value starting like a formula («=», «+», «-», «@», a tab, a carriage
return) must never run as one when the file is opened (CSV/formula injection). Every .xlsx or .csv we write
passes its text through here."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def escape_formula(value):
    """For files whose format has no «text» marker (CSV, tablib exports): a leading apostrophe, as the
    spreadsheet programs themselves write it."""
    return "'" + value if is_formula_like(value) else value


def unescape_formula(value):
    """Back from escape_formula when a file we wrote is imported again."""
    if isinstance(value, str) and value.startswith("'") and is_formula_like(value[1:]):
        return value[1:]
    return value


def set_text(cell, value) -> None:
    """An openpyxl cell holding `value` as text: openpyxl would store «=…» as a formula; the quote prefix makes
    the spreadsheet program show the exact text and keep it text when the cell is edited."""
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
