"""Use case: remember a paper's layout lines, and apply them when another issue of it is imported.

A publication is recognised from its masthead (the title segmentation found,
``masthead:梅园街道报``) or, failing that, from its file-name pattern (the
stem with every run of digits read as ``#``: ``file:梅园-#-#``).  A line
remembered for an issue is stored under each key that issue has; an import
applies the lines of every key the new issue has (``reader.core.learnt_layout``).
The rules travel with the user rules' export file (key ``layout``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.layout_models import LayoutRule
from db.models import Issue, utcnow
from reader.core.errors import JiaokanError
from reader.core.learnt_layout import LEARNABLE_ROLES, MAX_LINE, Relayout, line_key, relayout

if TYPE_CHECKING:
    from reader.core.model import ParsedSection
    from reader.core.preparing import PreparedIssue

_DIGITS = re.compile(r"[0-9０-９]+")
_SPACE = re.compile(r"\s+")


class LayoutMemoryError(JiaokanError):
    """A layout line that cannot be remembered (nothing was changed)."""


def publication_keys(title: str | None, stem: str) -> list[str]:
    """The keys an issue's publication is known by: its masthead title, its file-name pattern."""
    name = _SPACE.sub("", title or "")
    return [*([f"masthead:{name}"] if name else []), f"file:{_DIGITS.sub('#', stem)}"]


def issue_publication_keys(session: Session, issue_id: int) -> list[str]:
    issue = session.get(Issue, issue_id)
    if issue is None:
        raise LayoutMemoryError(f"there is no issue {issue_id}")
    return publication_keys(issue.title, issue.source_stem)


def remember_line(session: Session, issue_id: int, text: str, role: str, *, author: str) -> int:
    """Remember that this line of the issue's publication has this role; returns the keys it went under."""
    if role not in LEARNABLE_ROLES:
        raise LayoutMemoryError(f"unknown layout role {role!r}; expected one of {', '.join(LEARNABLE_ROLES)}")
    line = line_key(text)
    if not line or len(text) > MAX_LINE:
        raise LayoutMemoryError(f"only a line of 1 to {MAX_LINE} characters can be remembered")
    keys = issue_publication_keys(session, issue_id)
    for key in keys:
        _upsert(session, key, line, role, author)
    session.flush()
    return len(keys)


def _upsert(session: Session, publication: str, line: str, role: str, author: str) -> None:
    session.info.pop(_CACHE, None)
    query = select(LayoutRule).where(LayoutRule.publication == publication, LayoutRule.line == line)
    row = session.scalar(query)
    if row is None:
        session.add(
            LayoutRule(publication=publication, line=line, role=role, author=author, created_at=utcnow())
        )
    else:
        row.role, row.author = role, author


def forget_line(session: Session, issue_id: int, text: str) -> int:
    """Forget a remembered line of the issue's publication; returns how many rules went."""
    query = select(LayoutRule).where(
        LayoutRule.publication.in_(issue_publication_keys(session, issue_id)),
        LayoutRule.line == line_key(text),
    )
    rows = list(session.scalars(query))
    session.info.pop(_CACHE, None)
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)


def layout_rules(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The remembered lines (``line_key`` → role) of these publication keys (masthead first wins)."""
    every = _all_rules(session)
    rules: dict[str, str] = {}
    for key in reversed(list(keys)):
        rules.update(every.get(key, {}))
    return rules


_CACHE = "jiaokan.layout_rules"


def _all_rules(session: Session) -> dict[str, dict[str, str]]:
    """Every remembered line by publication, read once per transaction (an import asks per file)."""
    transaction = session.get_transaction()
    cached = session.info.get(_CACHE)
    if cached is not None and transaction is not None and cached[0] is transaction:
        rules: dict[str, dict[str, str]] = cached[1]
        return rules
    rules = {}
    for publication, line, role in session.execute(
        select(LayoutRule.publication, LayoutRule.line, LayoutRule.role)
    ):
        rules.setdefault(publication, {})[line] = role
    session.info[_CACHE] = (transaction, rules)
    return rules


def list_layout_rules(session: Session) -> list[LayoutRule]:
    return list(session.scalars(select(LayoutRule).order_by(LayoutRule.publication, LayoutRule.line)))


def export_layout_rules(session: Session) -> list[dict[str, str]]:
    """Every remembered line, for the user rules' export file."""
    return [
        {"publication": row.publication, "line": row.line, "role": row.role, "author": row.author}
        for row in list_layout_rules(session)
    ]


def import_layout_rules(session: Session, rows: object) -> int:
    """Add or update remembered lines from an export (a list, all checked first); returns how many."""
    if not isinstance(rows, list):
        raise LayoutMemoryError("the layout rules are not a list")
    checked = []
    for row in rows:
        publication, line, role = (
            row.get(k) if isinstance(row, Mapping) else None for k in ("publication", "line", "role")
        )
        if not (isinstance(publication, str) and isinstance(line, str) and line and role in LEARNABLE_ROLES):
            raise LayoutMemoryError(f"not a layout rule: {row!r}")
        author = row.get("author")
        checked.append(
            (publication, line_key(line), str(role), author if isinstance(author, str) else "import")
        )
    for publication, line, role, author in checked:
        _upsert(session, publication, line, role, author)
    session.flush()
    return len(checked)


def relayout_prepared(session: Session, prepared: PreparedIssue) -> PreparedIssue:
    """The import's post-pass: a prepared issue with its publication's remembered lines applied."""
    from reader.core.preparing import PreparedIssue, prepare_article

    rules = layout_rules(session, publication_keys(prepared.title, prepared.path.stem))
    if not rules:  # the usual case: the segmentation is not even unpickled
        return prepared
    parsed = prepared.parsed
    result = relayout(parsed.articles, parsed.leftovers, rules)
    if not result.changed:
        return prepared
    parsed = replace(parsed, articles=result.articles, leftovers=result.leftovers)
    return PreparedIssue(
        prepared.path, prepared.decoded, parsed, [prepare_article(a) for a in result.articles]
    )


def section_relayout(session: Session, stem: str) -> Callable[[ParsedSection], Relayout]:
    """The same post-pass for the sections of a streamed file, in order (the first holds the masthead)."""
    title: str | None = None

    def apply(section: ParsedSection) -> Relayout:
        nonlocal title
        title = section.title or title
        rules = layout_rules(session, publication_keys(title, stem))
        return relayout(section.articles, section.leftovers, rules)

    return apply
