"""A chart's table as a CSV download."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.http import HttpResponse

from undersigned.core.spreadsheet import csv_cell


def _cell(value) -> object:
    if isinstance(value, dict):
        value = value.get("value", value["text"])
    if isinstance(value, date):
        return value.isoformat()
    return csv_cell(value)


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
