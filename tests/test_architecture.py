"""The Qt-free rule: the core, the services and the database never import Qt."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

from tests.conftest import REPO

QT_FREE = ("reader/core", "reader/services", "db")


def test_no_qt_import_in_the_core_sources() -> None:
    offenders = []
    for folder in QT_FREE:
        for path in (REPO / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [
                    f"{path.relative_to(REPO)}: {n}"
                    for n in names
                    if n.split(".")[0] in ("PySide6", "shiboken6") or n.startswith("reader.gui")
                ]
    assert offenders == []


def test_importing_the_core_loads_no_qt() -> None:
    modules = [
        str(p.relative_to(REPO).with_suffix("")).replace("/", ".")
        for folder in QT_FREE
        for p in (REPO / folder).rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"


def test_import_linter_contract_holds() -> None:
    lint = shutil.which("lint-imports", path=str(REPO / ".venv" / "bin")) or shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency (pip install -e .[test])"
    result = subprocess.run([lint], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_windows_late_features_load_no_service_at_import() -> None:
    """The services package loads SQLAlchemy's ORM and the session hooks (0.5 s): a GUI module imported on
    the GUI thread while the library pane fills imports them inside its functions, run in the background.
    (A module-level ``from reader.services.processes import …`` in ``team_presence`` once delayed the
    library pane by half a second: ``bench/gui_bench.py``.)"""
    code = (
        "import sys\n"
        "import reader.gui.team_presence, reader.gui.recovery_dialog, reader.gui.note_navigation\n"
        "import reader.gui.typing_journal\n"
        "print(sorted(k for k in sys.modules if k.split('.')[:2] == ['reader', 'services']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
