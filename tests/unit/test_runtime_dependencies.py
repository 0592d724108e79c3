"""The runtime install (``pip install .``, as in the Dockerfile) must import everything.

The dev extras pull in packages that a runtime-only install lacks, so the test suite
alone would not notice a module the service imports but does not declare. This walks
the declared runtime requirements and checks that every third-party module loaded by
importing the service's packages comes from one of them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata

from packaging.requirements import Requirement

SERVICE_PACKAGES = ("graph", "api", "viz", "cli")
# Loaded modules whose distribution is the interpreter or this project itself.
OWN = set(SERVICE_PACKAGES)
IMPORTS = (*SERVICE_PACKAGES, "cli.main", "api.app", "viz.views", "graph.documents.html")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_closure(root: str) -> set[str]:
    """Distributions reachable from ``root`` through requirements without extras."""
    seen: set[str] = set()
    todo = [(root, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        key = _canonical(name)
        if key in seen and not extras:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            req = Requirement(line)
            env_extras = extras or frozenset({""})
            if req.marker is not None and not any(
                req.marker.evaluate({"extra": extra}) for extra in env_extras
            ):
                continue
            todo.append((req.name, frozenset(req.extras)))
    return seen


def _modules_loaded_by_the_service() -> set[str]:
    """Top-level modules loaded by importing the service, in a clean interpreter (no pytest)."""
    code = (
        "import sys, importlib\n"
        f"for name in {IMPORTS!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted({m.partition('.')[0] for m in sys.modules})))\n"
    )
    # The timeout only keeps a hung interpreter from hanging the suite (imports took over
    # 120 s once on a loaded machine): generous, and nothing is asserted about the time.
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=900, check=True
    )
    return set(done.stdout.split())


def test_every_imported_module_is_a_declared_runtime_dependency() -> None:
    closure = _runtime_closure("whomet")
    owners = metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    undeclared: dict[str, set[str]] = {}
    for top in _modules_loaded_by_the_service():
        if top in stdlib or top in OWN or top.startswith("_") or top not in owners:
            continue
        dists = {_canonical(d) for d in owners[top]}
        if not dists & closure:
            undeclared[top] = dists
    assert "whomet" in closure and len(closure) > 10
    assert undeclared == {}, f"imported but not declared in pyproject dependencies: {undeclared}"
