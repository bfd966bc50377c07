"""Screenshots of the main views, taken from a real window under Xvfb.

    python bench/screenshots.py [--out bench/screenshots] [--lang zh_CN|en]

Needs ``xvfb-run`` (Debian package xvfb) and a CJK font (fonts-noto-cjk).  The
script re-runs itself inside ``xvfb-run`` when no display is set, uses a
temporary library and temporary settings, and writes PNG files: the welcome
page, the import summary, an article in each script, search results, an
issue page, the dark palette, the main window at its default size with the
issue context menu, the export dialog, the issue properties dialog, the
keyboard shortcuts sheet, the layout view (Structure > Layout View) and the
scan pane with a page (drawn here from the sample's own text and linked to
the article shown).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SCREEN = "1440x900x24"


def _reexec_under_xvfb() -> int:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("xvfb-run not found: apt-get install -y xvfb fonts-noto-cjk", file=sys.stderr)
        return 1
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    command = [
        xvfb_run,
        "-a",
        "-s",
        f"-screen 0 {SCREEN}",
        sys.executable,
        __file__,
        "--inner",
        *sys.argv[1:],
    ]
    return subprocess.run(command, env=env, check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "screenshots")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.inner and not os.environ.get("DISPLAY"):
        return _reexec_under_xvfb()
    with tempfile.TemporaryDirectory() as tmp:
        return _shoot(Path(tmp), args.out, args.lang)


def _shoot(tmp: Path, out: Path, lang: str) -> int:
    os.environ["JIAOKAN_DATA_DIR"] = str(tmp / "data")
    os.environ["JIAOKAN_CACHE_DIR"] = str(tmp / "cache")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    from reader.core.paths import sample_issue
    from reader.core.script import Script
    from reader.gui.app import application, build_window
    from reader.gui.settings import Theme
    from reader.gui.theme import apply_theme

    app = application()
    out.mkdir(parents=True, exist_ok=True)
    window = build_window(tmp / "library.sqlite3", lang, sample=False)
    window.resize(1280, 820)  # the default size
    window.move(40, 40)

    def wait(signal: object | None = None, ms: int = 400) -> None:
        loop = QEventLoop()
        if signal is not None:
            signal.connect(loop.quit)  # type: ignore[attr-defined]
            QTimer.singleShot(30_000, loop.quit)
        else:
            QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def show_article(issue_id: int, article_id: int) -> None:  # read in the background
        QTimer.singleShot(0, lambda: window.navigator.open_article(issue_id, article_id))
        wait(window.article_shown)

    def save(name: str, *, screen: bool = False, widget: QWidget | None = None) -> None:
        wait(ms=300)
        shown = widget if widget is not None else window
        pixmap = app.primaryScreen().grabWindow(0, 0, 0, 1360, 900) if screen else shown.grab()
        path = out / f"{name}.png"
        pixmap.save(str(path))
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

    step: Callable[[], object]
    window.show()
    step = window.open_library
    loaded = window.library_loaded
    QTimer.singleShot(0, step)
    wait(loaded)
    save("welcome")

    bad = tmp / "empty.txt"
    bad.write_bytes(b"")
    window.import_paths([sample_issue(), bad])
    wait(window.article_shown)
    save("import_summary", screen=True)
    if window.import_flow.summary_dialog is not None:
        window.import_flow.summary_dialog.close()

    show_article(1, 4)
    for script in Script:
        window.script.set_script(script)
        save(f"article_{script.value}")
    window.script.set_script(Script.ORIGINAL)

    window.search_pane.query_edit.setText("巡河")
    wait(window.search_pane.searched)
    window.search_pane.open_result(0)
    save("search")

    window.navigator.open_issue(1)
    save("issue_page")

    show_article(1, 4)
    window.library_pane.select_issue(1, silent=True)
    index = window.library_pane.proxy.index(0, 0)
    menu = window.issue_actions.show_context_menu(window.library_pane.tree.visualRect(index).center())
    save("main_window", screen=True)
    if menu is not None:
        menu.close()

    export_dialog = window.show_export_dialog()
    wait(ms=1500)  # its live preview
    save("export_dialog", widget=export_dialog)
    export_dialog.close()

    from reader.services.issues import IssueProperties

    window.issue_actions.set_properties(
        1, IssueProperties(), IssueProperties("梅园社区报", "2021年4月16日", "梅园街道办事处", "第12期")
    )
    properties = window.issue_actions.show_properties(1)
    if properties is not None:
        save("issue_properties", screen=True)
        properties.close()

    from reader.gui.shortcuts_sheet import show_shortcuts

    sheet = show_shortcuts(window.actions_.all(), window)
    save("keyboard_shortcuts", widget=sheet)
    sheet.close()

    layout_view = window.review_tools.structure.open_layout_view(1)
    if layout_view is not None:
        wait(layout_view.loaded)
        save("layout_view", widget=layout_view)
        layout_view.close()

    _shoot_scan(window, tmp, wait, save)

    show_article(1, 1)
    apply_theme(Theme.DARK)
    save("article_dark")
    apply_theme(Theme.SYSTEM)

    window.close()
    QApplication.processEvents()
    return 0


def _shoot_scan(window: object, tmp: Path, wait: Callable[..., None], save: Callable[..., None]) -> None:
    """Attach a page set from article 4's own text, link its column to the article, and show the pane."""
    from PySide6.QtCore import Qt, QTimer
    from sqlalchemy import select

    from db.models import Block
    from reader.gui.main_window import MainWindow
    from reader.gui.scan_pane import ScanPane
    from reader.services.page_regions import Box, link_region
    from reader.services.pages import attach_files, list_pages
    from tests.scan_support import line_box, page_image

    assert isinstance(window, MainWindow) and window.library is not None
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    page = tmp / "page-1.png"
    with window.library.writing() as session:
        texts = session.scalars(select(Block.text).where(Block.article_id == 4).order_by(Block.position))
        flat = "".join(texts)
        lines = [flat[i : i + 18] for i in range(0, min(len(flat), 18 * 24), 18)]
        page_image(lines).save(str(page))
        attach_files(session, 1, [page])
        page_id = list_pages(session, 1)[0].id
        top, bottom = line_box(0), line_box(len(lines) - 1)
        box = Box(top.x(), top.y(), top.width(), bottom.bottom() - top.y())
        link_region(session, page_id, 4, box, author="screenshots")
    window.scan_dock.show()
    window.resizeDocks([window.search_dock, window.scan_dock], [220, 560], Qt.Orientation.Vertical)
    QTimer.singleShot(0, lambda: window.navigator.open_article(1, 4))
    wait(window.article_shown)  # read in the background
    pane.reload()
    wait(pane.image_shown)
    save("scan_pane")
    window.scan_dock.hide()


if __name__ == "__main__":
    sys.exit(main())
