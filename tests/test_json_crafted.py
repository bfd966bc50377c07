"""Crafted JSON: values that pass the schema but cannot be stored are refused per file, the batch goes on."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.engine import Library
from db.models import Issue
from db.opening import open_library
from reader.cli import main
from reader.core.errors import JiaokanError
from reader.services.importing import Outcome
from reader.services.json_import import import_json
from reader.services.json_values import TIME_KEYS
from tests.conftest import SAMPLE_ISSUE
from tests.test_export_formats import make_edits
from tests.test_json_roundtrip import _export_json, _import, deep_edits


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample issue, edited (revisions, records, notes, tags), as a JSON export."""
    folder = tmp_path_factory.mktemp("export")
    library = open_library(folder / "source.sqlite3")
    try:
        [issue_id] = _import(library, [SAMPLE_ISSUE])
        make_edits(library, issue_id)
        deep_edits(library, issue_id)
        [path] = _export_json(library, folder / "out")
    finally:
        library.close()
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _article_with(document: dict[str, Any], key: str) -> int:
    return next(n for n, a in enumerate(document["articles"]) if a[key])


CRAFTED: list[tuple[str, Any]] = [
    ("issue.imported_at", "2026-13-45T99:99:99Z"),
    ("articles.0.updated_at", "2026-02-30T10:00:00Z"),
    ("articles.0.updated_at", "9999-12-31T23:59:59-01:00"),
    ("articles.0.version", 2**63),
    ("articles.0.position", 2**64 + 5),
    ("notes.0.start", 2**63),
    ("articles.0.title", "\ud800"),
    ("original_text", "前\udfff后"),
]


def _set(document: dict[str, Any], where: str, value: Any) -> None:
    parts = where.split(".")
    if parts[0] == "notes":
        article = document["articles"][_article_with(document, "notes")]
        article["notes"][int(parts[1])][parts[2]] = value
        return
    target: Any = document
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    target[parts[-1]] = value


@pytest.mark.parametrize(("where", "value"), CRAFTED)
def test_each_crafted_file_is_one_clear_error_and_the_rest_of_the_batch_imports(
    document: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, value: Any
) -> None:
    crafted = copy.deepcopy(document)
    _set(crafted, where, value)
    bad = tmp_path / "a_bad.json"
    bad.write_text(json.dumps(crafted, ensure_ascii=True), encoding="utf-8")
    good = tmp_path / "b_good.json"
    good.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    status = main(["--db", str(db), "import", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert status == 1
    [line] = [line for line in err.splitlines() if line]
    assert line.startswith(f"error: {bad}: ") and "Traceback" not in err
    assert "imported " + str(good) in out and "1 imported" in out
    library = open_library(db)
    try:
        with library.session() as session:
            assert session.scalar(select(func.count()).select_from(Issue)) == 1
    finally:
        library.close()


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield (*path, n)
            yield from _leaves(item, (*path, n))


SPECIAL = [2**63, 2**63 - 1, -(2**63) - 1, 2**64, "\ud800", "a\udfffb", "2026-13-45T99:99:99Z"]
SPECIAL += ["2026-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", float("nan")]


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)


JSON_VALUES = st.sampled_from(SPECIAL) | st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(SPECIAL),
    _containers,
    max_leaves=6,
)


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = open_library(tmp_path_factory.mktemp("target") / "lib.sqlite3")
    yield library
    library.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_arbitrary_values_in_any_field_import_or_fail_cleanly(
    document: dict[str, Any], target: Library, data: st.DataObject
) -> None:
    crafted = copy.deepcopy(document)
    paths = list(_leaves(crafted))
    typed = [p for p in paths if p[-1] in TIME_KEYS or type(_at(crafted, p)) is int]  # the risky fields
    path = data.draw(st.sampled_from(typed) | st.sampled_from(paths))
    value = data.draw(JSON_VALUES)
    holder: Any = crafted
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = value
    # JSON as a file would carry it: through the encoder, so only JSON values remain
    crafted = json.loads(json.dumps(crafted))
    with target.write_session() as session, session.begin():
        before = session.scalar(select(func.count()).select_from(Issue))
        try:
            report = import_json(session, crafted)
        except JiaokanError:
            report = None
        if report is not None and report.results and report.results[0].outcome is Outcome.FAILED:
            assert session.scalar(select(func.count()).select_from(Issue)) == before
        session.rollback()
