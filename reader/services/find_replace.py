"""Use case: find and replace across an article, an issue or the library.

Literal or regex, optionally script-insensitive (through the length-preserving
``fold``); the preview lists every match in context before anything changes,
and a replace-all records tracked changes (one revision ``replace`` per
article) and can be undone as one step.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block
from reader.core.script import search_fold
from reader.services.bulk import backup_before_bulk
from reader.services.tracking.changes import record_hunks
from reader.services.tracking.revisions import (
    TrackingError,
    create_revision,
    current_revision,
    newest_revision,
)
from reader.services.tracking.saving import get_article, restore_revision

CONTEXT_CHARS = 20
"""Characters of context shown on each side of a find match."""


class Scope(StrEnum):
    """Where find and replace looks."""

    ARTICLE = "article"
    ISSUE = "issue"
    LIBRARY = "library"


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence in a block's text, with context and what it would be replaced by."""

    article_id: int
    block_id: int
    start: int
    end: int
    text: str
    before: str
    after: str
    replacement: str | None = None
    groups: tuple[tuple[int, int], ...] = ()  # regex group spans in the block text, (-1, -1) unmatched
    group_names: tuple[tuple[str, int], ...] = ()
    regex: bool = False

    def replacement_for(self, template: str, text: str) -> str:
        """What this match becomes with ``template`` (regex: with group references expanded)."""
        return (
            expand_template(template, self.groups, dict(self.group_names), text) if self.regex else template
        )


_TEMPLATE_REF = re.compile(r"\\(?:g<([^>]*)>|(\d{1,2})|(.))", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


def expand_template(
    template: str, groups: Sequence[tuple[int, int]], names: Mapping[str, int], text: str
) -> str:
    """A regex replacement template with its group references taken from ``text`` at ``groups``."""

    def ref(found: re.Match[str]) -> str:
        name, number, escape = found.groups()
        if escape is not None:
            return _ESCAPES.get(escape, "\\" + escape)
        key = number if number is not None else name
        start, end = groups[int(key) if key.isdigit() else names[key]]
        return text[start:end] if start >= 0 else ""

    return _TEMPLATE_REF.sub(ref, template)


def _fold_pattern(pattern: str) -> str:
    """A regex folded like the text (non-ASCII characters outside escapes; ASCII case via IGNORECASE)."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern[index] == "\\" and index + 1 < len(pattern):
            out.append(pattern[index : index + 2])
            index += 2
            continue
        char = pattern[index]
        folded = char if char.isascii() else search_fold(char)
        out.append(re.escape(folded) if folded.isascii() and folded != char else folded)  # （ is no group
        index += 1
    return "".join(out)


def _compile(pattern: str, *, regex: bool, script_insensitive: bool) -> re.Pattern[str]:
    if not pattern:
        raise TrackingError("nothing to find")
    try:
        if regex:
            flags = re.IGNORECASE if script_insensitive else 0
            return re.compile(_fold_pattern(pattern) if script_insensitive else pattern, flags)
        return re.compile(re.escape(search_fold(pattern) if script_insensitive else pattern))
    except re.error as error:
        raise TrackingError(f"invalid regular expression: {error}") from error


def _scope_blocks(session: Session, scope: Scope | str, scope_id: int | None) -> Any:
    query = select(Block).join(Article, Article.id == Block.article_id)
    scope = Scope(scope)
    if scope is not Scope.LIBRARY and scope_id is None:
        raise TrackingError(f"a {scope.value} scope needs its id")
    if scope is Scope.ARTICLE:
        query = query.where(Block.article_id == scope_id)
    elif scope is Scope.ISSUE:
        query = query.where(Article.issue_id == scope_id)
    return query.order_by(Article.issue_id, Article.position, Block.position)


def find_matches(
    session: Session,
    pattern: str,
    *,
    regex: bool = False,
    scope: Scope | str = Scope.ARTICLE,
    scope_id: int | None = None,
    script_insensitive: bool = False,
    replacement: str | None = None,
) -> list[Match]:
    """Every non-empty occurrence of ``pattern`` in the blocks of an article, an issue or the library.

    ``script_insensitive`` matches across traditional/simplified, full/half
    width (punctuation too) and letter case (via :func:`reader.core.script.search_fold`, which keeps
    offsets).  With ``replacement`` each match carries what it would become.
    """
    compiled = _compile(pattern, regex=regex, script_insensitive=script_insensitive)
    query = _scope_blocks(session, scope, scope_id)
    if not regex and not script_insensitive:
        query = query.where(Block.text.contains(pattern, autoescape=True))
    names = tuple(compiled.groupindex.items())
    matches: list[Match] = []
    for block in session.scalars(query):
        text = block.text
        haystack = search_fold(text) if script_insensitive else text
        for found in compiled.finditer(haystack):
            start, end = found.span()
            if start == end:
                continue
            groups = tuple(found.span(i) for i in range(compiled.groups + 1)) if regex else ()
            match = Match(
                block.article_id,
                block.id,
                start,
                end,
                text[start:end],
                text[max(0, start - CONTEXT_CHARS) : start],
                text[end : end + CONTEXT_CHARS],
                None,
                groups,
                names,
                regex,
            )
            if replacement is not None:
                if regex:
                    _check_template(found, replacement)
                match = _with_replacement(match, match.replacement_for(replacement, text))
            matches.append(match)
    return matches


def _check_template(found: re.Match[str], template: str) -> None:
    try:
        found.expand(template)
    except (re.error, IndexError) as error:
        raise TrackingError(f"invalid replacement: {error}") from error


def _with_replacement(match: Match, replacement: str) -> Match:
    return replace(match, replacement=replacement)


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    """What a replace-all did; ``before`` is what undoing it restores (article id → revision id)."""

    count: int
    before: dict[int, int] = field(default_factory=dict)
    after: dict[int, int] = field(default_factory=dict)


def apply_replacements(
    session: Session, matches_selected: Iterable[Match], replacement: str, *, author: str
) -> ReplaceResult:
    """Replace the chosen matches, one revision ``replace`` per touched article.

    A match whose text is no longer where it was found (edited since) or that
    overlaps an earlier one is skipped; ``count`` is how many were replaced.
    """
    backup_before_bulk(session)
    by_block: dict[int, list[Match]] = defaultdict(list)
    for match in matches_selected:
        by_block[match.block_id].append(match)
    touched: dict[int, list[Block]] = defaultdict(list)
    for block_id in by_block:
        block = session.get(Block, block_id)
        if block is not None:
            touched[block.article_id].append(block)
    before: dict[int, int] = {}
    after: dict[int, int] = {}
    count = 0
    for article_id, blocks in touched.items():
        article = get_article(session, article_id)
        previous = current_revision(session, article).id
        replaced = 0
        for block in blocks:
            limit = len(block.text) + 1
            for match in sorted(by_block[block.id], key=lambda m: m.start, reverse=True):
                text = block.text
                if match.end > limit or text[match.start : match.end] != match.text:
                    continue
                new_text = text[: match.start] + match.replacement_for(replacement, text) + text[match.end :]
                limit = match.start
                if new_text != text:
                    record_hunks(session, article, block, text, new_text, author=author, rule=None)
                    replaced += 1
        if replaced:
            before[article_id] = previous
            after[article_id] = create_revision(session, article, author=author, reason="replace").id
            count += replaced
    return ReplaceResult(count, before, after)


def undo_replacements(session: Session, result: ReplaceResult, *, author: str) -> list[int]:
    """Undo a replace-all by restoring each article's revision from before it.

    Articles edited again since are left alone; returns the ids of those restored.
    """
    restored = []
    for article_id, before in result.before.items():
        latest = newest_revision(session, article_id)
        if latest is None or latest.id != result.after.get(article_id):
            continue
        restore_revision(session, before, author=author)
        restored.append(article_id)
    return restored
