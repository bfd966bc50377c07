"""Use case: tag rules, "tag every article that mentions X (or matches a pattern) with T".

A rule is applied on demand (:func:`preview_rule` counts first,
:func:`apply_rule` returns a record whose ``undo`` takes the tag off again)
and to every article imported afterwards (:func:`apply_rules_to_issues`,
called by the import in the same transaction).  Matching reads the article's
headings and body, folded: a plain pattern matches in any script and width;
a regular expression is matched against the folded (simplified) text.  Links
a rule adds are recorded as added by ``rule:<id>``, so :func:`unapply_rule`
can take off what a rule did and nothing an archivist did by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.models import Article, utcnow
from db.tagging_models import ArticleTag, Tag, TagAlias, TagRule
from reader.core.script import fold
from reader.services.library import NotFoundError
from reader.services.tag_idf import INSERT_CHUNK, article_contents
from reader.services.tagging import (
    AddResult,
    LinkRow,
    RemoveResult,
    TaggingError,
    TagRow,
    add_tag,
    get_or_create_tag,
    get_tag,
    tag_path,
)

MAX_PATTERN = 200
_READ_STEP = 1000  # articles read at a time while matching


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as listed: id, the tag's path and kind, the pattern, whether it is a regular expression."""

    id: int
    tag_id: int
    tag: str
    kind: str
    pattern: str
    is_regex: bool


@dataclass(frozen=True, slots=True)
class RulePreview:
    """What applying a rule would do: the articles it matches, and those it would newly tag."""

    rule_id: int
    matching: tuple[int, ...]
    new: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AddedRule:
    """A rule added, and the tags created for it (undo deletes both)."""

    rule_id: int
    created_tag_ids: tuple[int, ...]

    def undo(self, session: Session) -> None:
        session.execute(delete(TagRule).where(TagRule.id == self.rule_id))
        for tag_id in reversed(self.created_tag_ids):
            session.execute(delete(Tag).where(Tag.id == tag_id))
        session.expire_all()


@dataclass(frozen=True, slots=True)
class RemovedRule:
    """A rule removed (its links stay), and its tag if nothing else had it; undo puts both back."""

    values: dict[str, object]
    tag: TagRow | None = None  # the rule's tag, deleted with it: no article, alias, child or rule had it

    def undo(self, session: Session) -> None:
        if self.tag is not None:
            session.execute(insert(Tag), [self.tag.values()])
        session.execute(insert(TagRule), [self.values])
        session.expire_all()


def author_of(rule_id: int) -> str:
    """What ``added_by`` says on the links a rule added (``tagging.is_rule_author`` knows it)."""
    return f"rule:{rule_id}"


def _check_pattern(pattern: str, is_regex: bool) -> str:
    clean = pattern.strip()
    if not clean:
        raise TaggingError("a rule needs something to look for")
    if len(clean) > MAX_PATTERN:
        raise TaggingError(f"a rule's pattern has at most {MAX_PATTERN} characters")
    if is_regex:
        try:
            compiled = re.compile(fold(clean))
        except re.error as error:
            raise TaggingError(f"not a valid regular expression: {clean} ({error})") from None
        if compiled.search("") is not None:
            raise TaggingError(
                f"the regular expression {clean} matches empty text: it would tag every article"
            )
    return clean


def add_rule(
    session: Session, tag_name: str, pattern: str, *, is_regex: bool = False, kind: str | None = None
) -> AddedRule:
    """A rule tagging with ``tag_name`` (created if needed) every article that mentions ``pattern``."""
    clean = _check_pattern(pattern, is_regex)
    resolved = get_or_create_tag(session, tag_name, kind=kind)
    made = resolved.tag.id in resolved.created  # the rule's own tag: made at the rule's time
    created_at = resolved.tag.created_at if made else utcnow()
    rule = TagRule(tag_id=resolved.tag.id, pattern=clean, is_regex=is_regex, created_at=created_at)
    session.add(rule)
    session.flush()
    return AddedRule(rule.id, resolved.created)


def get_rule(session: Session, rule_id: int) -> TagRule:
    rule = session.get(TagRule, rule_id)
    if rule is None:
        raise NotFoundError(f"no tag rule {rule_id}")
    return rule


def list_rules(session: Session) -> list[RuleInfo]:
    """Every rule, oldest first."""
    out = []
    for rule in session.scalars(select(TagRule).order_by(TagRule.id)):
        tag = get_tag(session, rule.tag_id)
        out.append(RuleInfo(rule.id, tag.id, tag_path(tag), tag.kind, rule.pattern, rule.is_regex))
    return out


def _unused(session: Session, tag_id: int) -> bool:
    """True when no article, alias, child tag or rule has the tag."""
    for held in (
        select(ArticleTag.article_id).where(ArticleTag.tag_id == tag_id),
        select(TagAlias.id).where(TagAlias.tag_id == tag_id),
        select(Tag.id).where(Tag.parent_id == tag_id),
        select(TagRule.id).where(TagRule.tag_id == tag_id),
    ):
        if session.scalar(held.limit(1)) is not None:
            return False
    return True


def remove_rule(session: Session, rule_id: int) -> RemovedRule:
    """Delete a rule; the tags it added stay on their articles.

    The tag the rule made when it was added (it bears the rule's time) goes
    with the rule when nothing else has it (no article, alias, child tag or
    other rule: the rule was never applied, or its links were all taken off),
    so a mistyped rule leaves no empty tag behind.  A tag the archivist made
    stays.
    """
    rule = get_rule(session, rule_id)
    values: dict[str, object] = {
        "id": rule.id,
        "tag_id": rule.tag_id,
        "pattern": rule.pattern,
        "is_regex": rule.is_regex,
        "created_at": rule.created_at,
    }
    session.delete(rule)
    session.flush()
    tag = get_tag(session, rule.tag_id)
    if tag.created_at != rule.created_at or not _unused(session, tag.id):
        return RemovedRule(values)
    row = TagRow.of(tag)
    session.execute(delete(Tag).where(Tag.id == tag.id))
    session.expire_all()
    return RemovedRule(values, row)


def _matcher(rule: TagRule) -> re.Pattern[str]:
    folded = fold(rule.pattern)
    return re.compile(folded if rule.is_regex else re.escape(folded))


def _matching(session: Session, rules: Sequence[TagRule], article_ids: Sequence[int]) -> dict[int, list[int]]:
    """For each rule id, the articles (of ``article_ids``) whose text it matches."""
    matchers = [(rule.id, _matcher(rule)) for rule in rules]
    out: dict[int, list[int]] = {rule.id: [] for rule in rules}
    for i in range(0, len(article_ids), _READ_STEP):
        for article_id, content in article_contents(session, article_ids[i : i + _READ_STEP]).items():
            text = fold(content.headings + "\n" + content.body)
            for rule_id, matcher in matchers:
                if matcher.search(text):
                    out[rule_id].append(article_id)
    return out


def _all_articles(session: Session) -> list[int]:
    return list(session.scalars(select(Article.id).order_by(Article.id)))


def _tagged(session: Session, tag_id: int, article_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for i in range(0, len(article_ids), INSERT_CHUNK):
        chunk = list(article_ids[i : i + INSERT_CHUNK])
        found.update(
            session.scalars(
                select(ArticleTag.article_id).where(
                    ArticleTag.tag_id == tag_id, ArticleTag.article_id.in_(chunk)
                )
            )
        )
    return found


def preview_rule(session: Session, rule_id: int) -> RulePreview:
    """The articles a rule matches in the whole library, and those it would newly tag."""
    rule = get_rule(session, rule_id)
    matching = _matching(session, [rule], _all_articles(session))[rule.id]
    had = _tagged(session, rule.tag_id, matching)
    return RulePreview(rule.id, tuple(matching), tuple(a for a in matching if a not in had))


def apply_rule(session: Session, rule_id: int) -> AddResult:
    """Tag every article of the library the rule matches; ``undo`` of the result reverts it."""
    rule = get_rule(session, rule_id)
    matching = _matching(session, [rule], _all_articles(session))[rule.id]
    tag = get_tag(session, rule.tag_id)
    return add_tag(session, matching, tag_path(tag), author=author_of(rule.id))


def apply_rules_to_issues(session: Session, issue_ids: Iterable[int]) -> dict[int, int]:
    """Apply every rule to the articles of newly imported issues; returns {rule id: articles tagged}."""
    rules = list(session.scalars(select(TagRule).order_by(TagRule.id)))
    issues = list(dict.fromkeys(issue_ids))
    if not rules or not issues:
        return {}
    ids: list[int] = []
    for i in range(0, len(issues), INSERT_CHUNK):
        chunk = issues[i : i + INSERT_CHUNK]
        ids.extend(
            session.scalars(select(Article.id).where(Article.issue_id.in_(chunk)).order_by(Article.id))
        )
    out: dict[int, int] = {}
    for rule_id, matching in _matching(session, rules, ids).items():
        if matching:
            tag = get_tag(session, next(r.tag_id for r in rules if r.id == rule_id))
            out[rule_id] = len(add_tag(session, matching, tag_path(tag), author=author_of(rule_id)).added)
    return out


def unapply_rule(session: Session, rule_id: int) -> RemoveResult:
    """Take the rule's tag off every article the rule tagged (tags added by hand stay)."""
    rule = get_rule(session, rule_id)
    rows = session.execute(
        select(
            ArticleTag.article_id,
            ArticleTag.tag_id,
            ArticleTag.added_by,
            ArticleTag.added_at,
            ArticleTag.from_suggestion,
        ).where(ArticleTag.tag_id == rule.tag_id, ArticleTag.added_by == author_of(rule.id))
    )
    links = tuple(LinkRow(*row) for row in rows)
    ids = [link.article_id for link in links]
    for i in range(0, len(ids), INSERT_CHUNK):
        session.execute(
            delete(ArticleTag).where(
                ArticleTag.tag_id == rule.tag_id, ArticleTag.article_id.in_(ids[i : i + INSERT_CHUNK])
            )
        )
    return RemoveResult(rule.tag_id, links)
