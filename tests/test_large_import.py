"""Large files are imported streamed: as the whole-file path does, with progress and cancel, never half-kept.

The thresholds are lowered so that a file of a few hundred kilobytes takes
the streamed path (in several stored pieces and segmentation sections);
``bench/large_import_bench.py`` imports a real 200 MB file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Contributor, Issue, IssueText, Leftover
from db.opening import open_library
from db.original_text import read_text, read_window
from db.safety_models import ArticleHash
from reader.core import preparing
from reader.core.segment import sections
from reader.services import importing
from reader.services.importing import Outcome, import_files
from reader.services.searching import matching_ids
from tests.conftest import SAMPLE_ISSUE

THRESHOLD = 64 * 1024


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files over 64 KiB are streamed, segmented in sections of 20,000 characters."""
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", THRESHOLD)
    monkeypatch.setattr(sections, "SECTION_CHARS", 20_000)


def _big_file(folder: Path, corpus_files: list[Path], copies: int, name: str = "合订本 2019.txt") -> Path:
    """The sample issue, then the corpus issues ``copies`` times, as one CRLF file."""
    issues = [SAMPLE_ISSUE.read_text(encoding="utf-8")]
    issues += [p.read_text(encoding="utf-8") for p in corpus_files] * copies
    path = folder / name
    path.write_bytes("\n\n".join(issues).replace("\n", "\r\n").encode("utf-8"))
    return path


def _rows(library: Library) -> dict[str, Any]:
    """Everything the importer stores for the library's one issue, without ids and times."""
    with library.session() as session:
        issue = session.scalars(select(Issue)).one()
        articles = list(
            session.scalars(select(Article).where(Article.issue_id == issue.id).order_by(Article.position))
        )
        ids = {a.id: a.position for a in articles}
        blocks = session.execute(
            select(Block.article_id, Block.position, Block.role, Block.text, Block.pieces).order_by(
                Block.article_id, Block.position
            )
        )
        people = session.execute(
            select(Contributor.article_id, Contributor.position, Contributor.name, Contributor.role).order_by(
                Contributor.article_id, Contributor.position
            )
        )
        hashes = session.execute(
            select(ArticleHash.article_id, ArticleHash.sha256).order_by(ArticleHash.article_id)
        )
        leftovers = session.execute(
            select(Leftover.position, Leftover.kind, Leftover.text, Leftover.span_start, Leftover.span_end)
            .where(Leftover.issue_id == issue.id)
            .order_by(Leftover.position)
        )
        hits = matching_ids(session, "社区")
        return {
            "issue": (issue.source_name, issue.sha256, issue.encoding, issue.char_count, issue.title),
            "text": read_text(session, issue.id),
            "articles": [
                (
                    a.position,
                    a.section,
                    a.kicker,
                    a.title,
                    a.subtitle,
                    a.byline,
                    a.source,
                    a.span_start,
                    a.span_end,
                )
                for a in articles
            ],
            "blocks": [(ids[aid], pos, role, text, pieces) for aid, pos, role, text, pieces in blocks],
            "people": [(ids[aid], pos, name, role) for aid, pos, name, role in people],
            "hashes": [(ids[aid], digest) for aid, digest in hashes],
            "leftovers": [tuple(row) for row in leftovers],
            "hits": sorted(ids[hit] for hit in hits),
        }


def _import(library: Library, *paths: Path, **options: Any) -> importing.ImportReport:
    with library.write_session() as session:
        return import_files(session, list(paths), **options)


def _counts(library: Library) -> tuple[int, ...]:
    with library.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Issue, IssueText, Article, Block, Leftover)
        )


def test_a_streamed_file_gives_the_library_the_whole_file_path_gives(
    tmp_path: Path, corpus_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _big_file(tmp_path, corpus_files, copies=36)
    assert path.stat().st_size > 12 * THRESHOLD
    whole = open_library(tmp_path / "whole.sqlite3")
    [result] = _import(whole, path).results
    assert result.outcome is Outcome.IMPORTED
    expected = _rows(whole)
    whole.close()

    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", THRESHOLD)
    monkeypatch.setattr(sections, "SECTION_CHARS", 20_000)
    streamed = open_library(tmp_path / "streamed.sqlite3")
    progress: list[tuple[int, int]] = []
    [result] = _import(
        streamed, path, file_progress=lambda done, total: progress.append((done, total))
    ).results
    assert result.outcome is Outcome.IMPORTED
    assert result.articles == len(expected["articles"]) > 100
    assert result.characters == len(expected["text"])
    got = _rows(streamed)
    assert got["text"] == path.read_text(encoding="utf-8")  # CRLF read as LF, as the whole-file path does
    for key in expected:
        assert got[key] == expected[key], key
    with streamed.session() as session:
        issue_id = session.scalars(select(Issue.id)).one()
        pieces = session.scalar(select(func.count()).select_from(IssueText)) or 0
        assert pieces >= 2, "a text this long is stored in more than one piece"
        article = session.scalars(
            select(Article).where(Article.issue_id == issue_id).order_by(Article.position.desc())
        ).first()
        assert article is not None
        window = read_window(session, issue_id, article.span_start, article.span_end)
        assert window.text == got["text"][article.span_start : article.span_end]
    streamed.close()

    size = path.stat().st_size
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert progress[-1] == (3 * size, 3 * size) and {t for _, t in progress} == {3 * size}


@pytest.mark.usefixtures("streamed")
def test_cancelling_midway_through_a_streamed_file_keeps_none_of_it(
    library: Library, tmp_path: Path, corpus_files: list[Path]
) -> None:
    before = tmp_path / "a_small.txt"
    before.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8"), encoding="utf-8")
    big = _big_file(tmp_path, corpus_files, copies=36, name="b_big.txt")
    after = tmp_path / "c_after.txt"
    after.write_text(corpus_files[0].read_text(encoding="utf-8"), encoding="utf-8")
    size = big.stat().st_size
    stop = False

    def file_progress(done: int, total: int) -> None:
        nonlocal stop
        stop = stop or done > 2.5 * size  # in the third pass, with text and articles already written

    report = _import(library, before, big, after, file_progress=file_progress, cancelled=lambda: stop)
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED, Outcome.CANCELLED, Outcome.CANCELLED]
    assert report.results[1].path == str(big)
    with library.session() as session:
        assert list(session.scalars(select(Issue.source_name))) == [before.name]
        assert read_text(session, report.results[0].issue_id or 0) == before.read_text(encoding="utf-8")
    assert _counts(library)[:2] == (1, 1)
    again = _import(library, big, after)  # nothing of the cancelled file stands in the way
    assert [r.outcome for r in again.results] == [Outcome.IMPORTED, Outcome.IMPORTED]


@pytest.mark.usefixtures("streamed")
def test_a_bad_byte_near_the_end_is_refused_by_offset_and_the_rest_imported(
    library: Library, tmp_path: Path, corpus_files: list[Path]
) -> None:
    big = _big_file(tmp_path, corpus_files, copies=36, name="坏 字节.txt")
    data = bytearray(big.read_bytes())
    bad_at = len(data) - 1000
    while data[bad_at] >= 0x80:  # not inside a character
        bad_at += 1
    data[bad_at] = 0xFF
    big.write_bytes(bytes(data))
    [failed, imported] = _import(library, big, SAMPLE_ISSUE).results
    assert failed.outcome is Outcome.FAILED and failed.path == str(big)
    assert f"at byte {bad_at:,}" in failed.message
    assert imported.outcome is Outcome.IMPORTED
    assert _counts(library)[:2] == (1, 1)


@pytest.mark.usefixtures("streamed")
def test_a_streamed_file_imported_twice_is_a_duplicate(
    library: Library, tmp_path: Path, corpus_files: list[Path]
) -> None:
    big = _big_file(tmp_path, corpus_files, copies=10)
    [first] = _import(library, big).results
    counts = _counts(library)
    [second] = _import(library, big).results
    assert second.outcome is Outcome.DUPLICATE and second.issue_id == first.issue_id
    assert _counts(library) == counts
    # and the same text read whole is the same issue
    small = tmp_path / "same.txt"
    small.write_bytes(big.read_bytes())
    [third] = _import(library, small).results
    assert third.outcome is Outcome.DUPLICATE


def test_a_large_file_among_many_is_streamed_while_workers_prepare_the_rest(
    library: Library, tmp_path: Path, corpus_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes never see large files: they are streamed by the storing process, in input order."""
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", THRESHOLD)
    text = SAMPLE_ISSUE.read_text(encoding="utf-8")
    files = []
    for n in range(importing.PARALLEL_THRESHOLD + 2):
        path = tmp_path / f"issue_{n:02d}.txt"
        path.write_text(text + f"\n本期编号 {n} 号。\n", encoding="utf-8")
        files.append(path)
    files.insert(5, _big_file(tmp_path, corpus_files, copies=12))
    report = _import(library, *files, workers=1)
    assert [r.path for r in report.results] == [str(p) for p in files]
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED] * len(files)
    with library.session() as session:
        big_id = report.results[5].issue_id or 0
        assert read_text(session, big_id) == files[5].read_text(encoding="utf-8")
