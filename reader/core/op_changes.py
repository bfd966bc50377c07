"""One change model for every mutation of the library (no Qt).

Every operation — a text edit, a review status, tags, notes, a structure
edit, rules, an import, a restore — runs in one write transaction and
returns an :class:`OpOutput`: what it changed (:class:`OpChanges`) and how
to undo it (an :data:`Operation` itself, whose output undoes the undo, so a
step can be undone and redone any number of times).  The window tells every
view of ``changes`` with one signal (``Workbench.operation_did_execute``),
and each view refreshes what the flags say it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class OpChanges:
    """What one operation changed: the articles and issues it touched, and which kinds of data."""

    article_ids: frozenset[int] = field(default_factory=frozenset)
    issue_ids: frozenset[int] = field(default_factory=frozenset)
    text: bool = False  # the text of blocks (or titles)
    status: bool = False  # review statuses
    tags: bool = False  # tags, their links to articles, their names, kinds or aliases
    notes: bool = False
    structure: bool = False  # articles split, merged, blocks moved: the number of articles may change
    rules: bool = False  # the user's conversion or tag rules
    imported: bool = False  # new issues
    issues: bool = False  # issues deleted, restored, or their properties changed

    @classmethod
    def of(
        cls,
        article_ids: Iterable[int] = (),
        issue_ids: Iterable[int] = (),
        *,
        text: bool = False,
        status: bool = False,
        tags: bool = False,
        notes: bool = False,
        structure: bool = False,
        rules: bool = False,
        imported: bool = False,
        issues: bool = False,
    ) -> OpChanges:
        """Changes of these articles and issues, with the flags named."""
        return cls(
            frozenset(article_ids),
            frozenset(issue_ids),
            text,
            status,
            tags,
            notes,
            structure,
            rules,
            imported,
            issues,
        )

    def with_flags(self, names: Iterable[str]) -> OpChanges:
        """The same changes with the flags named set too (``"text"``, ``"tags"``, …)."""
        values: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(dict.fromkeys(names, True))
        return OpChanges(**values)

    def __or__(self, other: OpChanges) -> OpChanges:
        merged = {
            f.name: getattr(self, f.name) | getattr(other, f.name)
            for f in fields(self)
            if f.name not in ("article_ids", "issue_ids")
        }
        return OpChanges(self.article_ids | other.article_ids, self.issue_ids | other.issue_ids, **merged)

    @property
    def counts(self) -> bool:
        """True when how many issues or articles there are, or how many carry a tag, may have changed."""
        return self.structure or self.imported or self.issues

    @property
    def tag_counts(self) -> bool:
        """True when how many articles carry each tag may have changed."""
        return self.tags or self.counts

    @property
    def empty(self) -> bool:
        return self == OpChanges()


@dataclass(frozen=True, slots=True)
class OpOutput:
    """What running an operation gave: its changes, its undo (None: it cannot be undone) and its value."""

    changes: OpChanges
    undo: Operation | None = None
    value: object = None


Operation = Callable[["Session"], OpOutput]
"""One change of the library, run in a write transaction the caller opens and commits."""


__all__ = ["OpChanges", "OpOutput", "Operation"]
