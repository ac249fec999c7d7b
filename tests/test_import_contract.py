"""The house's one rule of direction: article -> analysis -> review -> ui / cli.

Checked twice: statically, over every import statement of every module (including the
ones inside functions, where the lazy imports live), and at run time, by running an
analysis and an export in a fresh interpreter and looking at what got imported.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tui" / "newsreader"

# layer (a module path prefix) -> what it must never import
FORBIDDEN = {
    "newsreader.analysis": ("textual", "rich", "newsreader.ui", "newsreader.review", "newsreader.commands"),
    "newsreader.article": ("textual", "rich", "newsreader.ui", "newsreader.review", "newsreader.analysis"),
    "newsreader.cleaning": ("textual", "rich", "newsreader.ui", "newsreader.review", "newsreader.analysis"),
    "newsreader.htmltext": ("textual", "rich", "newsreader.ui", "newsreader.review", "newsreader.analysis"),
    "newsreader.review": ("textual", "newsreader.ui"),
    "newsreader.commands": ("textual", "newsreader.ui", "newsreader.cli"),  # the front door imports them
    "newsreader.jobs": ("textual", "newsreader.ui", "newsreader.cli", "newsreader.commands"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, name: str, is_package: bool = False) -> set[str]:
    """Every module an import statement in `source` (module `name`) names, relative
    imports resolved."""
    package = name if is_package else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_import_runs_back_up_the_layers(path: Path) -> None:
    name = module_name(path)
    found = imports_of(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
    assert not violations(name, found), f"{name} imports {violations(name, found)}"


def violations(name: str, imported: set[str]) -> list[str]:
    rules = [banned for layer, banned in FORBIDDEN.items() if within(name, layer)]
    return sorted(i for i in imported for banned in rules for forbidden in banned if within(i, forbidden))


def test_the_check_sees_imports_inside_functions_and_relative_ones() -> None:
    source = "def later():\n    import textual.app\n    from ..ui import app\n    from . import lexicon\n"
    found = imports_of(source, "newsreader.analysis.probe")
    assert {"textual.app", "newsreader.ui", "newsreader.ui.app", "newsreader.analysis.lexicon"} <= found
    assert violations("newsreader.analysis.probe", found) == [
        "newsreader.ui",
        "newsreader.ui.app",
        "textual.app",
    ]


def test_analysis_and_export_at_run_time_import_no_textual() -> None:
    code = (
        "import sys\n"
        "from newsreader import article, resources\n"
        "from newsreader.analysis.service import Analyzer\n"
        "from newsreader.review import export\n"
        "from newsreader.review.overlay import overlay\n"
        "doc = article.load(str(resources.seed_article()))\n"
        "result = Analyzer.from_options([], bundled=True).analyze(doc)\n"
        "export.to_markdown(doc, overlay(doc.text, result, [], None))\n"
        "print('\\n'.join(sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout.split()
    leaked = sorted(m for m in out if within(m, "textual") or within(m, "newsreader.ui"))
    assert not leaked, leaked
