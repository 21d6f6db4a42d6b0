"""The lock file covers every dependency, and `make install` says so when one is missing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHECK = ROOT / "deploy" / "check_lock.py"


def check(pyproject: Path, lock: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECK), str(pyproject), str(lock)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_dependency_of_the_project_is_locked_with_hashes():
    lock = ROOT / "requirements.lock"
    result = check(ROOT / "pyproject.toml", lock)
    assert result.returncode == 0, result.stderr
    pins = [line for line in lock.read_text().splitlines() if "==" in line]
    assert pins
    text = lock.read_text()
    for pin in pins:
        after = text[text.index(pin) :].splitlines()[1]
        assert "--hash=sha256:" in after, pin


def test_a_dependency_missing_from_the_lock_stops_the_install_with_a_clear_message(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        (ROOT / "pyproject.toml")
        .read_text()
        .replace('"fpdf2>=2.8",', '"fpdf2>=2.8",\n    "Surely_Not.Locked[extra]>=1.0",')
    )
    result = check(pyproject, ROOT / "requirements.lock")
    assert result.returncode == 1
    assert "Surely_Not.Locked[extra]>=1.0" in result.stderr
    assert "make lock" in result.stderr


def test_make_install_checks_the_lock_and_installs_only_from_it():
    makefile = (ROOT / "Makefile").read_text()
    assert "deploy/check_lock.py pyproject.toml $(LOCK)" in makefile
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    assert "-e '.[dev]'" not in makefile
