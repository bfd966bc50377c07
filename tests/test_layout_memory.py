"""Learning a paper's layout: remembered lines apply to later imports of that paper, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Leftover
from reader.core import preparing
from reader.core.coverage import check_coverage
from reader.core.learnt_layout import LEARNABLE_ROLES, line_key, relayout
from reader.core.segment import segment
from reader.services.importing import import_files
from reader.services.layout_memory import (
    LayoutMemoryError,
    export_layout_rules,
    forget_line,
    import_layout_rules,
    list_layout_rules,
    publication_keys,
    remember_line,
)
from reader.services.segmentation_rows import issue_coverage
from reader.services.tracking.revisions import article_blocks
from tests.structure_support import FRONT_PAGE, KICKER, SOURCE

pytestmark = pytest.mark.both_engines

FURNITURE = "本版编辑 李华  校对 王强"
ISSUE = FRONT_PAGE.replace(SOURCE, f"{FURNITURE}\n{SOURCE}")
NEXT_ISSUE = ISSUE.replace("第128期", "第129期").replace("11月20日", "12月4日").replace("十二个", "十五个")


def _import(library: Library, folder: Path, name: str, text: str) -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with library.write_session() as session:
        issue_id = import_files(session, [path]).results[0].issue_id
    assert issue_id is not None
    return issue_id


def _roles(library: Library, issue_id: int) -> tuple[list[list[tuple[str, str]]], list[tuple[str, str]]]:
    with library.session() as session:
        articles = session.scalars(
            select(Article).where(Article.issue_id == issue_id).order_by(Article.position)
        )
        blocks = [[(b.role, b.text) for b in article_blocks(session, a.id)] for a in articles]
        query = select(Leftover).where(Leftover.issue_id == issue_id).order_by(Leftover.position)
        return blocks, [(lo.kind, lo.text) for lo in session.scalars(query)]


def test_line_keys_and_publication_keys() -> None:
    assert line_key("第128期  2026年11月20日") == line_key("第 129 期 2026年12月4日") == "第#期#年#月#日"
    assert publication_keys("幸 / 福 / 社 / 区", "meiyuan-2026-11-20") == [
        "masthead:幸/福/社/区",
        "file:meiyuan-#-#-#",
    ]
    assert publication_keys(None, "梅园12") == ["file:梅园#"]


def test_a_remembered_line_is_applied_to_the_next_issue_of_the_paper(
    library: Library, tmp_path: Path
) -> None:
    first = _import(library, tmp_path, "meiyuan-2026-11-20.txt", ISSUE)
    blocks, _ = _roles(library, first)
    assert ("furniture", FURNITURE) in blocks[0] and ("kicker", KICKER) in blocks[0]
    with library.writing() as session:
        assert remember_line(session, first, FURNITURE, "layout", author="ed") == 2  # masthead and file name
        remember_line(session, first, KICKER, "section", author="ed")
        with pytest.raises(LayoutMemoryError):
            remember_line(session, first, FURNITURE, "headline", author="ed")
    second = _import(library, tmp_path, "meiyuan-2026-12-04.txt", NEXT_ISSUE)
    blocks, leftovers = _roles(library, second)
    assert ("layout", FURNITURE) in leftovers
    assert all(text != FURNITURE for article in blocks for _role, text in article)
    assert ("section", KICKER) in blocks[0]
    with library.session() as session:
        assert issue_coverage(session, second) == []
        assert (
            session.get_one(
                Article, session.scalars(select(Article.id).where(Article.issue_id == second)).first()
            ).section
            == KICKER
        )
    # another paper (other masthead, other file name) is left alone
    other = _import(
        library,
        tmp_path,
        "other-paper-1.txt",
        NEXT_ISSUE.replace("幸 / 福 / 社 / 区", "和 / 谐 / 家 / 园").replace("期", "号"),
    )
    blocks, leftovers = _roles(library, other)
    assert ("furniture", FURNITURE) in blocks[0]
    with library.writing() as session:
        assert forget_line(session, first, FURNITURE) == 2


def test_layout_rules_travel_with_the_user_rules(library: Library, tmp_path: Path) -> None:
    first = _import(library, tmp_path, "meiyuan-2026-11-20.txt", ISSUE)
    with library.writing() as session:
        remember_line(session, first, FURNITURE, "layout", author="ed")
        exported = export_layout_rules(session)
    assert {
        "publication": "file:meiyuan-#-#-#",
        "line": line_key(FURNITURE),
        "role": "layout",
        "author": "ed",
    } in exported
    with library.writing() as session:
        for row in list_layout_rules(session):
            session.delete(row)
    with library.writing() as session:
        assert import_layout_rules(session, exported) == len(exported)
        assert export_layout_rules(session) == exported
        with pytest.raises(LayoutMemoryError):
            import_layout_rules(session, [*exported, {"publication": "x", "line": "y", "role": "bogus"}])


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.integers(0, 30), st.sampled_from(LEARNABLE_ROLES), max_size=8))
def test_relayout_never_loses_or_doubles_a_character(choice: dict[int, str]) -> None:
    text = ISSUE + "\n" + ISSUE.replace("梅园", "桃源")
    parsed = segment(text)
    lines = [b.text for a in parsed.articles for b in a.blocks] + [lo.text for lo in parsed.leftovers]
    rules = {line_key(lines[i % len(lines)]): role for i, role in choice.items()}
    result = relayout(parsed.articles, parsed.leftovers, rules)
    pieces = [[list(p) for b in a.blocks for p in b.pieces] for a in result.articles]
    spans = [lo.span for lo in result.leftovers]
    assert check_coverage(text, [[[p] for p in a] for a in pieces], spans) == []


def test_a_streamed_issue_of_the_paper_gets_the_remembered_lines_too(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.segment import sections

    first = _import(library, tmp_path, "meiyuan-2026-11-20.txt", ISSUE)
    with library.writing() as session:
        remember_line(session, first, FURNITURE, "layout", author="ed")
    body = NEXT_ISSUE + "".join(ISSUE.replace("梅园", f"梅园{n}号") for n in range(300))  # several sections
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", 1024)
    monkeypatch.setattr(sections, "SECTION_CHARS", 20_000)
    second = _import(library, tmp_path, "meiyuan-2026-12-04.txt", body)
    blocks, leftovers = _roles(library, second)
    assert leftovers.count(("layout", FURNITURE)) == 301  # in every section, masthead or not
    assert all(text != FURNITURE for article in blocks for _role, text in article)
    with library.session() as session:
        assert issue_coverage(session, second) == []


def test_a_remembered_line_is_applied_to_an_issue_prepared_in_a_worker_process(
    library: Library, tmp_path: Path
) -> None:
    """A worker sends the segmentation as one blob, unpickled whole when a remembered line needs it."""
    import pickle

    from reader.core.preparing import prepare_file
    from reader.services.importing import store_issue

    first = _import(library, tmp_path, "meiyuan-2026-11-20.txt", ISSUE)
    with library.writing() as session:
        remember_line(session, first, FURNITURE, "layout", author="ed")
    path = tmp_path / "meiyuan-2026-12-04.txt"
    path.write_text(NEXT_ISSUE, encoding="utf-8")
    prepared = pickle.loads(pickle.dumps(prepare_file(path), protocol=pickle.HIGHEST_PROTOCOL))
    with library.writing() as session:
        second = store_issue(session, prepared)
    blocks, leftovers = _roles(library, second)
    assert ("layout", FURNITURE) in leftovers
    assert all(text != FURNITURE for article in blocks for _role, text in article)
    with library.session() as session:
        assert issue_coverage(session, second) == []
