"""A chart's table as a CSV download."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.http import HttpResponse

# A spreadsheet runs a cell that starts with one of these as a formula. The same guard lives
# in signatures/exports.py and is moving into core (issue 10); this one goes when it lands.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> object:
    if isinstance(value, dict):
        value = value.get("value", value["text"])
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_response(*, chart: dict, filename: str) -> HttpResponse:
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheets then read UTF-8 (Armenian, Cyrillic)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(h) for h in chart["table"]["head"]])
    for row in chart["table"]["rows"]:
        writer.writerow([_cell(value) for value in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
