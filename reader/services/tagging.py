"""Use case: tag articles and manage tags (names, creating, renaming, merging, the hierarchy).

Every function takes a Session and leaves the transaction to the caller.
Tag names are script-, width- and case-insensitive (``陆家嘴`` and ``陸家嘴`` are
one tag: ``Tag.name_key`` is :func:`reader.core.script.fold` of the name); a
name written ``parent/child`` places the tag under a parent.  Functions that
change tags return a record whose ``undo(session)`` puts everything back.
Reading tags (the tree, an article's tags, articles by tags) is
:mod:`reader.services.tag_queries`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from db.models import Article, utcnow
from db.row_digests import DIGEST_RESET
from db.tagging_models import TAG_KINDS, ArticleTag, Tag, TagAlias
from reader.core.errors import JiaokanError
from reader.core.script import fold
from reader.services.bulk import backup_before_bulk
from reader.services.library import NotFoundError
from reader.services.tag_idf import INSERT_CHUNK

MAX_NAME = 100
PATH_SEPARATOR = "/"
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


class TaggingError(JiaokanError):
    """A tagging request that cannot be carried out (the message says why)."""


class TagExistsError(TaggingError):
    """Another tag already has this name (in any script): merge instead."""


class TagCycleError(TaggingError):
    """A tag cannot be placed under itself or one of its descendants."""


# ---------------------------------------------------------------------------------------------
# Names


def normalise_name(name: str) -> str:
    """A tag name with its whitespace collapsed; raises TaggingError when empty, too long or with ``/``."""
    clean = " ".join(name.split())
    if not clean:
        raise TaggingError("a tag name cannot be empty")
    if PATH_SEPARATOR in clean:
        raise TaggingError(f"a tag name cannot contain {PATH_SEPARATOR!r}: {clean}")
    if len(clean) > MAX_NAME:
        raise TaggingError(f"a tag name has at most {MAX_NAME} characters: {clean[:20]}…")
    return clean


def name_key(name: str) -> str:
    """The script-, width- and case-insensitive key of a tag name."""
    return fold(normalise_name(name))


def split_path(path: str) -> list[str]:
    """``浦东/陆家嘴`` → ``['浦东', '陆家嘴']`` (each part normalised)."""
    return [normalise_name(part) for part in path.split(PATH_SEPARATOR)]


def tag_path(tag: Tag) -> str:
    """The tag's name under its ancestors: ``parent/child``."""
    names = [tag.name]
    seen = {tag.id}
    node = tag.parent
    while node is not None and node.id not in seen:
        names.append(node.name)
        seen.add(node.id)
        node = node.parent
    return PATH_SEPARATOR.join(reversed(names))


def check_kind(kind: str) -> str:
    if kind not in TAG_KINDS:
        raise TaggingError(f"unknown tag kind {kind!r}; expected one of {', '.join(TAG_KINDS)}")
    return kind


# ---------------------------------------------------------------------------------------------
# Finding and creating tags


def find_tag(session: Session, name: str) -> Tag | None:
    """The tag named ``name`` (or ``parent/name``: the last part decides, or an alias), in any script."""
    return _by_key(session, fold(split_path(name)[-1]))


def _by_key(session: Session, key: str) -> Tag | None:
    """The tag with this folded name, else the tag with this folded alias."""
    tag = session.scalar(select(Tag).where(Tag.name_key == key))
    if tag is None:
        tag = session.scalar(
            select(Tag).join(TagAlias, TagAlias.tag_id == Tag.id).where(TagAlias.alias_key == key)
        )
    return tag


def get_tag(session: Session, name_or_id: str | int) -> Tag:
    """The tag with this id or name; raises NotFoundError."""
    tag = session.get(Tag, name_or_id) if isinstance(name_or_id, int) else find_tag(session, name_or_id)
    if tag is None:
        raise NotFoundError(f"no tag {name_or_id!r}")
    return tag


@dataclass(frozen=True, slots=True)
class Resolved:
    """The tag a name resolved to, the tags created for it and the parents set on existing tags."""

    tag: Tag
    created: tuple[int, ...]
    placed: tuple[AttributeChange, ...]


def get_or_create_tag(session: Session, name: str, *, kind: str | None = None) -> Resolved:
    """The tag named ``name``; a path ``parent/child`` creates the missing tags along it.

    A name may be an alias of the tag.  Tags created get ``kind`` (by default
    their parent's kind, or ``topic``); an existing tag keeps its kind.  An
    existing tag without a parent is placed under the path's parent.
    """
    parts = split_path(name)
    created: list[int] = []
    placed: list[AttributeChange] = []
    parent: Tag | None = None
    for part in parts:
        tag = _by_key(session, fold(part))
        if tag is None:
            tag = Tag(
                name=part,
                name_key=fold(part),
                kind=check_kind(kind) if kind else (parent.kind if parent else "topic"),
                parent_id=parent.id if parent else None,
                created_at=utcnow(),
            )
            session.add(tag)
            session.flush()
            created.append(tag.id)
        elif parent is not None and tag.parent_id is None and tag.id != parent.id:
            placed.append(set_parent(session, tag.id, parent.id))
        parent = tag
    assert parent is not None
    return Resolved(parent, tuple(created), tuple(placed))


# ---------------------------------------------------------------------------------------------
# Undo records


@dataclass(frozen=True, slots=True)
class TagRow:
    """Every column of a tag, to recreate it."""

    id: int
    name: str
    name_key: str
    kind: str
    parent_id: int | None
    colour: str | None
    created_at: datetime

    @classmethod
    def of(cls, tag: Tag) -> TagRow:
        return cls(tag.id, tag.name, tag.name_key, tag.kind, tag.parent_id, tag.colour, tag.created_at)

    def values(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_key": self.name_key,
            "kind": self.kind,
            "parent_id": self.parent_id,
            "colour": self.colour,
            "created_at": self.created_at,
        }


@dataclass(frozen=True, slots=True)
class LinkRow:
    """Every column of an article–tag link, to recreate it."""

    article_id: int
    tag_id: int
    added_by: str
    added_at: datetime
    from_suggestion: bool

    def values(self, tag_id: int | None = None) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "tag_id": self.tag_id if tag_id is None else tag_id,
            "added_by": self.added_by,
            "added_at": self.added_at,
            "from_suggestion": self.from_suggestion,
        }


def _links(session: Session, tag_id: int, article_ids: Collection[int] | None = None) -> list[LinkRow]:
    query = select(
        ArticleTag.article_id,
        ArticleTag.tag_id,
        ArticleTag.added_by,
        ArticleTag.added_at,
        ArticleTag.from_suggestion,
    ).where(ArticleTag.tag_id == tag_id)
    if article_ids is not None:
        query = query.where(ArticleTag.article_id.in_(list(article_ids)))
    return [LinkRow(*row) for row in session.execute(query.order_by(ArticleTag.article_id))]


def _insert_links(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    for i in range(0, len(rows), INSERT_CHUNK):
        session.execute(insert(ArticleTag), list(rows[i : i + INSERT_CHUNK]))


def _delete_links(session: Session, tag_id: int, article_ids: Collection[int]) -> None:
    ids = list(article_ids)
    for i in range(0, len(ids), INSERT_CHUNK):
        session.execute(
            delete(ArticleTag).where(
                ArticleTag.tag_id == tag_id, ArticleTag.article_id.in_(ids[i : i + INSERT_CHUNK])
            )
        )


def _set_parents(session: Session, parents: Iterable[tuple[int, int | None]]) -> None:
    for tag_id, parent_id in parents:
        session.execute(update(Tag).where(Tag.id == tag_id).values(parent_id=parent_id))


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``add_tag`` did: the tag, the tags it created and the articles newly tagged."""

    tag_id: int
    name: str
    created_tag_ids: tuple[int, ...]
    placed: tuple[AttributeChange, ...]  # existing tags put under the path's parent
    added: tuple[int, ...]
    already: tuple[int, ...]
    claimed: tuple[LinkRow, ...] = ()  # links a rule had made, now the person's (as they were before)

    def undo(self, session: Session) -> None:
        _delete_links(session, self.tag_id, self.added)
        for link in self.claimed:
            _set_author(session, link.tag_id, link.article_id, link.added_by)
        for change in reversed(self.placed):
            change.undo(session)
        for tag_id in reversed(self.created_tag_ids):
            session.execute(delete(Tag).where(Tag.id == tag_id))
        session.expire_all()


@dataclass(frozen=True, slots=True)
class RemoveResult:
    """What ``remove_tag`` removed."""

    tag_id: int
    removed: tuple[LinkRow, ...]

    def undo(self, session: Session) -> None:
        _insert_links(session, [link.values() for link in self.removed])


@dataclass(frozen=True, slots=True)
class RenameResult:
    """A tag's name before and after ``rename_tag``."""

    tag_id: int
    old_name: str
    new_name: str

    def undo(self, session: Session) -> None:
        session.execute(
            update(Tag)
            .where(Tag.id == self.tag_id)
            .values(name=self.old_name, name_key=fold(self.old_name), **DIGEST_RESET)
        )


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What ``merge_tags`` did: the source tag as it was, its links, the parents it changed."""

    source: TagRow
    target_id: int
    moved: tuple[LinkRow, ...]  # source links now on the target
    collapsed: tuple[LinkRow, ...]  # source links dropped: the article had the target already
    reparented: tuple[tuple[int, int | None], ...]  # (tag id, parent before)

    def undo(self, session: Session) -> None:
        _delete_links(session, self.target_id, [link.article_id for link in self.moved])
        session.execute(insert(Tag), [self.source.values()])
        _set_parents(session, self.reparented)
        _insert_links(session, [link.values() for link in self.moved + self.collapsed])
        session.expire_all()


@dataclass(frozen=True, slots=True)
class DeleteResult:
    """What ``delete_tag`` removed: the tag, its links, and the children moved up a level."""

    tag: TagRow
    links: tuple[LinkRow, ...]
    reparented: tuple[tuple[int, int | None], ...]

    @property
    def article_count(self) -> int:
        """How many articles lost the tag."""
        return len(self.links)

    def undo(self, session: Session) -> None:
        session.execute(insert(Tag), [self.tag.values()])
        _set_parents(session, self.reparented)
        _insert_links(session, [link.values() for link in self.links])
        session.expire_all()


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """One attribute of a tag before and after (``kind``, ``parent_id`` or ``colour``)."""

    tag_id: int
    attribute: str
    old: Any
    new: Any

    def undo(self, session: Session) -> None:
        session.execute(
            update(Tag).where(Tag.id == self.tag_id).values({self.attribute: self.old, **DIGEST_RESET})
        )


# ---------------------------------------------------------------------------------------------
# Changing tags


def check_article_ids(session: Session, article_ids: Iterable[int]) -> list[int]:
    """The ids without duplicates, in order; raises NotFoundError naming the unknown ones."""
    ids = list(dict.fromkeys(article_ids))
    found: set[int] = set()
    for i in range(0, len(ids), INSERT_CHUNK):
        found.update(session.scalars(select(Article.id).where(Article.id.in_(ids[i : i + INSERT_CHUNK]))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError("no article with id " + ", ".join(str(i) for i in missing))
    return ids


def add_tag(
    session: Session,
    article_ids: Iterable[int],
    name: str,
    *,
    kind: str | None = None,
    author: str,
    from_suggestion: bool = False,
) -> AddResult:
    """Tag several articles with ``name`` (created if needed; see :func:`get_or_create_tag`)."""
    ids = check_article_ids(session, article_ids)
    resolved = get_or_create_tag(session, name, kind=kind)
    tag = resolved.tag
    links = _links(session, tag.id, ids)
    had = {link.article_id for link in links}
    new = [i for i in ids if i not in had]
    # A tag a rule put on is the person's once they add it themselves: undoing the rule keeps it.
    claimed = tuple(link for link in links if is_rule_author(link.added_by) and not is_rule_author(author))
    for link in claimed:
        _set_author(session, tag.id, link.article_id, author)
    now = utcnow()
    _insert_links(
        session,
        [
            {
                "article_id": i,
                "tag_id": tag.id,
                "added_by": author,
                "added_at": now,
                "from_suggestion": from_suggestion,
            }
            for i in new
        ],
    )
    already = tuple(i for i in ids if i in had)
    return AddResult(tag.id, tag.name, resolved.created, resolved.placed, tuple(new), already, claimed)


def is_rule_author(added_by: str) -> bool:
    """True for the ``added_by`` of a link a tagging rule made (``rule:12``)."""
    return added_by.startswith("rule:")


def _set_author(session: Session, tag_id: int, article_id: int, author: str) -> None:
    session.execute(
        update(ArticleTag)
        .where(ArticleTag.tag_id == tag_id, ArticleTag.article_id == article_id)
        .values(added_by=author)
    )


def remove_tag(session: Session, article_ids: Iterable[int], tag_id: int) -> RemoveResult:
    """Take a tag off several articles (those without it are left alone)."""
    get_tag(session, tag_id)
    links = _links(session, tag_id, check_article_ids(session, article_ids))
    _delete_links(session, tag_id, [link.article_id for link in links])
    return RemoveResult(tag_id, tuple(links))


def rename_tag(session: Session, tag_id: int, new_name: str) -> RenameResult:
    """Rename a tag; a name another tag has (in any script) raises TagExistsError."""
    tag = get_tag(session, tag_id)
    clean = normalise_name(new_name)
    other = session.scalar(select(Tag).where(Tag.name_key == fold(clean), Tag.id != tag.id))
    if other is not None:
        raise TagExistsError(f"a tag {other.name!r} already exists; merge the two instead")
    old = tag.name
    tag.name, tag.name_key = clean, fold(clean)
    session.flush()
    return RenameResult(tag.id, old, clean)


def merge_tags(session: Session, source_id: int, target_id: int) -> MergeResult:
    """Move every link of ``source`` to ``target`` (duplicates collapse), then delete ``source``.

    The source's children go under the target; if the target was below the
    source, it takes the source's place in the hierarchy.
    """
    if source_id == target_id:
        raise TaggingError("a tag cannot be merged into itself")
    backup_before_bulk(session)
    source, target = get_tag(session, source_id), get_tag(session, target_id)
    row = TagRow.of(source)
    links = _links(session, source.id)
    on_target = {link.article_id for link in _links(session, target.id, [link.article_id for link in links])}
    moved = tuple(link for link in links if link.article_id not in on_target)
    collapsed = tuple(link for link in links if link.article_id in on_target)
    reparented: list[tuple[int, int | None]] = []
    if source.id in _ancestor_ids(session, target.parent_id):  # the target is below the source
        reparented.append((target.id, target.parent_id))
        _set_parents(session, [(target.id, source.parent_id)])
    children = [
        c for c in session.scalars(select(Tag.id).where(Tag.parent_id == source.id)) if c != target.id
    ]
    reparented.extend((child, source.id) for child in children)
    _set_parents(session, [(child, target.id) for child in children])
    _delete_links(session, source.id, [link.article_id for link in links])
    _insert_links(session, [link.values(tag_id=target.id) for link in moved])
    session.execute(delete(Tag).where(Tag.id == source.id))
    session.expire_all()
    return MergeResult(row, target.id, moved, collapsed, tuple(reparented))


def delete_tag(session: Session, tag_id: int) -> DeleteResult:
    """Delete a tag from every article; its children move up to its parent."""
    tag = get_tag(session, tag_id)
    row = TagRow.of(tag)
    links = _links(session, tag.id)
    children = list(session.scalars(select(Tag.id).where(Tag.parent_id == tag.id)))
    _set_parents(session, [(child, tag.parent_id) for child in children])
    session.execute(delete(Tag).where(Tag.id == tag.id))  # links go by ON DELETE CASCADE
    session.expire_all()
    return DeleteResult(row, tuple(links), tuple((child, tag.id) for child in children))


def set_kind(session: Session, tag_id: int, kind: str) -> AttributeChange:
    """Change a tag's kind (person, place, organisation, topic, other)."""
    tag = get_tag(session, tag_id)
    change = AttributeChange(tag.id, "kind", tag.kind, check_kind(kind))
    tag.kind = kind
    session.flush()
    return change


def set_colour(session: Session, tag_id: int, colour: str | None) -> AttributeChange:
    """Change a tag's colour (``#rrggbb``, or None for none)."""
    tag = get_tag(session, tag_id)
    value = colour.lower() if colour else None
    if value is not None and not _COLOUR.match(value):
        raise TaggingError(f"a colour is written #rrggbb: {colour}")
    change = AttributeChange(tag.id, "colour", tag.colour, value)
    tag.colour = value
    session.flush()
    return change


def _ancestor_ids(session: Session, tag_id: int | None) -> list[int]:
    """``tag_id`` and its ancestors, nearest first."""
    out: list[int] = []
    while tag_id is not None and tag_id not in out:
        out.append(tag_id)
        tag_id = session.scalar(select(Tag.parent_id).where(Tag.id == tag_id))
    return out


def set_parent(session: Session, tag_id: int, parent_id: int | None) -> AttributeChange:
    """Place a tag under another (None: at the top); refuses cycles with TagCycleError."""
    tag = get_tag(session, tag_id)
    if parent_id is not None:
        parent = get_tag(session, parent_id)
        if tag.id in _ancestor_ids(session, parent.id):
            raise TagCycleError(f"{tag.name!r} cannot go under {parent.name!r}: that would make a cycle")
    change = AttributeChange(tag.id, "parent_id", tag.parent_id, parent_id)
    tag.parent_id = parent_id
    session.flush()
    session.expire(tag, ["parent"])
    return change
