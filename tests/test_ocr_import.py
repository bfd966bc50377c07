"""Issues imported from page scans through OCR: corpus stories set as newspaper pages by Qt, read back.

The pages (a masthead, a headline spanning three columns, a picture with its
caption, a sidebar, a two-column story on its own page) are rendered once per
session; every test imports them afresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Issue
from db.ocr_models import OcrLine
from db.original_text import read_text
from db.scan_models import ScanPage, ScanRegion
from reader.core.ocr import ocr_available
from reader.core.ocr_inputs import split_scan_inputs
from reader.core.page_layout import PageLine, PageRead, lay_out_page
from reader.core.page_layout_text import compose_text
from reader.core.rereading import edit_distance
from reader.core.segment import segment
from reader.core.segment.geometry import LineLook
from reader.services.import_ocr import import_scan_groups
from reader.services.importing import Outcome
from tests.conftest import CORPUS_DIR
from tests.newspaper_pages import Story, corpus_stories, save_page_images, save_pages_pdf, story_text

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def cer(expected: str, read: str) -> float:
    """Character error rate of ``read`` against ``expected`` (whitespace ignored)."""
    want, got = _squeeze(expected), _squeeze(read)
    return edit_distance(want, got) / max(1, len(want))


def newspaper_stories() -> list[Story]:
    corpus = sorted(CORPUS_DIR.glob("*.txt"))
    if len(corpus) < 2:
        pytest.skip(f"the corpus is not at {CORPUS_DIR}")
    first, third = corpus_stories(corpus[0].read_text(encoding="utf-8"), 2, 2)
    (sidebar,) = corpus_stories(corpus[1].read_text(encoding="utf-8"), 1, 1)
    first.picture_caption = "图为书记沙龙活动现场"
    sidebar.sidebar, sidebar.columns = True, 1
    assert sidebar.kicker  # wrapped over the lines of the narrow sidebar column: one kicker
    third.new_page, third.columns = True, 2
    return [first, sidebar, third]


@pytest.fixture(scope="session")
def rendered(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[Story], Path]]:
    """The newspaper pages as PNG files in a folder (one issue), rendered once per session."""
    stories = newspaper_stories()
    folder = tmp_path_factory.mktemp("scans") / "社区生活报-第5期"
    save_page_images(stories, folder)
    yield stories, folder


@pytest.mark.ocr
@needs_ocr
def test_pages_read_through_ocr_give_the_articles_and_titles_of_the_text(
    library: Library, rendered: tuple[list[Story], Path], record_property: pytest.RecordProperty
) -> None:
    stories, folder = rendered
    texts, groups = split_scan_inputs([folder])
    assert texts == [] and [len(group.files) for group in groups] == [2]
    progress: list[tuple[int, int]] = []
    with library.write_session() as session:
        [result] = import_scan_groups(
            session, groups, workers=2, progress=lambda d, t, _n: progress.append((d, t))
        )
    assert result.outcome is Outcome.IMPORTED, result.message
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    expected = segment(story_text(stories))
    with library.session() as session:
        issue = session.get_one(Issue, result.issue_id)
        original = read_text(session, issue.id)
        articles = list(
            session.scalars(select(Article).where(Article.issue_id == issue.id).order_by(Article.position))
        )
        page_count = session.scalar(
            select(func.count()).select_from(ScanPage).where(ScanPage.issue_id == issue.id)
        )
        lines = list(
            session.scalars(select(OcrLine).where(OcrLine.issue_id == issue.id).order_by(OcrLine.position))
        )
        blocks = list(session.scalars(select(Block).where(Block.article_id.in_([a.id for a in articles]))))
        linked = set(session.scalars(select(ScanRegion.block_id).where(ScanRegion.origin == "ocr")))
        shapes = [
            (a.title or "", [(b.role, b.text) for b in sorted(a.blocks, key=lambda b: b.position)])
            for a in articles
        ]
    # the original text is the OCR's, verbatim, and each line's span and box is kept
    assert issue.encoding == "ocr" and page_count == 2
    assert all(original[line.span_start : line.span_end].strip() for line in lines)
    assert all(0 < line.confidence <= 1 and line.w > 0 and line.h > 0 for line in lines)
    assert any(line.char_confidences for line in lines)
    # every block of every article is linked to its place on a page
    assert {block.id for block in blocks} <= linked
    # the same articles, titles and paragraphs (joined across columns) as the text import
    want = [a.title or "" for a in expected.articles]
    got = [title for title, _blocks in shapes]
    print(f"titles of the text import: {want}; of the OCR import: {got}")
    assert len(got) == len(want), (want, got)
    for title, read in zip(want, got, strict=True):
        assert cer(title, read) <= 0.15, (title, read)
    # the sidebar's kicker, wrapped over the lines of its narrow column, is one kicker over its title
    sidebar = stories[1]
    [kickers] = [
        [t for r, t in blocks if r == "kicker"]
        for title, blocks in shapes
        if title and cer(sidebar.title, title) <= 0.15
    ]
    assert len(kickers) == 1 and cer(sidebar.kicker or "", kickers[0]) <= 0.15, (sidebar.kicker, kickers)
    for text_article, (title, read_blocks) in zip(expected.articles, shapes, strict=True):
        print(
            f"{title}: text {[b.role.value for b in text_article.blocks]}, OCR {[r for r, _t in read_blocks]}"
        )
        paragraphs = [b.text for b in text_article.blocks if b.role.value == "paragraph"]
        read = [text for role, text in read_blocks if role == "paragraph"]
        assert len(read) == len(paragraphs), (paragraphs, read)
        for paragraph, found in zip(paragraphs, read, strict=True):
            assert cer(paragraph, found) <= 0.15, (paragraph, found)
    body_cer = cer(
        "".join(b.text for a in expected.articles for b in a.blocks),
        "".join(text for _title, read_blocks in shapes for _role, text in read_blocks),
    )
    record_property("ocr_cer", round(body_cer, 4))
    print(f"character error rate of the OCR import against the text: {body_cer:.1%}")
    assert body_cer <= 0.1


@pytest.mark.ocr
@needs_ocr
def test_a_cancelled_scan_import_keeps_nothing(library: Library, rendered: tuple[list[Story], Path]) -> None:
    _stories, folder = rendered
    _texts, groups = split_scan_inputs([folder])
    done: list[int] = []
    with library.write_session() as session:
        [result] = import_scan_groups(
            session,
            groups,
            workers=2,
            progress=lambda d, _t, _n: done.append(d),
            cancelled=lambda: len(done) > 1,
        )
    assert result.outcome is Outcome.CANCELLED
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
        assert session.scalar(select(func.count()).select_from(OcrLine)) == 0


@pytest.mark.ocr
@needs_ocr
def test_a_pdf_is_imported_from_the_command_line_as_one_issue(
    qapp: object, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """One issue per PDF; the OCR workers print nothing of their models (capfd: their output too)."""
    from reader.cli import main

    stories = newspaper_stories()[2:]
    stories[0].new_page = False
    pdf = save_pages_pdf(stories, tmp_path / "第6期.pdf")
    db = tmp_path / "library.sqlite3"
    assert main(["import", "--db", str(db), str(pdf)]) == 0
    out, err = capfd.readouterr()
    assert "imported 第6期.pdf: issue 1" in out and "1 imported" in out
    assert "INFO" not in out + err, err
    again = main(["import", "--db", str(db), str(pdf)])
    assert again == 0 and "skipped 第6期.pdf" in capfd.readouterr().out


def spilling_stories() -> list[Story]:
    """Four corpus stories in 2, 3, 4 and 2 columns: the third, in 11-character columns, runs on to
    the head of page 2, with the fourth, in wide columns, under it."""
    corpus = sorted(CORPUS_DIR.glob("*.txt"))
    if len(corpus) < 2:
        pytest.skip(f"the corpus is not at {CORPUS_DIR}")
    stories = [s for path in corpus for s in corpus_stories(path.read_text(encoding="utf-8"), 4, 3)][:4]
    for number, story in enumerate(stories):
        story.columns = 2 + number % 3
    return stories


@pytest.mark.ocr
@needs_ocr
def test_a_story_in_narrow_columns_running_on_to_the_next_page_is_read_as_the_text_import_reads_it(
    qapp: object, library: Library, tmp_path: Path
) -> None:
    stories = spilling_stories()
    pages = save_page_images(stories, tmp_path / "第14期")
    assert len(pages) == 2
    assert_read_as_the_text(library, tmp_path / "第14期", stories)


def assert_read_as_the_text(
    library: Library, folder: Path, stories: list[Story], title_cer: float = 0.15
) -> None:
    """Import the scans in ``folder``: the text import's articles, their titles and paragraph counts."""
    _texts, groups = split_scan_inputs([folder])
    with library.write_session() as session:
        [result] = import_scan_groups(session, groups, workers=2)
    assert result.outcome is Outcome.IMPORTED, result.message
    expected = segment(story_text(stories)).articles
    with library.session() as session:
        articles = list(
            session.scalars(
                select(Article).where(Article.issue_id == result.issue_id).order_by(Article.position)
            )
        )
        read = [
            (
                a.title or "",
                [b.text for b in sorted(a.blocks, key=lambda b: b.position) if b.role == "paragraph"],
            )
            for a in articles
        ]
    assert len(read) == len(expected), ([a.title for a in expected], [title for title, _p in read])
    for article, (title, paragraphs) in zip(expected, read, strict=True):
        assert cer(article.title or "", title) <= title_cer, (article.title, title)
        want = [b.text for b in article.blocks if b.role.value == "paragraph"]
        assert len(paragraphs) == len(want), (title, want, paragraphs)


def _page(title_size: int) -> PageRead:
    """A page: a one-line title set ``title_size`` px per character, then an indented body paragraph."""
    title = "居民们在广场上一起学习垃圾分类知识的情况介绍。"  # reads like a sentence: no text cue of a title
    body = [
        "近日社区组织居民参加垃圾分类宣传活动，大家",
        "认真听讲，积极提问，现场气氛十分热烈。社区",
        "还为居民准备了分类垃圾桶和宣传手册。",
    ]
    lines = [PageLine(title, (40, 40, title_size * len(title), round(title_size * 1.12)), 0.98)]
    for row, text in enumerate(body):
        left = 40 + (60 if row == 0 else 0)
        lines.append(PageLine(text, (left, 140 + row * 44, 30 * len(text), 34), 0.99))
    return PageRead(1400, 600, tuple(lines))


def test_only_the_page_geometry_makes_a_sentence_like_line_a_title() -> None:
    large = compose_text([lay_out_page(_page(48))])
    plain = compose_text([lay_out_page(_page(30))])
    assert large.text == plain.text  # the same text: only the size the title is set in differs
    geometry = {line.start: LineLook(line.role.value, line.size) for line in large.lines}
    with_geometry = segment(large.text, geometry)
    assert with_geometry.articles[0].title == "居民们在广场上一起学习垃圾分类知识的情况介绍。"
    assert segment(large.text).articles[0].title is None  # the text alone does not tell
