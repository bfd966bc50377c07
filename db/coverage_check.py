"""The nothing-lost rule, checked over a whole library: every issue's original covered exactly once.

Every visible character of an issue's original text must be covered by
exactly one piece of one block of its articles or by one leftover (see
``reader.core.coverage``).  A ``pieces`` value changed behind the
application's back breaks that, and ``check`` reports it per issue.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dialect import driver_sql, json_as_text
from db.models import Article, Issue, Leftover
from db.original_text import read_text
from reader.core.coverage import check_coverage

_BLOCKS = (
    "SELECT block.article_id, {pieces} FROM block JOIN article ON article.id = block.article_id "
    "WHERE article.issue_id = ? ORDER BY article.position, block.position"
)


def issue_coverage_problems(session: Session, issue_id: int) -> list[str]:
    """Problems with the coverage of one issue's original (empty when every character is kept once)."""
    articles = session.scalars(
        select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
    )
    pieces: dict[int, list[Any]] = {article_id: [] for article_id in articles}
    conn = session.connection()
    statement = driver_sql(conn, _BLOCKS.format(pieces=json_as_text("block.pieces", conn)))
    rows = conn.exec_driver_sql(statement, (issue_id,)).all()
    try:
        parsed = json.loads("[" + ",".join(str(row[1]) for row in rows) + "]")
    except json.JSONDecodeError as error:
        return [f"a block's pieces are not valid JSON ({error.msg})"]
    for (article_id, _), block_pieces in zip(rows, parsed, strict=True):
        if not isinstance(block_pieces, list) or not all(
            isinstance(p, list) and all(isinstance(n, int) for n in p) for p in block_pieces
        ):
            return [f"article {article_id}: a block's pieces are not a list of [start, end] spans"]
        pieces[article_id].append(block_pieces)
    spans = session.execute(
        select(Leftover.span_start, Leftover.span_end).where(Leftover.issue_id == issue_id)
    ).all()
    return check_coverage(read_text(session, issue_id), pieces.values(), [tuple(s) for s in spans])


def verify_coverage(session: Session) -> list[str]:
    """Every issue's coverage problems, each line naming the issue."""
    problems: list[str] = []
    for issue_id, name in session.execute(select(Issue.id, Issue.source_name).order_by(Issue.id)):
        problems.extend(
            f"issue {issue_id} ({name}): its original is not covered exactly once by its blocks and "
            f"leftovers: {problem}"
            for problem in issue_coverage_problems(session, issue_id)
        )
    return problems


__all__ = ["issue_coverage_problems", "verify_coverage"]
