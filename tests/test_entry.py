"""``main.py``'s entry (reader.entry): the window's options read without the CLI's parser, the same way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import build_parser
from reader.entry import LANGUAGES, WindowOptions, window_options
from tests.conftest import REPO

WINDOW_ONLY = [
    [],
    ["--db", "lib.sqlite3"],
    ["--db=lib.sqlite3"],
    ["--db", "postgresql://team@server/news"],
    ["--db", "a.sqlite3", "--db", "b.sqlite3"],
    ["--lang", "en"],
    ["--lang=zh_CN", "--db", "lib.sqlite3"],
    ["--sample"],
    ["--sample", "--lang", "en", "--db", "我的 库.sqlite3"],
    ["--db="],
]

FOR_THE_PARSER = [
    ["list"],
    ["--db", "lib.sqlite3", "list"],
    ["import", "folder"],
    ["--help"],
    ["-h"],
    ["--lang", "fr"],
    ["--lang"],
    ["--db"],
    ["--db", "--sample"],
    ["--samp"],
    ["--sample=yes"],
    ["--", "list"],
    ["lib.sqlite3"],
]


@pytest.mark.parametrize("argv", WINDOW_ONLY, ids=" ".join)
def test_window_options_are_what_the_full_parser_reads(argv: list[str]) -> None:
    options = window_options(argv)
    args = build_parser().parse_args(argv)
    assert args.command is None
    assert options == WindowOptions(args.db, args.lang, args.sample)


@pytest.mark.parametrize("argv", FOR_THE_PARSER, ids=" ".join)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_the_languages_are_the_parsers() -> None:
    lang = next(a for a in build_parser()._actions if "--lang" in a.option_strings)
    assert tuple(lang.choices or ()) == LANGUAGES


def test_the_parser_still_answers_what_the_window_path_does_not_take() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    refused = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--lang", "fr"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "invalid choice: 'fr'" in refused.stderr
    helped = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--help"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert helped.returncode == 0
    assert "import" in helped.stdout and "export" in helped.stdout


def test_main_py_opens_the_window_on_the_library_given(tmp_path: Path) -> None:
    """``python main.py --db LIBRARY`` paints the window and opens that library (read from its trace)."""
    db = tmp_path / "lib.sqlite3"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        JIAOKAN_STARTUP_TRACE="1",
        JIAOKAN_DATA_DIR=str(tmp_path / "data"),
        JIAOKAN_CACHE_DIR=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    steps: list[str] = []
    deadline = time.monotonic() + 120
    with subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), "--lang", "en"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    ) as process:  # fmt: skip
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if line.startswith("[startup]"):
                    steps.append(line.split(" s ", 1)[1].strip())
                if "late features built" in line or time.monotonic() > deadline:
                    break
            while not db.exists() and time.monotonic() < deadline:
                time.sleep(0.05)  # the library is opened (here: created) in the background after the paint
        finally:
            process.terminate()
            process.wait(30)
    assert steps[0] == "main.py started"
    assert "first paint" in steps
    assert steps.index("window built") < steps.index("first paint") < steps.index("late features built")
    assert db.exists()
