"""The test session prepares what it needs itself: a fresh checkout passes with `pytest` alone."""

import gettext
import shutil

from tests.conftest import PACKAGE_DIR, catalogues_compile, catalogues_stale


def test_the_session_compiles_missing_or_outdated_catalogues(tmp_path):
    shutil.copytree(PACKAGE_DIR / "locale", tmp_path / "locale")
    for mo in (tmp_path / "locale").glob("*/LC_MESSAGES/*.mo"):
        mo.unlink()
    assert len(catalogues_stale(tmp_path)) >= 2  # Armenian and Russian, as in a fresh checkout
    catalogues_compile(tmp_path)
    assert catalogues_stale(tmp_path) == []
    russian = gettext.translation("django", tmp_path / "locale", languages=["ru"])
    assert russian.gettext("Statements") != "Statements"


def test_this_session_runs_on_compiled_catalogues():
    assert catalogues_stale() == []


def test_every_skip_goes_through_require_so_that_ci_can_fail_it():
    tests_dir = PACKAGE_DIR.parent / "tests"
    direct = [
        f"{path.relative_to(tests_dir)}:{number}"
        for path in sorted(tests_dir.rglob("*.py"))
        if path.name != "conftest.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(f"{call}(" in line for call in ("pytest.skip", "skipif", "importorskip"))
    ]
    assert direct == []
