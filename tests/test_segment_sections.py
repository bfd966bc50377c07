"""Sectioned segmentation: a long issue read as pieces gives what segment() gives on the whole text.

Equal results are checked on the corpus and sample issues repeated, on a
synthetic archive, on generated issues and on constructed cases near each
condition that decides where a section may be cut; nothing lost on any text;
memory bounded by the section size, not by the input's length.

Where the results may differ from ``segment()`` (each shown by a test below):

- the usual gap: ``segment()`` takes the most common number of blank lines
  between blocks over the whole text, a one-pass reader over the text read so
  far; when the two differ, runs of blank lines are judged breaks differently
  (``usual_gap=scan_usual_gap(...)`` removes the difference);
- the masthead date: ``segment()`` reads it from the first masthead line
  anywhere in the issue, sections only from the first section (title and date
  are only ever set on the first section);
- at the cap (``MAX_GROWTH × section_chars``, reached only when that is too
  short for an article and the lines after it) the buffer is cut where it can
  be: an article may then be split in two, a line longer than the cap
  mid-line.  Nothing is lost either way.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synth import build_archive
from reader.core.coverage import check_coverage
from reader.core.model import LeftoverKind, ParsedArticle, ParsedLeftover, ParsedSection, Role
from reader.core.segment import SECTION_CHARS, scan_usual_gap, segment, segment_sections
from reader.core.segment.furniture import masthead_date
from reader.core.segment.lines import scan_content_lines, typical_gap
from reader.core.segment.pipeline import run_pipeline
from reader.core.segment.sections import MAX_GROWTH
from tests.conftest import REPO, SAMPLE_ISSUE
from tests.test_segment_coverage import PUNCTUATED, issues

Combined = tuple[list[ParsedArticle], list[ParsedLeftover], str | None, str | None]


def pieces_of(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of ``size`` characters."""
    for start in range(0, len(text), size):
        yield text[start : start + size]


def combine(sections: Iterable[ParsedSection]) -> Combined:
    """All sections' articles and leftovers, and the title and date (only ever on the first section)."""
    articles: list[ParsedArticle] = []
    leftovers: list[ParsedLeftover] = []
    title = date = None
    for number, section in enumerate(sections):
        articles += section.articles
        leftovers += section.leftovers
        if number == 0:
            title, date = section.title, section.date
        else:
            assert section.title is None and section.date is None
    return articles, leftovers, title, date


def assert_nothing_lost(text: str, combined: Combined) -> None:
    """Every visible character covered once, blocks' text unchanged, articles and leftovers in text order."""
    articles, leftovers, _, _ = combined
    blocks = [[block.pieces for block in article.blocks] for article in articles]
    assert check_coverage(text, blocks, [left.span for left in leftovers]) == []
    for article in articles:
        for block in article.blocks:
            assert block.text == "".join(text[start:end] for start, end in block.pieces)
    for left in leftovers:
        assert left.text == text[left.span[0] : left.span[1]]
    for spans in ([a.span for a in articles], [left.span for left in leftovers]):
        assert all(one[1] <= two[0] for one, two in pairwise(spans))


def sectioned(text: str, section_chars: int, piece_chars: int, usual_gap: int | None = None) -> Combined:
    combined = combine(
        segment_sections(pieces_of(text, piece_chars), section_chars=section_chars, usual_gap=usual_gap)
    )
    assert_nothing_lost(text, combined)
    return combined


def whole(text: str) -> Combined:
    parsed = segment(text)
    return parsed.articles, parsed.leftovers, parsed.title, parsed.date


def assert_same_as_segment(text: str, section_chars: int, piece_chars: int) -> None:
    sections = list(segment_sections(pieces_of(text, piece_chars), section_chars=section_chars))
    assert len(sections) > 1 or len(text) < section_chars
    combined = combine(sections)
    assert_nothing_lost(text, combined)
    expected = whole(text)
    assert len(combined[0]) == len(expected[0])
    for got, want in zip(combined[0], expected[0], strict=True):
        assert got == want, (got.span, want.span)
    assert combined == expected


SIZES = [(section, piece) for section in (500, 2000, 7000) for piece in (1, 13, 4096)]


# -- equal to segment() -------------------------------------------------------------------
@pytest.mark.corpus
@pytest.mark.parametrize(("section_chars", "piece_chars"), SIZES)
def test_corpus_issues_repeated_give_what_segment_gives(
    corpus_files: list[Path], section_chars: int, piece_chars: int
) -> None:
    for file in corpus_files:
        text = "\n\n".join([file.read_text(encoding="utf-8")] * 30)
        assert_same_as_segment(text, section_chars, piece_chars)


@pytest.mark.parametrize(("section_chars", "piece_chars"), SIZES)
def test_sample_issue_repeated_gives_what_segment_gives(section_chars: int, piece_chars: int) -> None:
    text = "\n\n".join([SAMPLE_ISSUE.read_text(encoding="utf-8")] * 30)
    assert_same_as_segment(text, section_chars, piece_chars)
    first = next(segment_sections(pieces_of(text, piece_chars), section_chars=section_chars))
    assert (first.title, first.date) == ("梅园社区报", "2021年4月16日")


@pytest.mark.parametrize(("section_chars", "piece_chars"), [(500, 4096), (2000, 13), (7000, 4096)])
def test_synthetic_archive_concatenated_gives_what_segment_gives(
    tmp_path: Path, section_chars: int, piece_chars: int
) -> None:
    paths = build_archive(tmp_path, n_issues=25, seed=5)
    text = "".join(path.read_text(encoding="utf-8") for path in paths)
    assert_same_as_segment(text, section_chars, piece_chars)


def test_whole_text_as_one_piece(tmp_path: Path) -> None:
    paths = build_archive(tmp_path, n_issues=10, seed=1)
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in paths)
    assert_same_as_segment(text, 3000, len(text))


def test_an_article_opening_with_a_cut_fragment_is_not_carried() -> None:
    """A heading-like line read as the first half of a cut paragraph opens the second article.

    Whether it is a fragment depends on the line before it, which a run
    starting at that line would not see: such an article is never carried.
    """
    paragraph = "居民纷纷表示,活动很有意义,希望以后多多举办。"
    block = "\n\n".join(
        [
            "街道举办主题活动",
            "□ 通讯员 张三",
            "5月7日,街道举办主题活动,居民积极参与。志愿者热情服务,现场气氛热烈。",
            "(街道党群办)",
            "▲图为活动现场",
            "街道党政班子率先示范,带着责任",
            "学、带着问题学、联系实际学,取得了良好成效。",
            *[paragraph] * 12,
        ]
    )
    text = "\n\n\n\n".join([block] * 20)
    second = segment(text).articles[1]
    assert second.title is None and second.paragraphs[0].startswith("街道党政班子率先示范,带着责任学、")
    for section_chars in (300, 500, 800, 1200):
        assert_same_as_segment(text, section_chars, 7)


def test_an_article_above_the_masthead_line_is_not_carried() -> None:
    """Above a masthead line at the top, title-like lines are masthead: such a line is never carried."""
    top = "HEADLINE\n\n● 要闻\n\n▲图为活动现场\n\n街道动态\n\n外滩 第123期 2019年5月15日\n\n"
    paragraph = "居民纷纷表示,活动很有意义,希望以后多多举办。"
    article = "\n\n".join(["街道举办主题活动", "□ 通讯员 张三", paragraph, paragraph, paragraph])
    text = top + "\n\n\n\n".join([article] * 30)
    parsed = segment(text)
    assert (parsed.title, parsed.date) == ("街道动态", "2019年5月15日")
    for section_chars in (50, 100, 200, 500):
        assert_same_as_segment(text, section_chars, 7)


# -- where results may differ ------------------------------------------------------------------
def test_usual_gap_of_the_text_read_so_far_may_differ_from_the_whole_texts() -> None:
    """The first stretch sets blocks two blank lines apart, the rest one: the issue's usual gap is 1.

    Read in one pass, the first sections are segmented with the usual gap of
    the text read so far (2), so their two-blank-line gaps are no breaks and
    ``聚焦主题重点学`` between two paragraphs is a subheading; in the whole text
    those gaps are breaks, and a line with a break on both sides inside an
    article is a photo caption.  Passing ``usual_gap`` (from
    :func:`scan_usual_gap` over a re-readable source) gives segment()'s result.
    """
    paragraph = "居民纷纷表示,活动很有意义,希望以后多多举办。"
    first = "\n\n\n".join(["街道举办主题活动", "□ 通讯员 张三", paragraph, "聚焦主题重点学", paragraph] * 4)
    rest = "\n\n".join(["街道召开工作会议", "□ 通讯员 王五", *[paragraph] * 6])
    text = first + "\n\n\n\n" + "\n\n\n\n".join([rest] * 20)
    assert scan_usual_gap(pieces_of(text, 100)) == 1
    sections = list(segment_sections(pieces_of(text, 100), section_chars=200))
    assert sections[0].usual_gap == 2 and sections[-1].usual_gap == 1
    combined = combine(sections)
    assert_nothing_lost(text, combined)
    expected = whole(text)
    assert combined[0][0].blocks[3].role is Role.SUBHEADING
    assert expected[0][0].blocks[3].role is Role.CAPTION
    assert sectioned(text, 200, 100, usual_gap=scan_usual_gap(pieces_of(text, 100))) == expected


@pytest.mark.corpus
def test_a_masthead_date_beyond_the_first_section_is_not_reported(corpus_files: list[Path]) -> None:
    """The corpus issues have no masthead; the sample issue, after them, has one.

    segment() takes the date of the sample's masthead line; sections only
    read the masthead of the first section, so their date is None.  The
    masthead line itself is a leftover either way.
    """
    texts = [file.read_text(encoding="utf-8") for file in corpus_files]
    text = "\n\n".join([*texts, SAMPLE_ISSUE.read_text(encoding="utf-8")])
    articles, leftovers, title, date = sectioned(text, 2000, 4096)
    expected = whole(text)
    assert (articles, leftovers, title) == expected[:3]
    assert (date, expected[3]) == (None, "2021年4月16日")


def test_an_article_longer_than_the_cap_is_split_but_nothing_is_lost() -> None:
    paragraph = "居民纷纷表示,活动很有意义,希望以后多多举办。"
    text = "\n\n".join(["街道举办主题活动", "□ 通讯员 张三", *[paragraph] * 40])
    combined = sectioned(text, 50, 13)
    assert len(combined[0]) > 1 and combined[0][0].title == "街道举办主题活动"
    assert len(whole(text)[0]) == 1


def test_a_line_longer_than_the_cap_is_cut_mid_line() -> None:
    section_chars = 16
    line = "居民纷纷表示活动很有意义" * 20  # no newline within the cap
    text = f"街道举办主题活动\n\n{line}。\n\n(街道党群办)"
    assert len(line) > MAX_GROWTH * section_chars
    articles, leftovers, _, _ = sectioned(text, section_chars, 5)
    pieces = [piece for a in articles for b in a.blocks for piece in b.pieces] + [x.span for x in leftovers]
    inside = [span for span in pieces if span[0] >= text.index(line) and span[1] <= text.index("。") + 1]
    assert len(inside) > 1  # the long line came out in more than one piece


def test_a_line_longer_than_a_section_never_grows_the_buffer() -> None:
    section_chars = 40
    line = "居民纷纷表示活动很有意义" * 30  # 360 characters without a newline: 9 sections, under the cap
    text = f"街道举办主题活动\n\n{line}。\n\n(街道党群办)"
    assert len(line) < MAX_GROWTH * section_chars * 2
    combined = combine(
        segment_sections(pieces_of(text, 7), section_chars=section_chars, line_chars=section_chars)
    )
    assert_nothing_lost(text, combined)
    articles, leftovers, _, _ = combined
    spans = [piece for a in articles for b in a.blocks for piece in b.pieces] + [x.span for x in leftovers]
    assert max(end - start for start, end in spans) <= section_chars  # never one block of the whole line


# -- nothing lost, on any text ---------------------------------------------------------------
SOME_ISSUES = st.lists(issues(), min_size=1, max_size=6).map("".join)


def first_masthead_date_at(text: str) -> int | None:
    """Where the first masthead line giving a date starts (what segment() reads the date from)."""
    for line in run_pipeline(text).tagged:
        if line.leftover is LeftoverKind.MASTHEAD and masthead_date(line.text) is not None:
            return line.line.start
    return None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SOME_ISSUES, data=st.data())
def test_generated_issues_give_what_segment_gives(text: str, data: st.DataObject) -> None:
    """With the cap beyond the text's length, results equal segment()'s up to the two differences.

    Exactly equal when every section was segmented with the whole text's
    usual gap (always so when it is given); the date differs only when the
    first masthead date lies beyond the first section.
    """
    section_chars = data.draw(st.integers(len(text) // MAX_GROWTH + 1, max(2, len(text))), label="section")
    piece_chars = data.draw(st.integers(1, 600), label="piece")
    fixed = data.draw(st.booleans(), label="fixed usual gap")
    lines, counted = scan_content_lines(text)
    usual = typical_gap(lines[i].gap_before for i in counted)
    assert scan_usual_gap(pieces_of(text, piece_chars)) == usual
    sections = list(
        segment_sections(
            pieces_of(text, piece_chars), section_chars=section_chars, usual_gap=usual if fixed else None
        )
    )
    combined = combine(sections)
    assert_nothing_lost(text, combined)
    if any(section.usual_gap != usual for section in sections):
        assert not fixed
        return
    expected = whole(text)
    assert combined[:3] == expected[:3]
    if combined[3] != expected[3]:
        assert combined[3] is None
        first = sections[0]
        end_of_first = max([a.span[1] for a in first.articles] + [x.span[1] for x in first.leftovers])
        at = first_masthead_date_at(text)
        assert at is not None and at >= end_of_first


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(SOME_ISSUES, st.text(max_size=400), st.text(alphabet=PUNCTUATED, max_size=1500)),
    section_chars=st.integers(1, 3000),
    piece_chars=st.integers(1, 700),
)
def test_nothing_is_lost_on_any_text(text: str, section_chars: int, piece_chars: int) -> None:
    sectioned(text, section_chars, piece_chars)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=" \u3000\t\n甲【】", max_size=300), piece_chars=st.integers(1, 50))
def test_scan_usual_gap_is_segments_usual_gap(text: str, piece_chars: int) -> None:
    lines, counted = scan_content_lines(text)
    assert scan_usual_gap(pieces_of(text, piece_chars)) == typical_gap(lines[i].gap_before for i in counted)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u3000\n \t"])
def test_blank_input_gives_no_sections(text: str) -> None:
    assert list(segment_sections(pieces_of(text, 1), section_chars=1)) == []
    assert list(segment_sections([])) == []


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="section_chars"):
        segment_sections(["甲"], section_chars=0)
    with pytest.raises(ValueError, match="usual_gap"):
        segment_sections(["甲"], usual_gap=-1)


# -- memory --------------------------------------------------------------------------------
def test_sections_come_out_while_reading() -> None:
    """The reader never runs far ahead of what was emitted: the buffer stays near one section."""
    text = "\n\n".join([SAMPLE_ISSUE.read_text(encoding="utf-8")] * 200)
    section_chars, piece_chars = 2000, 100
    read = 0

    def counted_pieces() -> Iterator[str]:
        nonlocal read
        for piece in pieces_of(text, piece_chars):
            read += len(piece)
            yield piece

    ahead = []
    for section in segment_sections(counted_pieces(), section_chars=section_chars):
        emitted_to = max([a.span[1] for a in section.articles] + [x.span[1] for x in section.leftovers])
        ahead.append(read - emitted_to)
    assert len(ahead) > 50
    largest_article = max(a.span[1] - a.span[0] for a in segment(text).articles)
    assert max(ahead) <= section_chars + 2 * largest_article + piece_chars


def repeated_pieces(texts: list[str], total: int, piece_chars: int = 1 << 16) -> Iterator[str]:
    """``total`` characters of ``texts`` repeated, made lazily, ``piece_chars`` at a time."""
    joined = "\n\n".join(texts) + "\n\n"
    sent = 0
    while sent < total:
        start = sent % len(joined)
        piece = joined[start : start + min(piece_chars, total - sent)]
        sent += len(piece)
        yield piece


def peak_memory(texts: list[str], total: int) -> tuple[int, float, int]:
    """Peak traced memory (bytes), seconds and articles segmenting ``total`` characters of ``texts``."""
    tracemalloc.start()
    started = time.perf_counter()
    articles = 0
    try:
        for section in segment_sections(repeated_pieces(texts, total)):
            articles += len(section.articles)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, time.perf_counter() - started, articles


def measured_peaks(folder: Path) -> list[tuple[int, float, int]]:
    """The traced peaks segmenting 2 M and 8 M characters of a synthetic archive made in ``folder``."""
    texts = [path.read_text(encoding="utf-8") for path in build_archive(folder, n_issues=20, seed=2)]
    return [peak_memory(texts, 2_000_000), peak_memory(texts, 8_000_000)]


@pytest.mark.slow
def test_memory_does_not_grow_with_the_input(tmp_path: Path) -> None:
    """8 M characters need no more memory than 2 M: about one section's worth (traced: ~30 s; the
    memory figures of 20 M characters and more are bench/large_import_bench.py's).

    Measured in a fresh interpreter: what earlier tests left in this one (caches, log
    handlers, the garbage collector's state) is not the segmenter's memory.
    """
    code = (
        "import json, sys; from pathlib import Path; "
        "from tests.test_segment_sections import measured_peaks; "
        "print(json.dumps(measured_peaks(Path(sys.argv[1]))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    (small, _, small_articles), (large, seconds, large_articles) = json.loads(done.stdout.splitlines()[-1])
    assert large_articles > 3.9 * small_articles
    assert large < 1.5 * small, (small, large)
    assert large < 64 * SECTION_CHARS, large  # bytes: a few dozen per character of one section
    print(
        f"peak {small / 1e6:.1f} MB for 2 M characters, {large / 1e6:.1f} MB for 8 M, {seconds:.1f} s traced"
    )


def test_no_run_starts_at_an_article_opened_for_the_title_before_it() -> None:
    """A lone heading set like the open article's title (● …) opens the next article even with no text
    under it (.sibling_titles); a run starting at it would not see that title and leave it out.  Found
    by test_generated_issues_give_what_segment_gives (128-character sections, one-character pieces)."""
    item = "【党政】\n\n● 中中\n\n中\n\n\n中,中中,中中,治年务传分建环家作少居理。类议环会圾作宣心工圾理全。"
    headlines = "\n\n".join(["HEADLINE"] * 6)
    text = (
        f"\n\nHEADLINE\n\nHEADLINE\n\n\n\n{item}\n\n● 中中\n\n{headlines}\n\n外滩 第1期 2019年5月15日"
        "\n\nHEADLINE\n\nHEADLINE\n\n\n\n【党政】\n\n● 中中\n\nHEADLINE\n\nHEADLINE\n\n\n\n中中。"
    )
    expected = whole(text)
    lone = [a for a in expected[0] if [b.text for b in a.blocks] == ["● 中中"]]
    assert len(lone) == 1  # the heading under the first item is an article of its own
    for size in (64, 128, 200):
        combined = combine(segment_sections(pieces_of(text, 1), section_chars=size))
        assert_nothing_lost(text, combined)
        assert combined[:3] == expected[:3], size
