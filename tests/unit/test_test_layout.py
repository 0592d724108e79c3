"""No test module imports from another: shared helpers live in tests/support/, shared fixtures
in a conftest.py (issue 12). Reads the sources only; no database."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imports_of_test_modules(source: str) -> list[str]:
    """``line: module`` for each import in ``source`` that names a ``test_*`` module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            inside_tests = node.level > 0 or base.split(".")[0] == "tests"
            # ``from tests.unit import test_x`` names the module in the imported names.
            names = [f"{base}.{a.name}" for a in node.names] if inside_tests else []
            modules = [base, *names]
        else:
            continue
        for module in modules:
            if any(part.startswith("test_") for part in module.split(".")):
                found.append(f"{node.lineno}: {module}")
                break
    return found


def test_the_check_sees_each_form_of_import() -> None:
    assert imports_of_test_modules("from tests.integration.test_store import doc_a") != []
    assert imports_of_test_modules("from tests.unit import test_viz_build as vb") != []
    assert imports_of_test_modules("import tests.unit.test_viz_build") != []
    assert imports_of_test_modules("from .test_store import doc_a") != []
    assert imports_of_test_modules("from tests.support.store import doc_a") == []
    assert imports_of_test_modules("from tests.unit._extract_helpers import run") == []


def test_no_test_module_imports_from_another() -> None:
    offenders = [
        f"{path.relative_to(TESTS)}:{hit}"
        for path in sorted(TESTS.rglob("*.py"))
        for hit in imports_of_test_modules(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "move the helper to tests/support/ or the fixture to a conftest.py"
