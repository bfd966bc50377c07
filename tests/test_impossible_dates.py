"""An issue's date is free text, but a date written in digits must be one the calendar has (qa22 finding 5).

``2021-02-30`` was accepted (and the issue then sorted by it); the service and
``issue set --date`` now refuse it with the reason, in every way a date is
written (2021年2月30日, 2021.4.31, full-width digits, a month 13), and keep
accepting real dates, month-only and year-only ones, and free text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.opening import open_library
from reader.cli import main
from reader.core.issue_dates import impossible_date
from reader.services.issues import (
    IssueProperties,
    PropertyError,
    apply_properties,
    issue_properties,
    set_issue_properties,
)
from tests.conftest import SAMPLE_ISSUE

IMPOSSIBLE = [
    ("2021-02-30", "'2021-02-30' is not a date: 2021-02 has days 1 to 28"),
    ("2021年2月30日", "'2021年2月30' is not a date: 2021-02 has days 1 to 28"),
    ("２０２１年２月３０日 星期二", "'２０２１年２月３０' is not a date: 2021-02 has days 1 to 28"),
    ("2021.4.31", "'2021.4.31' is not a date: 2021-04 has days 1 to 30"),
    ("2021/06/00", "'2021/06/00' is not a date: 2021-06 has days 1 to 30"),
    ("1900-02-29", "'1900-02-29' is not a date: 1900-02 has days 1 to 28"),
    ("2021-13", "'2021-13' is not a date: there is no month 13"),
    ("2021年0月", "'2021年0' is not a date: there is no month 0"),
    ("2021-04-16 / 2021-04-31", "'2021-04-31' is not a date: 2021-04 has days 1 to 30"),
]
POSSIBLE = ["2021-04-16", "2020-02-29", "2000-02-29", "2021年4月16日 星期五", "２０２１．１２．３１",
            "2021-04", "2021", "辛丑年三月初五", "Spring 2021", "第 12 期", ""]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "lib.sqlite3")
    assert main(["import", "--db", path, str(SAMPLE_ISSUE)]) == 0
    return path


@pytest.mark.parametrize(("date", "reason"), IMPOSSIBLE)
def test_an_impossible_date_is_refused_with_the_reason(db: str, date: str, reason: str) -> None:
    library = open_library(db)
    try:
        with library.writing() as session:
            before = set_issue_properties(session, 1, publication_date="2021-04-16")
        with library.writing() as session, pytest.raises(PropertyError) as refused:
            set_issue_properties(session, 1, publication_date=date, title="changed")
        assert str(refused.value) == reason
        with library.session() as session:  # nothing changed
            assert issue_properties(session, 1) == before
    finally:
        library.close()


@pytest.mark.parametrize("date", POSSIBLE)
def test_a_real_date_or_free_text_is_kept(db: str, date: str) -> None:
    assert impossible_date(date) is None
    library = open_library(db)
    try:
        with library.writing() as session:
            props = set_issue_properties(session, 1, publication_date=date)
        assert props.publication_date == (" ".join(date.split()) or None)
    finally:
        library.close()


def test_the_cli_refuses_an_impossible_date(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["issue", "set", "1", "--db", db, "--date", "2021-02-30", "--title", "x"]) == 1
    assert "'2021-02-30' is not a date: 2021-02 has days 1 to 28" in capsys.readouterr().err
    assert main(["issue", "set", "1", "--db", db, "--date", "2021-02-28"]) == 0


def test_an_undo_puts_back_a_date_stored_before_the_check(db: str) -> None:
    library = open_library(db)
    try:
        with library.writing() as session:  # as a library from before the check may hold
            set_issue_properties(session, 1, publication_date="2021-02-30", check_date=False)
            apply_properties(session, 1, IssueProperties(publication_date="2021-02-28"))
            restored = apply_properties(
                session, 1, IssueProperties(publication_date="2021-02-30"), check_date=False
            )
        assert restored.publication_date == "2021-02-30"
    finally:
        library.close()
