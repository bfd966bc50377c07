"""The lossless JSON export: its schema, the round trip into an empty library, conflicts, bad files."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import func, select, update

from db.editing_models import ChangeRecord, Note, Revision
from db.engine import Library
from db.integrity import verify_hashes
from db.models import Article, Block, Issue
from db.opening import open_library
from db.tagging_models import ArticleTag, Tag
from reader.core.exporters.options import ExportFormat, ExportOptions
from reader.core.exporters.schema_check import Validator
from reader.services import notes, segmentation_edits, tagging
from reader.services.exporting import ExportScope, export
from reader.services.importing import Outcome, import_files
from reader.services.json_import import JsonImportError, import_json, read_documents, schema_path
from reader.services.review import set_status
from reader.services.searching import search
from reader.services.segmentation_rows import issue_coverage
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE
from tests.test_export_formats import make_edits

pytestmark = pytest.mark.both_engines

VOLATILE = frozenset({"id", "issue_id", "imported_at", "updated_at", "time", "added_at"})
"""Ids and timestamps: the only keys the round trip may change."""


def normalised(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: None if k in VOLATILE else normalised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    return value


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return loaded


def assert_schema_valid(document: Any) -> None:
    jsonschema.Draft202012Validator(schema()).validate(document)
    assert Validator(schema()).errors(document) == []


def deep_edits(library: Library, issue_id: int) -> None:
    """Beyond ``make_edits``: a segmentation edit, a resolved note, an orphaned note, a nested colour tag."""
    with library.writing() as session:
        articles = list(
            session.scalars(select(Article).where(Article.issue_id == issue_id).order_by(Article.position))
        )
        last = articles[-1]
        paragraph = next(
            b for b in article_blocks(session, last.id) if b.role == "paragraph" and len(b.text) > 12
        )
        segmentation_edits.split_block(session, paragraph.id, 6, author="张三")
        first = articles[0]
        block = next(b for b in article_blocks(session, first.id) if len(b.text) > 12)
        resolved = notes.add_note(session, first.id, block.id, 0, 3, "已核", author="王五")
        notes.resolve_note(session, resolved.id)
        notes.add_note(session, first.id, block.id, 5, 9, "会被删掉", author="王五")
        texts = {block.id: block.text[:4] + block.text[10:]}
        save_article_text(session, first.id, texts, author="王五", base_version=first.version)
        set_status(session, [first.id], "approved", author="王五")
        tag = tagging.add_tag(session, [first.id], "社区/党建/书记工作室", kind="organisation", author="王五")
        tagging.set_colour(session, tag.tag_id, "#aa3300")


def _import(library: Library, files: list[Path]) -> list[int]:
    with library.write_session() as session:
        report = import_files(session, files)
    return [r.issue_id for r in report.imported if r.issue_id is not None]


def _export_json(library: Library, out: Path, **options: Any) -> list[Path]:
    with library.session() as session:
        return export(session, out, ExportOptions(format=ExportFormat.JSON, **options)).files


def _round_trip(tmp_path: Path, files: list[Path]) -> None:
    source = open_library(tmp_path / "source.sqlite3")
    target = open_library(tmp_path / "target.sqlite3")
    try:
        for issue_id in _import(source, files):
            make_edits(source, issue_id)
            deep_edits(source, issue_id)
        first = _export_json(source, tmp_path / "first")
        documents = [json.loads(p.read_text(encoding="utf-8")) for p in first]
        for document in documents:
            assert_schema_valid(document)
            assert document["version"] == 2 and document["complete"] is True
            edited = [a for a in document["articles"] if a["revisions"]]
            assert edited and any(a["corrections"]["records"] for a in edited)
            assert any(n["resolved"] for a in document["articles"] for n in a["notes"])
            assert any(n["orphaned"] for a in document["articles"] for n in a["notes"])
            assert any(r["reason"] == "segmentation" for a in edited for r in a["revisions"])
            assert {t["path"] for t in document["tags"]} >= {
                "社区",
                "社区/党建",
                "社区/党建/书记工作室",
                "浦东",
            }
        with target.write_session() as session:
            for path in first:
                report = import_json(session, path)
                assert [r.outcome for r in report.results] == [Outcome.IMPORTED], report.results
        second = _export_json(target, tmp_path / "second")
        assert [p.name for p in second] == [p.name for p in first]
        for before, after in zip(first, second, strict=True):
            again = json.loads(after.read_text(encoding="utf-8"))
            assert_schema_valid(again)
            assert normalised(again) == normalised(json.loads(before.read_text(encoding="utf-8")))
        with target.session() as session:
            for issue_id in session.scalars(select(Issue.id)):
                assert issue_coverage(session, issue_id) == []
            assert verify_hashes(session) == []
            assert search(session, "〔校〕")  # the search index knows the imported text
            colour = session.scalar(select(Tag.colour).where(Tag.name == "书记工作室"))
            assert colour == "#aa3300"
    finally:
        source.close()
        target.close()


def test_round_trip_of_the_sample_into_an_empty_library(tmp_path: Path) -> None:
    _round_trip(tmp_path, [SAMPLE_ISSUE])


@pytest.mark.corpus
def test_round_trip_of_the_corpus_into_an_empty_library(tmp_path: Path, corpus_files: list[Path]) -> None:
    _round_trip(tmp_path, [SAMPLE_ISSUE, *corpus_files])


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# ------------------------------------------------------------------------------------- conflicts


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> Iterator[tuple[Library, Path]]:
    [issue_id] = _import(library, [SAMPLE_ISSUE])
    make_edits(library, issue_id)
    [path] = _export_json(library, tmp_path / "out")
    yield library, path


def _counts(library: Library) -> dict[str, int]:
    with library.session() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Issue, Article, Block, Revision, ChangeRecord, Note, ArticleTag, Tag)
        }


def test_skip_reports_the_issue_already_there(exported: tuple[Library, Path]) -> None:
    library, path = exported
    before = _counts(library)
    with library.write_session() as session:
        [result] = import_json(session, path, on_conflict="skip").results
    assert result.outcome is Outcome.DUPLICATE and "already in the library as issue 1" in result.message
    assert _counts(library) == before


def test_replace_swaps_the_issue_for_the_files(exported: tuple[Library, Path]) -> None:
    library, path = exported
    document = json.loads(path.read_text(encoding="utf-8"))
    document["articles"][0]["status"] = "approved"
    before = _counts(library)
    with library.write_session() as session:
        [result] = import_json(session, document, on_conflict="replace").results
    assert result.outcome is Outcome.IMPORTED and result.message == "replaced issue 1"
    assert _counts(library) == before
    with library.session() as session:
        [issue] = session.scalars(select(Issue))  # the old issue is gone
        assert issue.id == result.issue_id
        statuses = session.scalars(select(Article.status).where(Article.issue_id == issue.id))
        assert "approved" in set(statuses)
        assert len(search(session, "梅园街道河长制")) == 1  # the old issue's index rows are gone


def test_copy_keeps_both_with_a_derived_hash(exported: tuple[Library, Path], tmp_path: Path) -> None:
    library, path = exported
    with library.write_session() as session:
        [first] = import_json(session, path, on_conflict="copy").results
        [second] = import_json(session, path, on_conflict="copy").results
    assert first.outcome is second.outcome is Outcome.IMPORTED
    with library.session() as session:
        hashes = sorted(session.scalars(select(Issue.sha256)))
    base = hashlib.sha256(SAMPLE_ISSUE.read_text(encoding="utf-8").encode("utf-8")).hexdigest()
    assert hashes == sorted([base, f"{base}:copy-2", f"{base}:copy-3"])
    with library.session() as session:
        copy_path = export(
            session,
            tmp_path / "copy",
            ExportOptions(format=ExportFormat.JSON),
            ExportScope(issue_ids=[first.issue_id]),
        ).files[0]
    fresh = open_library(tmp_path / "fresh.sqlite3")
    try:
        with fresh.write_session() as session:
            [again] = import_json(session, copy_path).results
        assert again.outcome is Outcome.IMPORTED
    finally:
        fresh.close()


def test_tags_are_found_by_name_in_any_script(exported: tuple[Library, Path], tmp_path: Path) -> None:
    _, path = exported
    other = open_library(tmp_path / "other.sqlite3")
    try:
        [issue_id] = _import(other, [SAMPLE_ISSUE])
        with other.writing() as session:
            article = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).first()
            assert article is not None
            tagging.add_tag(session, [article], "陸家嘴", kind="place", author="x")
            tagging.add_tag(session, [article], "河長制", kind="topic", author="x")
        with other.write_session() as session:
            [result] = import_json(session, path, on_conflict="copy").results
        assert result.outcome is Outcome.IMPORTED
        with other.session() as session:
            names = sorted(session.scalars(select(Tag.name)))
        assert names == sorted(["陸家嘴", "河長制", "陈思远", "浦东"])
    finally:
        other.close()


def test_a_single_file_bundle_imports_every_issue(library: Library, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("标题\n\n第二期正文。\n", encoding="utf-8")
    _import(library, [SAMPLE_ISSUE, second])
    [bundle] = _export_json(library, tmp_path / "out", single_file=True)
    assert_schema_valid(json.loads(bundle.read_text(encoding="utf-8")))
    fresh = open_library(tmp_path / "fresh.sqlite3")
    try:
        with fresh.write_session() as session:
            report = import_json(session, bundle)
        assert [r.outcome for r in report.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    finally:
        fresh.close()


# ------------------------------------------------------------------------------------- bad files


def _refused(library: Library, source: Path | dict[str, Any], reason: str) -> None:
    before = _counts(library)
    with library.write_session() as session:
        [result] = import_json(session, source).results
    assert result.outcome is Outcome.FAILED
    assert reason in result.message, result.message
    assert _counts(library) == before


def test_bad_files_are_refused_with_the_reason_and_nothing_stored(
    exported: tuple[Library, Path], tmp_path: Path
) -> None:
    library, path = exported
    document = json.loads(path.read_text(encoding="utf-8"))
    document["issue"]["sha256"] = document["issue"]["sha256"][::-1]  # no conflict, so checks decide
    broken = tmp_path / "broken.json"
    broken.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    _refused(library, broken, "not valid JSON")
    _refused(library, tmp_path / "missing.json", "cannot read the file")

    def variant(change: Any) -> dict[str, Any]:
        changed = copy.deepcopy(document)
        change(changed)
        return changed

    _refused(library, variant(lambda d: d["articles"][0].pop("blocks")), "'blocks' is missing")
    _refused(library, variant(lambda d: d.update(version=1)), "at /version")
    _refused(library, variant(lambda d: d["articles"][0].update(status="done")), "not one of")
    _refused(library, document, "not the SHA-256 of original_text")
    good_hash = hashlib.sha256(document["original_text"].encode("utf-8")).hexdigest()

    def rehash(d: dict[str, Any]) -> None:
        d["issue"]["sha256"] = good_hash

    def drop_leftover(d: dict[str, Any]) -> None:
        rehash(d)
        d["leftovers"].pop(0)

    def partial(d: dict[str, Any]) -> None:
        rehash(d)
        d["complete"] = False

    def bad_note(d: dict[str, Any]) -> None:
        rehash(d)
        next(a for a in d["articles"] if a["notes"])["notes"][0]["block"] = 99

    with library.writing() as session:  # free the hash, so the checks (not the conflict) decide
        session.execute(update(Issue).values(sha256="0" * 64))
    _refused(library, variant(drop_leftover), "do not cover the original exactly once")
    _refused(library, variant(partial), "only some of the issue's articles")
    _refused(library, variant(bad_note), "block 99 does not exist")
    bundle = {"format": "jiaokan-issues", "version": 2, "issues": [variant(rehash), variant(partial)]}
    _refused(library, bundle, "issue 2 of the bundle")


def test_the_small_validator_agrees_with_jsonschema(exported: tuple[Library, Path]) -> None:
    _, path = exported
    document = json.loads(path.read_text(encoding="utf-8"))
    full = jsonschema.Draft202012Validator(schema())
    small = Validator(schema())
    mutations = [
        lambda d: d.pop("tags"),
        lambda d: d.update(extra=1),
        lambda d: d["issue"].update(char_count=-1),
        lambda d: d["issue"].update(imported_at="yesterday"),
        lambda d: d["articles"][0]["span"].append(3),
        lambda d: d["articles"][0].update(version=True),
        lambda d: d["articles"][0]["blocks"][0].update(role="leftover"),
        lambda d: d["articles"][0].update(future_feature={"ok": True}),  # articles may grow keys
        lambda d: d["tags"].append(
            {"path": "a/b", "name": "a/b", "kind": "topic", "colour": None, "parent": None}
        ),
        lambda d: d.update(format="jiaokan-issues"),
    ]
    for mutate in mutations:
        changed = copy.deepcopy(document)
        mutate(changed)
        assert full.is_valid(changed) == (small.errors(changed) == []), changed.keys()


def test_read_documents_raises_for_a_non_export(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}', encoding="utf-8")
    with pytest.raises(JsonImportError, match="not a Jiaokan issue export"):
        read_documents(other)
