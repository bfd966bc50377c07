"""Typing benchmark: keystroke latency in the article editor, on a 10,000-character article.

    python bench/typing_bench.py [--chars 10000] [--keys 400] [--platform offscreen|xcb]

Builds a library with one article of about ``--chars`` characters (a title
and paragraphs of about 330 characters; a second article holds the same text
as one single paragraph, the worst case for line layout), opens it in the
real main window, switches to edit mode and types: Latin letters with
``QTest.keyClicks`` (one call per key) and Chinese characters as the key
events an input method commits.  Each key is timed from the key event to the
end of the event processing it causes, repaint of the editor included,
once the start-up work in the background (dictionaries, panes) is done.
Then the autosave of the whole article (through ``save_or_recover``, on the
GUI thread) is timed.  Target: every keystroke < 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TARGET_MS = 16.0
PARAGRAPH_CHARS = 330


def _text(chars: int) -> str:
    source = (REPO / "resources" / "samples" / "sample_issue.txt").read_text(encoding="utf-8")
    body = "".join(line.strip() for line in source.splitlines() if len(line.strip()) > 20)
    return (body * (chars // len(body) + 1))[:chars]


def build(path: Path, chars: int) -> tuple[int, list[int]]:
    """One issue with the long article in paragraphs, and the same text as one paragraph."""
    from db.models import Article, Block, Issue, utcnow
    from db.opening import open_library
    from db.original_text import write_text

    text = _text(chars)
    library = open_library(path)
    now = utcnow()
    with library.writing() as session:
        issue = Issue(
            source_name="typing.txt",
            source_stem="typing",
            sha256="0" * 64,
            encoding="utf-8",
            char_count=len(text),
            imported_at=now,
        )
        paragraphs = [text[i : i + PARAGRAPH_CHARS] for i in range(0, len(text), PARAGRAPH_CHARS)]
        many = Article(position=0, title="长文章(分段)", span_start=0, span_end=len(text), updated_at=now)
        many.blocks = [Block(position=0, role="title", text="长文章(分段)", pieces=[])] + [
            Block(
                position=n + 1,
                role="paragraph",
                text=p,
                pieces=[[n * PARAGRAPH_CHARS, n * PARAGRAPH_CHARS + len(p)]],
            )
            for n, p in enumerate(paragraphs)
        ]
        one = Article(position=1, title="长文章(一段)", span_start=0, span_end=len(text), updated_at=now)
        one.blocks = [
            Block(position=0, role="title", text="长文章(一段)", pieces=[]),
            Block(position=1, role="paragraph", text=text, pieces=[[0, len(text)]]),
        ]
        issue.articles = [many, one]
        session.add(issue)
        session.flush()
        write_text(session.connection(), issue.id, text)
        ids = issue.id, [many.id, one.id]
    library.close()
    return ids


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"median {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   max {max(times):6.2f} ms   "
        f"mean {statistics.fmean(times):6.2f} ms"
    )


def _settle(app: Any, window: Any, quiet_s: float = 0.5, limit_s: float = 60.0) -> None:
    """Wait until no background task has run for ``quiet_s`` seconds."""
    deadline = time.monotonic() + limit_s
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        app.processEvents()
        if window.runner.active:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_s:
            return
        time.sleep(0.01)


def run(chars: int, keys: int) -> bool:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="jiaokan-typing-"))
    os.environ.setdefault("JIAOKAN_DATA_DIR", str(folder / "data"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication.instance() or QApplication([])
    issue_id, article_ids = build(folder / "lib.sqlite3", chars)

    from reader.gui.main_window import MainWindow

    window = MainWindow(folder / "lib.sqlite3")
    window.resize(1280, 820)
    window.show()
    loaded: list[bool] = []
    window.library_loaded.connect(lambda: loaded.append(True))
    window.open_library()
    deadline = time.monotonic() + 30
    while not loaded and time.monotonic() < deadline:
        app.processEvents()
    ok = True
    platform = QApplication.platformName()
    print(f"Typing in the article editor ({platform}), {keys} keys per run, target < {TARGET_MS} ms")
    for label, article_id in zip(
        ("paragraphs of ~330 chars", "one 10,000-char paragraph"), article_ids, strict=True
    ):
        window.open_article(issue_id, article_id)
        assert window.proofreading.set_edit_mode(True)
        pane = window.proofreading.editor_pane
        editor = pane.editor
        _settle(app, window)  # start-up work (dictionaries, panes filling) would be timed with the keys
        print(f"\n{label}: {sum(map(len, editor.texts())):,} characters in {len(editor.texts())} blocks")
        for kind in ("latin (QTest.keyClicks)", "chinese (committed key events)"):
            editor.set_place(len(editor.texts()) // 2, 40)  # the middle of the article
            editor.ensureCursorVisible()
            app.processEvents()
            times = []
            for n in range(keys):
                start = time.perf_counter()
                if kind.startswith("latin"):
                    QTest.keyClicks(editor, "abcdefghij"[n % 10])
                else:
                    char = "校勘文本编辑测试"[n % 8]
                    for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        QApplication.sendEvent(
                            editor, QKeyEvent(event_type, 0, Qt.KeyboardModifier.NoModifier, char)
                        )
                app.processEvents()  # layout and repaint of what changed
                editor.viewport().repaint()
                times.append((time.perf_counter() - start) * 1000)
            verdict = "ok" if max(times) < TARGET_MS else "OVER TARGET"
            ok = ok and max(times) < TARGET_MS
            print(f"  {kind:32} {_stats(times)}   {verdict}")
        start = time.perf_counter()
        saved = pane.flush()
        elapsed = (time.perf_counter() - start) * 1000
        note = "" if saved else "  (NOT SAVED)"
        print(f"  autosave of the whole article (save_or_recover, GUI thread): {elapsed:.1f} ms{note}")
        window.proofreading.set_edit_mode(False)
    window.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=10_000, help="characters in the article (10,000)")
    parser.add_argument("--keys", type=int, default=400, help="keys typed per run (400)")
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin (offscreen)")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    return 0 if run(args.chars, args.keys) else 1


if __name__ == "__main__":
    raise SystemExit(main())
