"""Importing issue files: all or nothing per file, duplicates, bad files, spans kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Contributor, Issue, Leftover
from db.original_text import read_text
from reader.services.importing import Outcome, import_files
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines


def _counts(library: Library) -> dict[str, int]:
    with library.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Issue, Article, Block, Contributor, Leftover)
        }


def test_sample_issue_imports_with_articles_blocks_and_people(library: Library) -> None:
    with library.write_session() as session:
        report = import_files(session, [SAMPLE_ISSUE])
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED]
    counts = _counts(library)
    assert counts["issue"] == 1
    assert counts["article"] >= 4
    assert counts["contributor"] >= 3
    with library.session() as session:
        issue = session.scalars(select(Issue)).one()
        assert read_text(session, issue.id) == SAMPLE_ISSUE.read_text(encoding="utf-8")
        assert issue.encoding == "utf-8"
        assert issue.source_stem == "sample_issue"
        titles = list(session.scalars(select(Article.title).order_by(Article.position)))
        assert "梅园街道河长制工作再上新台阶" in titles


def test_reimporting_the_same_content_is_skipped_not_duplicated(library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "copy with another name.txt"
    # same text, other encoding and line ends: same decoded content
    copy.write_bytes(SAMPLE_ISSUE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    with library.write_session() as session:
        first = import_files(session, [SAMPLE_ISSUE])
        second = import_files(session, [copy])
    assert first.results[0].outcome is Outcome.IMPORTED
    assert second.results[0].outcome is Outcome.DUPLICATE
    assert second.ok
    assert f"issue {first.results[0].issue_id}" in second.results[0].message
    assert _counts(library)["issue"] == 1


def test_bad_files_are_refused_by_name_and_the_rest_imported(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n \t\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    good = tmp_path / "good.txt"
    good.write_text("社区新闻标题\n\n这是第一段正文,讲述社区里的一件好事。\n", encoding="utf-8")
    with library.write_session() as session:
        report = import_files(session, [empty, blank, binary, good, tmp_path / "missing.txt"])
    outcomes = {Path(r.path).name: r for r in report.results}
    assert outcomes["good.txt"].outcome is Outcome.IMPORTED
    for name in ("empty.txt", "blank.txt", "photo.txt", "missing.txt"):
        assert outcomes[name].outcome is Outcome.FAILED, name
        assert outcomes[name].message
    assert not report.ok
    assert _counts(library)["issue"] == 1


def test_a_folder_is_imported_recursively(library: Library, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("第一期标题\n\n正文一段。\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("第二期标题\n\n正文二段。\n", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("not an issue", encoding="utf-8")
    with library.write_session() as session:
        report = import_files(session, [tmp_path / "a"])
    assert sorted(Path(r.path).name for r in report.imported) == ["one.txt", "two.txt"]


def test_cancelling_keeps_whole_files_only(library: Library, tmp_path: Path) -> None:
    paths = []
    for i in range(6):
        path = tmp_path / f"issue{i}.txt"
        path.write_text(f"标题{i}\n\n正文第{i}段,内容不同。\n", encoding="utf-8")
        paths.append(path)
    calls = 0

    def cancel_after_two() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with library.write_session() as session:
        report = import_files(session, paths, cancelled=cancel_after_two, batch_size=4)
    assert len(report.imported) == 2
    assert len(report.cancelled) == 4
    with library.session() as session:
        names = set(session.scalars(select(Issue.source_name)))
        assert names == {"issue0.txt", "issue1.txt"}
        # every imported issue is complete
        for issue in session.scalars(select(Issue)):
            assert issue.articles and all(a.blocks for a in issue.articles)


def test_progress_reports_every_file(library: Library, tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"p{i}.txt"
        path.write_text(f"标题{i}\n\n正文{i}。\n", encoding="utf-8")
        paths.append(path)
    seen: list[tuple[int, int, str]] = []
    with library.write_session() as session:
        import_files(session, paths, progress=lambda d, t, n: seen.append((d, t, n)))
    assert seen == [(0, 3, "p0.txt"), (1, 3, "p1.txt"), (2, 3, "p2.txt"), (3, 3, "")]


def test_corpus_spans_point_into_the_stored_original(library: Library, corpus_files: list[Path]) -> None:
    with library.write_session() as session:
        report = import_files(session, corpus_files)
    assert len(report.imported) == 3
    with library.session() as session:
        for issue in session.scalars(select(Issue)):
            original = read_text(session, issue.id)
            for article in issue.articles:
                assert original[article.span_start : article.span_end].strip()
                for block in article.blocks:
                    assert "".join(original[s:e] for s, e in block.pieces) == block.text
            for leftover in issue.leftovers:
                assert original[leftover.span_start : leftover.span_end] == leftover.text


def test_parallel_preparation_stores_the_same_as_serial(tmp_path: Path) -> None:
    """Decoding and segmenting in worker processes changes nothing in what is stored."""
    from db.opening import open_library
    from tests.test_import_ahead import issue_folder

    folder = issue_folder(tmp_path)
    snapshots = []
    for workers in (0, 1):
        lib = open_library(tmp_path / f"lib{workers}.sqlite3")
        with lib.write_session() as session:
            report = import_files(session, [folder], workers=workers)
        assert [r.outcome for r in report.results].count(Outcome.FAILED) == 1
        with lib.session() as session:
            snapshots.append(
                [
                    (b.article.issue.source_name, b.role, b.text, b.pieces)
                    for b in session.scalars(select(Block).order_by(Block.id))
                ]
            )
        lib.close()
    assert snapshots[0] == snapshots[1]
    assert any(text.endswith("提高学习理论知识的主动性。") for _, _, text, _ in snapshots[0])


def test_block_pieces_are_stored_as_json_would_write_them() -> None:
    from reader.core.preparing import _pieces_json

    for pieces in [((0, 5),), ((12, 400), (402, 9000), (9001, 9002)), ()]:
        assert _pieces_json(pieces) == json.dumps([list(p) for p in pieces])
        assert json.loads(_pieces_json(pieces)) == [list(p) for p in pieces]
