import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Work with organisation names: `orgs dedupe FILE --json`, `orgs match NAME`, "
        "`orgs match --file FILE --json`, `orgs load FILE.csv [--dry-run] [--json]`."
    )
    # `orgs dedupe` without --registry must run with no database at all.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        dedupe = commands.add_parser(
            "dedupe",
            help="Group the names in FILE (one a line; - for standard input) by organisation.",
        )
        dedupe.add_argument("file")
        dedupe.add_argument("--json", action="store_true", help="Print a JSON array.")
        dedupe.add_argument(
            "--registry", action="store_true", help="Also match against the registry."
        )
        match = commands.add_parser(
            "match",
            help="Show the registry organisations a name may be; with --file, decide each line.",
        )
        match.add_argument("name", nargs="?")
        match.add_argument(
            "--file",
            help=(
                "Decide every line of FILE (- for standard input): same, maybe or new, "
                "with at most five candidates."
            ),
        )
        match.add_argument("--limit", type=int, default=5)
        match.add_argument("--json", action="store_true", help="Print a JSON array.")
        load = commands.add_parser(
            "load",
            help=(
                "Create or update the registry from a CSV (slug,name,name_hy,name_ru,aliases,"
                "website,kind; aliases separated by |), idempotent by slug."
            ),
        )
        load.add_argument("file")
        load.add_argument("--dry-run", action="store_true", help="Report, write nothing.")
        load.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, subcommand, **options):
        if subcommand == "load":
            self.load(options["file"], dry_run=options["dry_run"], as_json=options["json"])
        elif subcommand == "dedupe":
            self.dedupe(options["file"], as_json=options["json"], registry=options["registry"])
        elif options["file"] is not None:
            if options["name"] is not None:
                raise CommandError("Give a NAME or --file FILE, not both.")
            self.match_file(options["file"], as_json=options["json"])
        elif options["name"] is None:
            raise CommandError("Give a NAME to match, or --file FILE.")
        else:
            self.match(options["name"], limit=options["limit"], as_json=options["json"])

    def load(self, file: str, *, dry_run: bool, as_json: bool) -> None:
        from undersigned.organizations.loading import RegistryFileError, registry_load

        text = "\n".join(_read_lines(file))
        try:
            report = registry_load(text=text, dry_run=dry_run)
        except RegistryFileError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            verb = "would be" if dry_run else "were"
            self.stdout.write(
                f"{len(report.created)} organisations {verb} created, {len(report.updated)} "
                f"updated, {len(report.unchanged)} unchanged; {report.aliases_added} aliases and "
                f"{report.memberships_added} memberships added."
            )
            for slug, changes in report.updated.items():
                for name, (old, new) in changes.items():
                    self.stdout.write(f"  {slug}: {name}: {old!r} → {new!r}")
            for item in report.similar:
                self.stdout.write(
                    f"  line {item['line']}: {item['name']!r} looks like the registry's "
                    f"{item['existing_name']!r} [{item['existing']}] ({item['decision']})"
                )
            for column in report.ignored_columns:
                self.stdout.write(f"  column {column!r} is not one the registry knows: ignored")
            for error in report.errors:
                for problem in error["problems"]:
                    self.stderr.write(f"  line {error['line']} ({error['slug']}): {problem}")
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} rows have errors: nothing was written. "
                "Fix them and load again."
            )

    def dedupe(self, file: str, *, as_json: bool, registry: bool) -> None:
        from undersigned.organizations.matching import cluster

        names = [line.strip() for line in _read_lines(file) if line.strip()]
        index = None
        if registry:
            from undersigned.organizations.selectors import registry_index

            index = registry_index()
        rows = cluster(names, index=index)
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['cluster']:>5}  {row['name']}  →  {row['canonical']}")

    def match(self, name: str, *, limit: int, as_json: bool) -> None:
        from undersigned.organizations.selectors import registry_search

        matches = registry_search(query=name, limit=limit)
        if as_json:
            rows = [
                {
                    "slug": m.organization.slug,
                    "name": m.organization.name,
                    "matched_name": m.matched_name,
                    "score": round(m.score, 1),
                    "explanation": m.explanation,
                    "reasons": [r.as_json() for r in m.reasons],
                }
                for m in matches
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not matches:
            self.stdout.write("No organisation in the registry resembles that name.")
            return
        for m in matches:
            self.stdout.write(
                f"{m.score:5.1f}  {m.organization.name}  [{m.organization.slug}]  — {m.explanation}"
            )

    def match_file(self, file: str, *, as_json: bool) -> None:
        """Print one decision per line of the file, in order; a blank line is "new"."""
        from undersigned.organizations.selectors import organization_match

        decisions = [organization_match(name=line.strip()) for line in _read_lines(file)]
        if as_json:
            rows = [decision.as_json() for decision in decisions]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for decision in decisions:
            slug = decision.organization.slug if decision.organization else "-"
            self.stdout.write(f"{decision.decision:<5}  {slug}  {decision.query}")


def _read_lines(file: str) -> list[str]:
    if file == "-":
        return sys.stdin.read().splitlines()
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError as error:
        raise CommandError(f"No such file: {file}") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{file} is not UTF-8 text: {error}") from error
    except OSError as error:
        raise CommandError(f"Cannot read {file}: {error.strerror}") from error
