"""The apps stand in a line: each imports only the apps below it, never one above or beside it."""

import ast
import re
from pathlib import Path

import undersigned

# The dependency order, lowest first. An app may import the apps of a lower layer only; apps of
# one layer (engagement and insights) do not import each other. A new app is one more line.
LAYERS = {
    "core": 0,
    "organizations": 1,
    "statements": 2,
    "signatures": 3,
    "engagement": 4,
    "importer": 5,  # an archive import brings comments (engagement) too
    "insights": 4,
    "publishing": 5,
    "operations": 5,
    "staff": 6,
    "review": 5,
    "api": 6,
    "embeds": 7,
    "demo": 8,
}

PACKAGE = Path(undersigned.__file__).parent
_NAMED = re.compile(r"^undersigned\.(\w+)")


def _imported(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """Return (line, dotted name) of every import in a module, those inside functions too.

    Relative imports are resolved against the module; a string naming a module of the package
    ("undersigned.x.y", as import_module or include take it) counts as an import as well.
    """
    found = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            if name == "undersigned":  # "from undersigned import statements" names the app
                found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Constant) and _NAMED.match(str(node.value)):
            found.append((node.lineno, node.value))
    return found


def upward_imports(source: str, *, module: str, layers: dict[str, int] = LAYERS) -> list[str]:
    """Return the imports of an app's module that reach an app above it or beside it."""
    app = module.split(".")[1]
    problems = []
    for line, name in _imported(ast.parse(source), module):
        parts = name.split(".")
        if len(parts) < 2 or parts[0] != "undersigned" or parts[1] not in layers:
            continue
        target = parts[1]
        if target != app and layers[target] >= layers[app]:
            problems.append(f"{module}:{line} ({app}) imports {name} ({target})")
    return sorted(set(problems))


def _apps() -> list[str]:
    return sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


def test_every_app_has_its_place_in_the_order():
    assert set(_apps()) == set(LAYERS), "add the new app to LAYERS, in its place"


def test_no_app_imports_one_above_or_beside_it():
    problems = []
    for app in _apps():
        for path in sorted((PACKAGE / app).rglob("*.py")):
            relative = path.relative_to(PACKAGE.parent).with_suffix("")
            module = ".".join(relative.parts).removesuffix(".__init__")
            problems += upward_imports(path.read_text(encoding="utf-8"), module=module)
    assert problems == []


def test_an_import_inside_a_function_is_an_import_too():
    source = "def f():\n    from undersigned.signatures.models import Signatory\n"
    assert upward_imports(source, module="undersigned.statements.selectors") == [
        "undersigned.statements.selectors:2 (statements) imports "
        "undersigned.signatures.models (signatures)"
    ]


def test_relative_imports_strings_and_siblings_are_caught():
    checks = {
        "from ..signatures import services\n": "undersigned.signatures",
        "from undersigned import engagement\n": "undersigned.engagement",
        "import_module('undersigned.demo.content')\n": "undersigned.demo.content",
    }
    for source, name in checks.items():
        [problem] = upward_imports(source, module="undersigned.statements.views")
        assert problem.endswith(f"imports {name} ({name.split('.')[1]})")
    [sideways] = upward_imports(
        "from undersigned.engagement import selectors\n", module="undersigned.insights.views"
    )
    assert "(engagement)" in sideways


def test_importing_a_lower_app_is_allowed():
    source = "from undersigned.core.audit import audit_record\nimport undersigned.statements\n"
    assert upward_imports(source, module="undersigned.signatures.services") == []
