"""Editor text made safe for the spreadsheets people open our CSV and XLSX files in.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula (`=HYPERLINK(...)`, `=cmd|...` DDE): OWASP's "CSV injection". Such a text cell gets a
single quote in front, which spreadsheets take as "this is text". Numbers stay numbers: a value of a numeric
type is never touched, nor a text that is a plain number (`-7.982600`, a latitude written with fixed
decimals), so coordinate columns still sort and sum.

XLSX cannot hold most C0 control characters (openpyxl refuses them with IllegalCharacterError: a 500), and
they print nothing anyway, so `safe_cell` drops them from every text, CSV included.

Every CSV and XLSX writer goes through `safe_cell`: places, products, QR scans (open data and the admin
report), the plaques' index.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def safe_cell(value):
    """A cell's value: text without control characters, with a leading `'` when a spreadsheet would run it
    as a formula; anything else (numbers, dates, None, plain numeric text) unchanged."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # imported by the first export, not at start-up

    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def append_xlsx_row(sheet, values) -> None:
    """Append one row to an openpyxl worksheet, every value through `safe_cell`, text typed as text."""
    sheet.append([safe_cell(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
