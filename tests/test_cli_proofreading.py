"""``fix --rules safe``, ``suggestions`` and the ``import --autofix`` helper, through argparse.

``reader.cli`` wires these commands in; here a tiny local parser built with
``add_commands`` stands in for it, in-process and in a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from db.opening import open_library
from reader.cli_proofreading import add_commands, autofix_imported
from reader.core.errors import JiaokanError
from reader.services.importing import import_files
from tests.conftest import REPO, SAMPLE_ISSUE
from tests.template_library import new_library_file

WRAPPER = "import sys; from tests.test_cli_proofreading import main; sys.exit(main(sys.argv[1:]))"


def main(argv: Sequence[str]) -> int:
    """What ``reader.cli.main`` does with these commands: parse, dispatch, report JiaokanError."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="jiaokan")
    parser.add_argument("--db", default=None)
    commands = add_commands(parser.add_subparsers(dest="command"), db)
    args = parser.parse_args(argv)
    try:
        return commands[args.command](args)
    except JiaokanError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WRAPPER, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=REPO,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A library file holding the sample issue (issue 1)."""
    path = tmp_path / "lib.sqlite3"
    library = open_library(new_library_file(path))
    try:
        with library.write_session() as session:
            assert len(import_files(session, [SAMPLE_ISSUE]).imported) == 1
    finally:
        library.close()
    return str(path)


def _suggestions(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["suggestions", *args, "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_suggestions_json_lines(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _suggestions(capsys, "--db", db)
    assert rows
    keys = {"issue_id", "article_id", "block", "block_id", "role", "rule", "span", "text", "replacement"}
    assert all(keys <= row.keys() for row in rows)
    comma = next(r for r in rows if r["rule"] == "halfwidth_punctuation")
    assert (comma["text"], comma["replacement"], comma["issue_id"]) == (",", "，", 1)
    start, end = comma["span"]  # type: ignore[misc]
    assert end - start == 1
    only = _suggestions(capsys, "--db", db, "--issue", "1", "--rule", "halfwidth_punctuation")
    assert only and {r["rule"] for r in only} == {"halfwidth_punctuation"}
    assert len(only) == sum(r["rule"] == "halfwidth_punctuation" for r in rows)


def test_suggestions_readable_and_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggestions", "--db", db, "--rule", "halfwidth_punctuation"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "halfwidth_punctuation" in first and "'，'" in first
    assert main(["suggestions", "--db", db, "--rule", "nonsense"]) == 1
    assert "no rule named 'nonsense'" in capsys.readouterr().err
    assert main(["suggestions", "--db", db, "--issue", "42"]) == 1
    assert "no issue with id 42" in capsys.readouterr().err


def test_fix_safe_prints_per_issue_and_total(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = len(_suggestions(capsys, "--db", db, "--rule", "halfwidth_punctuation"))
    assert main(["fix", "--rules", "safe", "--db", db, "--issue", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("issue 1  sample_issue.txt: ") and f"{before} changes" in out[0]
    assert "halfwidth_punctuation" in out[0]
    assert out[-1].startswith(f"total: {before} change") and out[-1].endswith(", 1 issue")
    assert _suggestions(capsys, "--db", db, "--rule", "halfwidth_punctuation") == []
    assert main(["fix", "--rules", "safe", "--db", db]) == 0
    assert "nothing to fix" in capsys.readouterr().out


def test_fix_needs_the_safe_rules(db: str) -> None:
    with pytest.raises(SystemExit):
        main(["fix", "--db", db])
    with pytest.raises(SystemExit):
        main(["fix", "--rules", "all", "--db", db])


def test_autofix_imported(db: str) -> None:
    library = open_library(db)
    try:
        summary = autofix_imported(library, [1])
        assert summary.splitlines()[0].startswith("autofix issue 1  sample_issue.txt: ")
        assert summary.splitlines()[-1].startswith("autofix total: ")
        assert "nothing to fix" in autofix_imported(library, [1])
        assert autofix_imported(library, []) == "autofix: no issue imported"
    finally:
        library.close()


def test_commands_in_a_process(db: str) -> None:
    listed = run("suggestions", "--db", db, "--json", "--rule", "latin_word")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ""  # the sample has no stray Latin word
    fixed = run("--db", db, "fix", "--rules", "safe")
    assert fixed.returncode == 0, fixed.stderr
    assert "total: " in fixed.stdout
    bad = run("fix", "--rules", "safe", "--db", db, "--issue", "9")
    assert bad.returncode == 1 and "no issue with id 9" in bad.stderr
