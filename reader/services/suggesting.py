"""Use case: suggestions of the artefact rules on articles, decisions on them, safe autofix, user rules.

Suggestions are computed on demand from the blocks' current text (never
stored); a rejected one is remembered as a ``SuggestionDecision`` and matched
to later suggestions by block, rule and matched text at a nearby position, so
it stays rejected when the text is edited elsewhere.  Every text change goes
through :mod:`reader.services.text_edits`.  Services take a Session; callers
own the transaction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import EllipsisType
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from db.models import Article, Block, Issue, utcnow
from db.rules_models import SuggestionDecision, UserRuleRow
from reader.core.errors import JiaokanError
from reader.core.rules import (
    BUILTIN_NAMES,
    BUILTIN_RULES,
    SAFE_RULES,
    Rule,
    RuleError,
    Suggestion,
    UserRule,
    builtin_rule,
    deoverlap,
    find_all,
)
from reader.services.bulk import backup_before_bulk
from reader.services.library import NotFoundError, check_issue_ids
from reader.services.ocr_unsure import OCR_UNSURE, confirm_reading, unsure_passages
from reader.services.text_edits import apply_block_edit, apply_edits_batch
from reader.services.tracking.revisions import current_revision
from reader.services.tracking.saving import start_proofreading

Scope = Literal["article", "issue", "library"]

MATCH_WINDOW = 100
"""How far (in characters) a suggestion may have moved and still match a decision on it."""


class StaleSuggestionError(JiaokanError):
    """A suggestion whose text is no longer where it was (the block changed since)."""


@dataclass(frozen=True, slots=True)
class BlockSuggestion:
    """A suggestion on one block of an article; the span is within ``Block.text``."""

    issue_id: int
    article_id: int
    block_id: int
    block_position: int
    role: str
    suggestion: Suggestion


# -- rules -----------------------------------------------------------------------


def compile_user_rule(row: UserRuleRow) -> UserRule:
    """The usable rule of a stored row (raises RuleError if it no longer compiles)."""
    return UserRule(row.name, row.pattern, row.replacement, row.is_regex, row.scope)


def active_rules(session: Session) -> list[Rule]:
    """The built-in rules and the user's enabled rules."""
    rows = session.scalars(select(UserRuleRow).where(UserRuleRow.enabled).order_by(UserRuleRow.name))
    return [*BUILTIN_RULES, *(compile_user_rule(row) for row in rows)]


def rule_by_name(session: Session, name: str) -> Rule:
    """The built-in or user rule of that name; raises NotFoundError."""
    rule = builtin_rule(name)
    if rule is not None:
        return rule
    row = session.scalar(select(UserRuleRow).where(UserRuleRow.name == name))
    if row is None:
        raise NotFoundError(f"no rule named {name!r}")
    return compile_user_rule(row)


# -- decisions -------------------------------------------------------------------


def _rejections(session: Session, where: Any) -> dict[int, list[SuggestionDecision]]:
    query = select(SuggestionDecision).where(where, SuggestionDecision.decision == "rejected")
    found: dict[int, list[SuggestionDecision]] = defaultdict(list)
    for decision in session.scalars(query):
        found[decision.block_id].append(decision)
    return found


def without_rejected(
    suggestions: Sequence[Suggestion], rejected: Sequence[SuggestionDecision]
) -> list[Suggestion]:
    """The suggestions no rejection matches.

    A rejection matches the suggestion of the same rule and text nearest to
    its position: within ``MATCH_WINDOW`` characters, or at any distance when
    it is the block's only suggestion of that rule and text.
    """
    if not rejected:
        return list(suggestions)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, s in enumerate(suggestions):
        groups[(s.rule, s.text)].append(index)
    pairs = sorted(
        (abs(suggestions[i].start - d.start), n, i)
        for n, d in enumerate(rejected)
        for i in groups.get((d.rule, d.text), ())
    )
    dropped: set[int] = set()
    used: set[int] = set()
    for distance, n, i in pairs:
        if n in used or i in dropped:
            continue
        s = suggestions[i]
        if distance <= MATCH_WINDOW or len(groups[(s.rule, s.text)]) == 1:
            dropped.add(i)
            used.add(n)
    return [s for i, s in enumerate(suggestions) if i not in dropped]


def block_suggestions(
    block: Block, rules: Iterable[Rule], rejected: Sequence[SuggestionDecision] = ()
) -> list[Suggestion]:
    """The suggestions for one block: its role's rules, minus rejected ones, edits non-overlapping."""
    return deoverlap(without_rejected(find_all(block.text, block.role, rules), rejected))


def article_suggestions(
    session: Session, article_id: int, *, rules: Sequence[Rule] | None = None
) -> list[BlockSuggestion]:
    """Every suggestion on an article's blocks in reading order, rejected ones left out."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id}")
    rules = active_rules(session) if rules is None else rules
    rejected = _rejections(session, SuggestionDecision.article_id == article_id)
    blocks = session.scalars(select(Block).where(Block.article_id == article_id).order_by(Block.position))
    found = [
        BlockSuggestion(article.issue_id, article_id, b.id, b.position, b.role, s)
        for b in blocks
        for s in block_suggestions(b, rules, rejected.get(b.id, ()))
    ]
    return found + unsure_suggestions(session, article.issue_id, article_id)  # read from scans: "OCR unsure"


def unsure_suggestions(session: Session, issue_id: int, article_id: int) -> list[BlockSuggestion]:
    """The passages of an article read from scans that the OCR model was unsure of (rule "OCR unsure")."""
    query = select(Block.id, Block.role).where(Block.article_id == article_id)
    roles = {block_id: role for block_id, role in session.execute(query)}
    return [
        BlockSuggestion(issue_id, article_id, p.block_id, p.block_position, roles[p.block_id], p.suggestion)
        for p in unsure_passages(session, article_id)
    ]


def open_suggestion_count(session: Session, issue_id: int) -> int:
    """Open suggestions (edits and flags) of the active rules in an issue, rejected ones left out."""
    rules = active_rules(session)
    in_issue = select(Article.id).where(Article.issue_id == issue_id)
    blocks = session.scalars(select(Block).where(Block.article_id.in_(in_issue))).all()
    rejected = _rejections(session, SuggestionDecision.article_id.in_(in_issue))
    return sum(len(block_suggestions(b, rules, rejected.get(b.id, ()))) for b in blocks)


def iter_suggestions(
    session: Session, *, issue_ids: Sequence[int] | None = None, rules: Sequence[Rule] | None = None
) -> Iterator[BlockSuggestion]:
    """Suggestions over issues (all by default), article by article in reading order."""
    if issue_ids:
        check_issue_ids(session, list(issue_ids))
    rules = active_rules(session) if rules is None else rules
    for issue_id in _issue_ids(session, issue_ids):
        articles = session.scalars(
            select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
        ).all()
        for article_id in articles:
            yield from article_suggestions(session, article_id, rules=rules)


def _decide(session: Session, item: BlockSuggestion, decision: str, author: str) -> SuggestionDecision:
    s = item.suggestion
    row = SuggestionDecision(
        article_id=item.article_id,
        block_id=item.block_id,
        rule=s.rule,
        start=s.start,
        end=s.end,
        text=s.text,
        decision=decision,
        author=author,
        decided_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def _current_block(session: Session, item: BlockSuggestion) -> Block:
    """The block of a suggestion, checked to still hold the suggested text where it was."""
    block = session.get(Block, item.block_id)
    s = item.suggestion
    if block is None or block.article_id != item.article_id:
        raise NotFoundError(f"block {item.block_id} is not in article {item.article_id}")
    if block.text[s.start : s.end] != s.text:
        raise StaleSuggestionError(f"the text of block {item.block_id} changed: refresh the suggestions")
    return block


def check_current(session: Session, item: BlockSuggestion) -> None:
    """Raise StaleSuggestionError when the suggested text is no longer where it was."""
    _current_block(session, item)


def reject(session: Session, item: BlockSuggestion, *, author: str) -> SuggestionDecision:
    """Reject a suggestion: it is not offered again, even after edits elsewhere in the block."""
    _current_block(session, item)
    return _decide(session, item, "rejected", author)


def accept(session: Session, item: BlockSuggestion, *, author: str) -> Block:
    """Apply a suggestion's replacement to its block (a tracked change) and remember the decision;
    a ``new`` article becomes ``in_progress``, as after the editor's first saved edit."""
    s = item.suggestion
    if s.rule == OCR_UNSURE:  # the reading is right: the decision is recorded, the mark cleared
        _current_block(session, item)
        return confirm_reading(session, item.block_id, s, author=author).block
    if s.replacement is None:
        raise RuleError(f"rule {s.rule} only flags this text: edit it by hand")
    block = _current_block(session, item)
    _decide(session, item, "accepted", author)
    current_revision(session, block.article)  # the revision before keeps the status before
    start_proofreading(block.article)  # an accepted suggestion is a saved edit, as a typed one
    return apply_block_edit(session, item.block_id, s.start, s.end, s.replacement, author=author, rule=s.rule)


# -- bulk ------------------------------------------------------------------------


def _issue_ids(session: Session, issue_ids: Sequence[int] | None) -> list[int]:
    query = select(Issue.id).order_by(Issue.id)
    if issue_ids:
        query = query.where(Issue.id.in_(issue_ids))
    return list(session.scalars(query))


def _scope_issue_ids(session: Session, scope: Scope, id: int | None) -> tuple[list[int], int | None]:
    """The issues a scope covers, and the one article it is limited to (article scope)."""
    if scope == "library":
        return _issue_ids(session, None), None
    if id is None:
        raise NotFoundError(f"the {scope} scope needs an id")
    if scope == "issue":
        check_issue_ids(session, [id])
        return [id], None
    if scope == "article":
        article = session.get(Article, id)
        if article is None:
            raise NotFoundError(f"no article with id {id}")
        return [article.issue_id], id
    raise ValueError(f"unknown scope {scope!r}")


def _issue_edits(
    session: Session, issue_id: int, rules: Sequence[Rule], article_id: int | None = None
) -> list[tuple[Block, list[Suggestion]]]:
    """The blocks of an issue (or of one of its articles) with the edits the rules suggest."""
    where = Article.issue_id == issue_id if article_id is None else Article.id == article_id
    blocks = session.scalars(
        select(Block)
        .join(Block.article)
        .options(contains_eager(Block.article))
        .where(where)
        .order_by(Article.position, Block.position)
    ).all()
    rejected = _rejections(session, SuggestionDecision.article_id.in_(select(Article.id).where(where)))
    found = []
    for block in blocks:
        suggestions = block_suggestions(block, rules, rejected.get(block.id, ()))
        edits = [s for s in suggestions if s.replacement is not None]
        if edits:
            found.append((block, edits))
    return found


def preview_accept_all(session: Session, rule: str, scope: Scope, id: int | None = None) -> int:
    """How many suggestions of a rule ``accept_all`` would apply in an article, issue or the library."""
    rules = [rule_by_name(session, rule)]
    issue_ids, article_id = _scope_issue_ids(session, scope, id)
    return sum(len(edits) for i in issue_ids for _, edits in _issue_edits(session, i, rules, article_id))


def accept_all(session: Session, rule: str, scope: Scope, id: int | None = None, *, author: str) -> int:
    """Apply every (not rejected) suggestion of a rule in an article, issue or the library; the count."""
    rules = [rule_by_name(session, rule)]
    issue_ids, article_id = _scope_issue_ids(session, scope, id)
    backup_before_bulk(session)
    applied = 0
    for issue_id in issue_ids:
        found = _issue_edits(session, issue_id, rules, article_id)
        _apply(session, found, author, rule)
        applied += sum(len(edits) for _, edits in found)
    return applied


def _apply(session: Session, found: Sequence[tuple[Block, list[Suggestion]]], author: str, rule: str) -> None:
    """Apply one rule's edits to many blocks as one step: one revision per article."""
    items = [
        (block, [(s.start, s.end, s.replacement) for s in edits if s.replacement is not None])
        for block, edits in found
    ]
    apply_edits_batch(session, items, author=author, rule=rule)
    session.flush()


@dataclass(frozen=True, slots=True)
class IssueFix:
    """What ``fix_safe`` changed in one issue."""

    issue_id: int
    source_name: str
    changes: int
    blocks: int
    articles: int
    by_rule: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class FixReport:
    """Every issue ``fix_safe`` looked at, in id order."""

    issues: list[IssueFix] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """Replacements made in all."""
        return sum(i.changes for i in self.issues)

    @property
    def blocks(self) -> int:
        """Blocks changed in all."""
        return sum(i.blocks for i in self.issues)

    @property
    def articles(self) -> int:
        """Articles changed in all."""
        return sum(i.articles for i in self.issues)


def fix_safe(
    session: Session,
    *,
    issue_ids: Sequence[int] | None = None,
    author: str,
    rules: Sequence[Rule] = SAFE_RULES,
) -> FixReport:
    """Apply every safe rule's (not rejected) suggestions to issues (all by default)."""
    if issue_ids:
        check_issue_ids(session, list(issue_ids))
    backup_before_bulk(session)
    report = FixReport()
    for issue_id in _issue_ids(session, issue_ids):
        by_rule: Counter[str] = Counter()
        blocks: set[int] = set()
        articles: set[int] = set()
        for rule in rules:  # one rule at a time: each sees the text the previous one left
            found = _issue_edits(session, issue_id, [rule])
            _apply(session, found, author, rule.name)
            by_rule[rule.name] += sum(len(edits) for _, edits in found)
            blocks.update(block.id for block, _ in found)
            articles.update(block.article_id for block, _ in found)
        name = session.scalar(select(Issue.source_name).where(Issue.id == issue_id)) or ""
        report.issues.append(
            IssueFix(issue_id, name, sum(by_rule.values()), len(blocks), len(articles), dict(by_rule))
        )
    return report


# -- user rules ------------------------------------------------------------------

USER_RULE_FIELDS = ("name", "pattern", "replacement", "is_regex", "scope", "enabled")
_FIELD_TYPES: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("name", (str,)),
    ("pattern", (str,)),
    ("replacement", (str, type(None))),
    ("is_regex", (bool,)),
    ("scope", (str,)),
    ("enabled", (bool,)),
)


def _checked(name: str, pattern: str, replacement: str | None, is_regex: bool, scope: str) -> UserRule:
    if name in BUILTIN_NAMES:
        raise RuleError(f"{name!r} is the name of a built-in rule")
    return UserRule(name, pattern, replacement, is_regex, scope)


def list_user_rules(session: Session) -> list[UserRuleRow]:
    """The user's rules by name."""
    return list(session.scalars(select(UserRuleRow).order_by(UserRuleRow.name)))


def _user_rule(session: Session, rule_id: int) -> UserRuleRow:
    row = session.get(UserRuleRow, rule_id)
    if row is None:
        raise NotFoundError(f"no user rule with id {rule_id}")
    return row


def create_user_rule(
    session: Session,
    name: str,
    pattern: str,
    replacement: str | None,
    *,
    is_regex: bool = False,
    scope: str = "all",
    enabled: bool = True,
) -> UserRuleRow:
    """Add a rule (checked: a bad regex or a taken name raises RuleError)."""
    _checked(name, pattern, replacement, is_regex, scope)
    if session.scalar(select(UserRuleRow.id).where(UserRuleRow.name == name)) is not None:
        raise RuleError(f"a rule named {name!r} already exists")
    row = UserRuleRow(
        name=name,
        pattern=pattern,
        replacement=replacement,
        is_regex=is_regex,
        scope=scope,
        enabled=enabled,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def update_user_rule(
    session: Session,
    rule_id: int,
    *,
    name: str | None = None,
    pattern: str | None = None,
    replacement: str | EllipsisType | None = ...,
    is_regex: bool | None = None,
    scope: str | None = None,
    enabled: bool | None = None,
) -> UserRuleRow:
    """Change some fields of a rule (``replacement=None`` makes it flag only); checked as on creation."""
    row = _user_rule(session, rule_id)
    new_name = row.name if name is None else name
    new_replacement = row.replacement if isinstance(replacement, EllipsisType) else replacement
    new_pattern = row.pattern if pattern is None else pattern
    new_regex = row.is_regex if is_regex is None else is_regex
    new_scope = row.scope if scope is None else scope
    _checked(new_name, new_pattern, new_replacement, new_regex, new_scope)
    same_name = select(UserRuleRow.id).where(UserRuleRow.name == new_name, UserRuleRow.id != rule_id)
    if session.scalar(same_name) is not None:
        raise RuleError(f"a rule named {new_name!r} already exists")
    row.name, row.pattern, row.replacement = new_name, new_pattern, new_replacement
    row.is_regex, row.scope = new_regex, new_scope
    if enabled is not None:
        row.enabled = enabled
    return row


def delete_user_rule(session: Session, rule_id: int) -> None:
    """Remove a rule (decisions on its suggestions are kept)."""
    session.delete(_user_rule(session, rule_id))


def export_user_rules(session: Session) -> list[dict[str, Any]]:
    """The user's rules as JSON-ready dictionaries, to share."""
    return [{key: getattr(row, key) for key in USER_RULE_FIELDS} for row in list_user_rules(session)]


def import_user_rules(session: Session, rows: Iterable[Mapping[str, Any]]) -> int:
    """Add or update (by name) rules from ``export_user_rules`` dictionaries; all or nothing.

    Raises RuleError naming the first bad row; returns how many rules were written.
    """
    checked = [_row_fields(n, row) for n, row in enumerate(rows, start=1)]
    names = [fields["name"] for fields in checked]
    if len(set(names)) != len(names):
        raise RuleError("the same rule name appears twice: " + ", ".join(sorted(_dupes(names))))
    existing = {row.name: row for row in list_user_rules(session)}
    for fields in checked:
        row = existing.get(fields["name"])
        if row is None:
            create_user_rule(session, **fields)
        else:
            update_user_rule(session, row.id, **fields)
    return len(checked)


def _row_fields(number: int, row: Mapping[str, Any]) -> dict[str, Any]:
    """One imported row checked for types and compiled; raises RuleError naming the row."""
    try:
        if not isinstance(row, Mapping):
            raise RuleError("not an object")
        fields = {
            "name": row["name"],
            "pattern": row["pattern"],
            "replacement": row.get("replacement"),
            "is_regex": row.get("is_regex", False),
            "scope": row.get("scope", "all"),
            "enabled": row.get("enabled", True),
        }
        for key, kinds in _FIELD_TYPES:
            if not isinstance(fields[key], kinds):
                raise RuleError(f"{key!r} has the wrong type")
        _checked(*(fields[key] for key in ("name", "pattern", "replacement", "is_regex", "scope")))
    except KeyError as error:
        raise RuleError(f"rule {number}: missing {error}") from None
    except RuleError as error:
        raise RuleError(f"rule {number}: {error}") from None
    return fields


def _dupes(names: Sequence[str]) -> set[str]:
    return {name for name, count in Counter(names).items() if count > 1}
