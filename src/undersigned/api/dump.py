"""The bulk dump: every public statement as one JSON line, gzip-compressed, written by the worker.

Each line is the API's statement record (GET /api/v1/statements/{slug}/) with the data licence
added; a first line describes the file. The file is written beside its final place and moved
there in one step, so a download never reads half a dump.
"""

import gzip
import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from undersigned.api import records, schemas, selectors

DUMP_NAME = "statements.jsonl.gz"


def dump_path() -> Path:
    return Path(settings.DATA_DUMP_DIR) / DUMP_NAME


def _json(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dump_write() -> int:
    """Write the whole archive to the dump file; return how many statements it holds."""
    target = dump_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".dump-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as out:
            header = {
                "type": "dump",
                "generated_at": timezone.now(),
                "license": settings.DATA_LICENSE,
                "site": settings.SITE_URL,
                "format": "One JSON object per line: this header, then one statement per line "
                "as GET /api/v1/statements/{slug}/ returns it, with `license`.",
            }
            out.write(json.dumps(header, default=_json, ensure_ascii=False).encode() + b"\n")
            for statement in selectors.statements_for_dump().iterator(chunk_size=200):
                if not statement.translations.all():
                    continue
                record = schemas.StatementDetail.model_validate(
                    records.statement_record(statement)
                ).model_dump(mode="json")
                line = {"type": "statement", "license": settings.DATA_LICENSE, **record}
                out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
                count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
