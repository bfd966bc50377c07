"""Start-up benchmark: Jiaokan's first paint against a bare PySide6 window, and a small `list`.

    python bench/startup_bench.py [--issues 2000] [--runs 5] [--keep DIR] [--platform xcb|offscreen]

Both windows are started as whole, fresh Python processes under the same display
(an Xvfb server started here when there is none), alternating, and timed from
the moment the process was started to the first paint event of the window:

- the bare window: PySide6 imported, a ``QApplication`` and a ``QMainWindow``
  holding an empty ``QTreeView``, shown;
- Jiaokan: ``python main.py --db LIBRARY`` on a library of ``--issues`` issues
  (built once with ``bench/gui_bench.py``'s builder), run as a user runs it, its
  start-up steps read through ``reader.core.startup_trace``; also reported, the
  window complete: its late features built just after the first paint
  (``reader/gui/deferred_start.py``). (Until 2026-12-06 16:00 the Jiaokan process
  called ``reader.gui.app`` directly, skipping ``main.py``'s command line.)

It also times ``python main.py list`` on a library holding the bundled sample
issue (whole process, median of the runs).  Targets (issue 17): first paint
<= 2.0 x the bare window's, ``list`` <= 0.35 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.gui_bench import _start_xvfb, build_library  # noqa: E402

RATIO_TARGET = 2.0
LIST_TARGET_S = 0.35

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"PAINTED {time.time()}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTreeView(window))
window.resize(1280, 800)
watcher = Painted(window)
window.installEventFilter(watcher)
window.show()
QTimer.singleShot(30_000, app.quit)
app.exec()
"""

JIAOKAN = r"""
import os, sys, time
# what a user runs: ``python main.py --db LIBRARY`` (reader.entry starts the window without the CLI)
sys.argv = [{main!r}, "--db", {db!r}, "--lang", "zh_CN"]
sys.path.insert(0, {repo!r})
import reader.core.startup_trace as trace

def mark(step):
    # the window's own start-up steps (reader.core.startup_trace), read here instead of printed
    if step == "first paint":
        print(f"PAINTED {{time.time()}}", flush=True)
    elif step == "late features built":
        print(f"COMPLETE {{time.time()}} True", flush=True)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def close():
            for widget in QApplication.topLevelWidgets():
                if widget.objectName() == "mainWindow":
                    widget.close()  # saves the window's layout, as a user's session does
            QApplication.quit()

        QTimer.singleShot(0, close)

trace.mark = mark
import runpy
runpy.run_path({main!r}, run_name="__main__")
"""


def _first_paint(code: str, env: dict[str, str], complete: list[float] | None = None) -> float:
    """Seconds from the process's start to its first paint; appends the time to a complete window."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    painted = None
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            painted = float(line.split()[1]) - started
        elif line.startswith("COMPLETE ") and complete is not None:
            if line.split()[2] != "True":
                raise RuntimeError("the late features were not built after the first paint")
            complete.append(float(line.split()[1]) - started)
    if painted is None:
        raise RuntimeError(f"no paint reported:\n{done.stdout}\n{done.stderr}")
    return painted


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--issues", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the libraries in this folder")
    parser.add_argument("--platform", choices=["xcb", "offscreen"])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / f"startup_{args.issues}.sqlite3"
        if not db.exists():
            started = time.perf_counter()
            build_library(db, args.issues)
            print(f"built {args.issues:,} issues in {time.perf_counter() - started:.1f} s")
        env = dict(os.environ, JIAOKAN_DATA_DIR=str(work / "data"), JIAOKAN_CACHE_DIR=str(work / "cache"))
        env["XDG_CONFIG_HOME"] = str(work / "settings")  # the window's settings (QSettings), kept apart
        # Users' interpreters keep the compiled .pyc files: without them every start compiles the sources.
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        small = work / "small.sqlite3"
        if not small.exists():
            subprocess.run(
                [sys.executable, str(REPO / "main.py"), "--db", str(small), "import",
                 str(REPO / "resources" / "samples" / "sample_issue.txt")],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
        list_command = [sys.executable, str(REPO / "main.py"), "--db", str(small), "list"]
        _timed(list_command, env)  # warm the file cache and the .pyc files
        lists = [_timed(list_command, env) for _ in range(args.runs)]

        has_display = shutil.which("Xvfb") or os.environ.get("DISPLAY")
        platform = args.platform or ("xcb" if has_display else "offscreen")
        server = None
        if platform == "xcb" and not os.environ.get("DISPLAY"):
            started_server = _start_xvfb()
            if started_server is None:
                platform = "offscreen"
            else:
                server, env["DISPLAY"] = started_server
        env["QT_QPA_PLATFORM"] = platform
        bare: list[float] = []
        ours: list[float] = []
        whole: list[float] = []
        try:
            jiaokan = JIAOKAN.format(repo=str(REPO), main=str(REPO / "main.py"), db=str(db))
            _first_paint(BARE, env)  # warm-up of both, not counted
            _first_paint(jiaokan, env)
            for run in range(args.runs):
                bare.append(_first_paint(BARE, env))
                ours.append(_first_paint(jiaokan, env, whole))
                print(
                    f"run {run + 1}: bare window {bare[-1]:.3f} s, Jiaokan {ours[-1]:.3f} s "
                    f"(late features built {whole[-1]:.3f} s)"
                )
        finally:
            if server is not None:
                server.terminate()
                server.wait(10)

    bare_s, ours_s, list_s = statistics.median(bare), statistics.median(ours), statistics.median(lists)
    ratio = ours_s / bare_s
    print(f"\nplatform {platform}; medians of {args.runs} runs; library of {args.issues:,} issues")
    print(f"  bare PySide6 window first paint   {bare_s:.3f} s")
    print(f"  Jiaokan window first paint        {ours_s:.3f} s  = {ratio:.2f} x bare "
          f"(target {RATIO_TARGET:g} x) {'ok' if ratio <= RATIO_TARGET else 'MISSED'}")  # fmt: skip
    print(f"  Jiaokan window complete           {statistics.median(whole):.3f} s  (late features built)")
    print(f"  `main.py list` (small library)    {list_s:.3f} s  (target {LIST_TARGET_S:g} s) "
          f"{'ok' if list_s <= LIST_TARGET_S else 'MISSED'}")  # fmt: skip
    print(json.dumps({"bare_s": bare_s, "jiaokan_s": ours_s, "ratio": ratio, "list_s": list_s}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
