"""Issues with a segmentation chosen by the test: a badly cut front page, built row by row.

The text is imported (so the issue, its original and its search rows are
real), then its articles and leftovers are replaced by the structure given:
each block is a ``(role, text)`` whose text is found in the original, in
order, so the spans are the real ones and nothing-lost holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.engine import Library
from db.models import Article, Block, Leftover, utcnow
from reader.services.importing import import_files
from reader.services.segmentation_rows import issue_coverage
from reader.services.tracking.revisions import sync_article

MASTHEAD = ["扫码关注", "幸 / 福 / 社 / 区", "梅园街道党工委、办事处 主办", "第128期  2026年11月20日"]
KICKER = "聚焦民生实事  回应群众期盼"
LEAD_TITLE = "梅园街道全面推进老旧小区改造"
SUBTITLE = "——今年完成改造项目十二个  惠及居民三千余户"
BYLINE = "□ 通讯员 张明"
BODY = [
    "　　本报讯 今年以来，梅园街道把老旧小区改造作为民生实事的头号工程，逐个小区听取居民意见。",
    "　　街道党工委书记表示，改造不仅要改得好看，更要改得好用，让居民住得舒心、安心。",
    "　　下一步，街道将继续完善长效管理机制，确保改造成果惠及更多居民。",
]
SOURCE = "（街道党群办）"
FRONT_PAGE = "\n".join([*MASTHEAD, "", KICKER, LEAD_TITLE, SUBTITLE, BYLINE, *BODY, SOURCE]) + "\n"

Shape = Sequence[Sequence[tuple[str, str]]]

BAD_CUT: Shape = [
    [
        ("paragraph", MASTHEAD[0]),
        ("kicker", MASTHEAD[1]),
        ("title", MASTHEAD[2]),
        ("paragraph", MASTHEAD[3]),
        ("kicker", KICKER),
        ("subtitle", LEAD_TITLE),
        ("subtitle", SUBTITLE),
        ("byline", BYLINE),
    ],
    [*(("paragraph", p) for p in BODY), ("source", SOURCE)],
]
"""The front page as seen cut: the masthead an article titled by the publisher line, the lead
headline demoted to a subtitle, the lead's body a second, untitled article."""


def build_issue(library: Library, folder: Path, text: str, shape: Shape, name: str = "front.txt") -> int:
    """Import ``text`` and give the issue exactly the articles of ``shape`` (no leftovers)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with library.write_session() as session:
        issue_id = import_files(session, [path]).results[0].issue_id
    assert issue_id is not None
    with library.writing() as session:
        reshape(session, issue_id, text, shape)
    return issue_id


def reshape(session: Session, issue_id: int, text: str, shape: Shape) -> None:
    articles = list(session.scalars(select(Article).where(Article.issue_id == issue_id)))
    session.execute(delete(Leftover).where(Leftover.issue_id == issue_id))
    for article in articles:
        session.delete(article)
    session.flush()
    cursor = 0
    for position, blocks in enumerate(shape):
        rows = []
        for block_position, (role, block_text) in enumerate(blocks):
            start = text.index(block_text, cursor)
            cursor = start + len(block_text)
            rows.append(Block(position=block_position, role=role, text=block_text, pieces=[[start, cursor]]))
        article = Article(
            issue_id=issue_id,
            position=position,
            span_start=rows[0].pieces[0][0],
            span_end=rows[-1].pieces[0][1],
            updated_at=utcnow(),
            blocks=rows,
        )
        session.add(article)
        session.flush()
        sync_article(session, article)
    assert issue_coverage(session, issue_id) == []
