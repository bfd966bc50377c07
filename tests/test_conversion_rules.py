"""Names kept as written through script conversion, and the user's conversion list (real OpenCC)."""

from __future__ import annotations

import csv
import io
import pickle
from pathlib import Path

import pytest

from db.engine import Library
from reader.cli import main
from reader.core.conversion_rules import ConversionRules
from reader.core.exporters.options import ExportFormat, ExportOptions
from reader.core.script import Script, convert
from reader.services import tagging
from reader.services.conversion import (
    ConversionListError,
    Phrase,
    conversion_rules,
    export_conversion_list,
    import_conversion_list,
    set_phrases,
    set_protected_names,
)
from reader.services.exporting import preview
from reader.services.importing import import_files

TEXT = "群众日报\n\n李群同志并为群众服务\n\n记者 王干\n\n李群说，张家口的干部并为群众办实事。\n"


def test_opencc_changes_the_names_without_rules() -> None:
    assert convert("李群同志并为群众服务", Script.TRADITIONAL) == "李羣同志併爲羣衆服務"


def test_names_are_kept_and_phrases_replaced() -> None:
    rules = ConversionRules(["李群"], {"traditional": {"并为": "並為"}, "tw": {"併為": "並為"}})
    assert convert("李群同志并为群众服务", Script.TRADITIONAL, rules) == "李群同志並為羣衆服務"
    # a phrase written as OpenCC's result is replaced after conversion
    assert convert("李群同志并为群众服务", Script.TAIWAN, rules) == "李群同志並為群眾服務"
    assert convert("李群同志并为群众服务", Script.ORIGINAL, rules) == "李群同志并为群众服务"
    assert convert("李群英", Script.TRADITIONAL, ConversionRules(["李群", "李群英"])) == "李群英"


def test_rules_survive_a_worker_process_round_trip() -> None:
    rules = ConversionRules(["李群"], {"hk": {"并为": "並為"}})
    again = pickle.loads(pickle.dumps(rules))
    assert convert("李群并为", Script.HONGKONG, again) == "李群並為"


@pytest.fixture
def issue(library: Library, tmp_path: Path) -> int:
    path = tmp_path / "qun.txt"
    path.write_text(TEXT, encoding="utf-8")
    with library.write_session() as session:
        [result] = import_files(session, [path]).results
    assert result.issue_id is not None
    return result.issue_id


def _article_ids(library: Library, issue_id: int) -> list[int]:
    from reader.services.library import list_articles

    with library.session() as session:
        return [a.id for a in list_articles(session, issue_id)]


def test_person_tags_and_the_user_list_are_kept_in_every_converted_export(
    library: Library, issue: int
) -> None:
    with library.writing() as session:
        tagging.add_tag(session, _article_ids(library, issue)[:1], "李群", kind="person", author="t")
        tagging.add_tag(session, _article_ids(library, issue)[:1], "群众", kind="topic", author="t")
        set_protected_names(session, ["张家口"])
        set_phrases(session, [Phrase("traditional", "并为", "並為")])
    with library.session() as session:
        text = preview(session, ExportOptions(script=Script.TRADITIONAL))
        md = preview(session, ExportOptions(format=ExportFormat.MD, script=Script.TRADITIONAL))
        table = preview(session, ExportOptions(format=ExportFormat.CSV, script=Script.TRADITIONAL))
        taiwan = preview(session, ExportOptions(script=Script.TAIWAN))
    for out in (text, md):
        assert "李群同志並為羣衆服務" in out
        assert "張家口" not in out and "张家口" in out
    rows = list(csv.DictReader(io.StringIO(table.lstrip("\ufeff"), newline="")))
    assert any("李群" in row["text"] and "並為" in row["text"] for row in rows)
    assert "羣衆" in rows[0]["topic"] or "群眾" in rows[0]["topic"]  # a topic is no name: converted
    assert "李群" in taiwan and "併為" in taiwan  # the phrase was for OpenCC's standard only


def test_the_conversion_list_exports_and_imports(library: Library) -> None:
    with library.writing() as session:
        set_protected_names(session, ["李群", " ", "王干"])
        set_phrases(session, [Phrase("tw", "并为", "並為")])
        data = export_conversion_list(session)
    assert data == {
        "protected_names": ["李群", "王干"],
        "conversions": [{"script": "tw", "phrase": "并为", "replacement": "並為"}],
    }
    with library.writing() as session:
        set_protected_names(session, [])
        set_phrases(session, [Phrase("hk", "干部", "幹部")])
        assert import_conversion_list(session, data) == (2, 1)
        rules = conversion_rules(session)
    assert rules.keep == {"李群", "王干"}
    assert rules.phrases == {"hk": {"干部": "幹部"}, "tw": {"并为": "並為"}}
    with library.writing() as session, pytest.raises(ConversionListError, match="unknown script"):
        import_conversion_list(
            session, {"conversions": [{"script": "xx", "phrase": "a", "replacement": "b"}]}
        )
    with library.session() as session:
        assert conversion_rules(session).phrases == rules.phrases  # the failed import changed nothing


def test_the_cli_says_when_script_does_not_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import SAMPLE_ISSUE

    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", "--db", db, str(SAMPLE_ISSUE)]) == 0
    capsys.readouterr()
    for fmt in ("json", "tei"):
        assert (
            main(["export", "--db", db, "--format", fmt, "--script", "tw", "--out", str(tmp_path / fmt)]) == 0
        )
        assert f"--script tw is ignored: {fmt} exports" in capsys.readouterr().err
    assert (
        main(["export", "--db", db, "--format", "txt", "--script", "tw", "--out", str(tmp_path / "t")]) == 0
    )
    assert "ignored" not in capsys.readouterr().err
    assert main(["export", "--db", db, "--format", "csv", "--no-text", "--out", str(tmp_path / "c")]) == 0
    header = (tmp_path / "c" / "sample_issue.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("open_notes")
