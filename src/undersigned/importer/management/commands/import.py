import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import ngettext
from tqdm import tqdm

from undersigned.core.languages import LANGUAGE_CODES


class Command(BaseCommand):
    help = (
        "Import statement pages (plain text or HTML) as draft statements, resolving signatories "
        "against the registry. With --dry-run nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="Read and match, write nothing.")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print what was read as JSON."
        )
        parser.add_argument("--publisher", metavar="SLUG", help="The publishing organisation.")
        parser.add_argument("--language", default="en", choices=LANGUAGE_CODES)

    def handle(self, *args, paths, dry_run, as_json, publisher, language, **options):
        from undersigned.importer.parsing import ParseError, parse_page

        publisher_organization = self._publisher(publisher) if publisher else None
        files = [Path(p) for p in paths]
        # JSON is printed row by row, so a WordPress export of any size is never held whole.
        self._json_rows = 0
        if as_json:
            self.stdout.write("[")
        failures = 0
        progress = tqdm(
            files, desc="Importing", unit="page", disable=len(files) < 2, file=sys.stderr
        )
        for path in progress:
            if _is_wordpress_export(path):
                try:
                    self._wordpress(path, dry_run, as_json, language)
                except (OSError, ValueError) as error:
                    failures += 1
                    self.stderr.write(f"{path}: {_describe(error)}")
                continue
            try:
                text = _read(path)
                entries = parse_page(text, filename=path.name)
            except (OSError, UnicodeDecodeError, ParseError) as error:
                failures += 1
                self.stderr.write(f"{path}: {_describe(error)}")
                continue
            if as_json:
                for entry in entries:
                    self._json_row(entry.as_json())
            if dry_run:
                if not as_json:
                    self._describe_preview(path, entries)
                continue
            try:
                created = self._import(path, entries, language, publisher_organization)
            except DatabaseError as error:
                failures += 1
                self.stderr.write(f"{path}: not imported, nothing was saved ({error})")
                continue
            if not as_json:
                for statement in created:
                    self.stdout.write(f"{path}: draft statement “{statement}” [{statement.slug}]")
        if as_json:
            self.stdout.write("]")
        if failures:
            raise CommandError(
                ngettext(
                    "%(failures)d of %(count)d file could not be imported.",
                    "%(failures)d of %(count)d files could not be imported.",
                    len(files),
                )
                % {"failures": failures, "count": len(files)}
            )

    def _wordpress(self, path: Path, dry_run: bool, as_json: bool, language: str) -> None:
        """Import (or only read) a WordPress export, streamed with a progress bar by bytes.

        Each item is printed as it is read (JSON included), so nothing of the export is held.
        """
        from undersigned.importer.services import ItemOutcome, import_wordpress

        def report(item, outcome: str) -> None:
            if as_json:
                self._json_row(item.as_json())
            elif outcome == ItemOutcome.SKIPPED:
                self.stdout.write(f"{path}: skipped “{item.title}”: {item.reason}")
            elif outcome == ItemOutcome.ALREADY:
                self.stdout.write(f"{path}: “{item.title}” imported before, left as it is")
            elif outcome == ItemOutcome.CREATED:
                self.stdout.write(f"{path}: draft statement “{item.title}”")
            else:
                self.stdout.write(
                    f"{path}: “{item.title}” — {len(item.entry.signatories)} signatories, "
                    f"{len(item.comments)} comments"
                )

        with (
            path.open("rb") as raw,
            tqdm.wrapattr(
                raw, "read", total=path.stat().st_size, desc=path.name, file=sys.stderr
            ) as source,
        ):
            result = import_wordpress(
                source=source, name=path.name, language=language, dry_run=dry_run, on_item=report
            )
        if result.batch is not None and not as_json:
            self.stdout.write(
                f"{path}: batch #{result.batch.pk} waits for a coordinator to accept it"
            )

    def _json_row(self, row: dict) -> None:
        separator = "," if self._json_rows else ""
        self.stdout.write(separator + json.dumps(row, ensure_ascii=False, indent=2))
        self._json_rows += 1

    def _publisher(self, slug: str):
        from undersigned.organizations.models import Organization

        try:
            return Organization.objects.get(slug=slug)
        except Organization.DoesNotExist as error:
            raise CommandError(f"No organisation with the slug {slug!r}.") from error

    def _import(self, path, entries, language, publisher):
        from undersigned.importer.services import import_entry

        statements = []
        for entry in entries:
            if entry.kind != "statement":
                self.stdout.write(f"{path}: listing entry “{entry.title}” skipped (an excerpt)")
                continue
            statements.append(
                import_entry(entry=entry, language=language, publisher=publisher, source=str(path))
            )
        return statements

    def _describe_preview(self, path, entries) -> None:
        from undersigned.importer.services import import_preview

        for preview in import_preview(entries=[e for e in entries if e.kind == "statement"]):
            counts = ", ".join(f"{n} {kind}" for kind, n in preview.counts.items() if n)
            signatories = ngettext(
                "%(count)d signatory", "%(count)d signatories", len(preview.names)
            ) % {"count": len(preview.names)}
            self.stdout.write(f"{path}: “{preview.entry.title}” — {signatories} ({counts})")
        excerpts = sum(1 for e in entries if e.kind == "excerpt")
        if excerpts:
            listing = ngettext(
                "listing page with %(count)d excerpt",
                "listing page with %(count)d excerpts",
                excerpts,
            ) % {"count": excerpts}
            self.stdout.write(f"{path}: {listing}")


def _is_wordpress_export(path: Path) -> bool:
    from undersigned.importer.wordpress import looks_like_wxr

    try:
        with path.open("rb") as file:
            return looks_like_wxr(file.read(8192))
    except OSError:
        return False


def _read(path: Path) -> str:
    if path.is_dir():
        raise OSError(f"{path} is a folder, not a page")
    return path.read_bytes().decode("utf-8-sig")


def _describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(error)
