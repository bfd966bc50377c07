"""Whole issues from the command line: ``issue set`` and ``delete`` (backed up first)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.backup import list_backups
from db.models import Article, Issue
from db.opening import open_library
from reader.cli import main
from reader.services.issues import delete_issues, issue_properties, restore_issues, set_issue_properties
from reader.services.library import NotFoundError
from tests.conftest import SAMPLE_ISSUE


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "lib.sqlite3")
    assert main(["import", "--db", path, str(SAMPLE_ISSUE)]) == 0
    return path


def test_issue_set_changes_only_the_given_properties(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["issue", "set", "1", "--db", db, "--title", "  滨海  日报 ", "--number", "第 12 期"]) == 0
    assert "title: 滨海 日报" in capsys.readouterr().out
    assert main(["issue", "set", "1", "--db", db, "--date", "2021-04-16", "--publication", "滨海日报社"]) == 0
    library = open_library(db)
    with library.session() as session:
        props = issue_properties(session, 1)
    library.close()
    assert (props.title, props.publication_date, props.publication, props.number) == (
        "滨海 日报",
        "2021-04-16",
        "滨海日报社",
        "第 12 期",
    )
    listed = capsys.readouterr()
    assert main(["list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["title"] == "滨海 日报"
    del listed


def test_issue_set_empty_value_clears_and_errors_are_clear(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["issue", "set", "1", "--db", db, "--title", "X"]) == 0
    assert main(["issue", "set", "1", "--db", db, "--title", ""]) == 0
    assert "title: -" in capsys.readouterr().out
    assert main(["issue", "set", "9", "--db", db, "--title", "X"]) == 1
    assert "no issue with id 9" in capsys.readouterr().err
    assert main(["issue", "set", "1", "--db", db, "--number", "9" * 51]) == 1
    assert "longer than 50" in capsys.readouterr().err
    assert main(["issue", "set", "1", "--db", db]) == 1


def test_properties_travel_in_the_json_export_and_back(db: str, tmp_path: Path) -> None:
    assert main(["issue", "set", "1", "--db", db, "--publication", "滨海日报", "--number", "12"]) == 0
    out = tmp_path / "out"
    assert main(["export", "--db", db, "--format", "json", "--out", str(out)]) == 0
    doc = json.loads((out / "sample_issue.json").read_text(encoding="utf-8"))
    assert (doc["issue"]["publication"], doc["issue"]["number"]) == ("滨海日报", "12")
    other = str(tmp_path / "other.sqlite3")
    assert main(["import", "--db", other, str(out / "sample_issue.json")]) == 0
    library = open_library(other)
    with library.session() as session:
        assert issue_properties(session, 1).publication == "滨海日报"
    library.close()


def test_delete_backs_up_first_and_removes_everything(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["delete", "1", "--db", db, "--yes"]) == 0
    assert "deleted issue 1" in capsys.readouterr().out
    library = open_library(db)
    with library.session() as session:
        assert session.query(Issue).count() == 0
        assert session.query(Article).count() == 0
    assert [b.reason for b in list_backups(db)] == ["pre-bulk"]
    library.close()


def test_delete_asks_when_not_told_yes_and_refuses_unknown_ids(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["delete", "1", "--db", db]) == 1  # stdin is not a terminal under pytest
    assert "--yes" in capsys.readouterr().err
    assert main(["delete", "1", "7", "--db", db, "--yes"]) == 1
    assert "no issue with id 7" in capsys.readouterr().err
    library = open_library(db)
    with library.session() as session:
        assert session.query(Issue).count() == 1
    library.close()


def test_a_deleted_issue_is_restored_whole(db: str) -> None:
    library = open_library(db)
    with library.writing() as session:
        set_issue_properties(session, 1, publication="滨海日报")
    with library.session() as session:
        titles = [a.title for a in session.query(Article).order_by(Article.position)]
    with library.writing() as session:
        deleted = delete_issues(session, [1])
    with library.writing() as session:
        [new_id] = restore_issues(session, deleted)
    with library.session() as session:
        assert [a.title for a in session.query(Article).order_by(Article.position)] == titles
        assert issue_properties(session, new_id).publication == "滨海日报"
    with library.write_session() as session, pytest.raises(NotFoundError):
        delete_issues(session, [99])
    library.close()
