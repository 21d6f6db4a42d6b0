"""The `undersigned` command: Django's management commands, plus `serve`."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command; `undersigned serve` starts the production web server."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    argv = list(sys.argv if argv is None else argv)
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["undersigned", *argv[1:]])
    except ImproperlyConfigured as error:
        # A setting that must not run (a weak secret in production, DEBUG on): say which and
        # why, without a traceback that hides the sentence.
        sys.stderr.write(f"undersigned: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
