"""Fail with a clear message when pyproject.toml names a package that requirements.lock lacks.

`make install` installs exactly the lock (with hashes) and then the project without its
dependencies; a dependency added to pyproject.toml but not locked would otherwise be missing
without a word until the code that imports it runs. Standard library only: it runs before
anything is installed.
"""

import re
import sys
import tomllib
from pathlib import Path

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)


def canonical(name: str) -> str:
    """Return the name as package indexes compare names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def missing(pyproject: Path, lock: Path) -> list[str]:
    """Return the requirements of pyproject.toml (and its extras) whose package is not locked."""
    project = tomllib.loads(pyproject.read_text())["project"]
    wanted = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    locked = {canonical(name) for name in _LOCKED.findall(lock.read_text())}
    return [req for req in wanted if canonical(_NAME.match(req).group(1)) not in locked]


def main() -> int:
    pyproject, lock = Path(sys.argv[1]), Path(sys.argv[2])
    if not lock.exists():
        print(f"{lock} is missing: run `make lock` to make it.", file=sys.stderr)
        return 1
    if absent := missing(pyproject, lock):
        print(
            f"{pyproject} lists dependencies that {lock} does not lock: {', '.join(absent)}.\n"
            "Run `make lock` to regenerate the lock file, then `make install` again.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
