"""Use case: read tags: the tag tree with counts, an article's tags, articles by tags, tags for export.

Every function takes a Session and only reads.  Writing tags (names, creating,
tagging, renaming, merging…) is :mod:`reader.services.tagging`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Literal

from sqlalchemy import CompoundSelect, Select, except_, func, intersect, select
from sqlalchemy.orm import Session

from db.models import Article
from db.tagging_models import TAG_KINDS, ArticleTag, Tag, TagAlias
from reader.core.script import fold
from reader.services.tag_idf import INSERT_CHUNK
from reader.services.tagging import TaggingError, tag_path

Mode = Literal["all", "any"]


def list_tags(session: Session, filter_text: str | None = None) -> list[tuple[Tag, int]]:
    """Every tag with how many articles carry it, grouped by kind, each tree in depth-first order.

    A tree sits under the kind of its root; children follow their parent.
    ``filter_text`` keeps the tags whose name, path or alias contains it (script-
    and width-insensitive), with their ancestors so the trees stay whole.
    """
    counts = dict(session.execute(select(ArticleTag.tag_id, func.count()).group_by(ArticleTag.tag_id)).all())
    tags = list(session.scalars(select(Tag)))
    by_id = {t.id: t for t in tags}
    children: dict[int | None, list[Tag]] = defaultdict(list)
    for t in tags:
        children[t.parent_id if t.parent_id in by_id else None].append(t)
    for group in children.values():
        group.sort(key=lambda t: (t.name_key, t.id))
    keep: set[int] | None = None
    if filter_text and filter_text.strip():
        needle = fold(" ".join(filter_text.split()))
        aliased = set(session.scalars(select(TagAlias.tag_id).where(TagAlias.alias_key.contains(needle))))
        keep = set()
        for t in tags:
            if needle in fold(tag_path(t)) or t.id in aliased:
                keep.update(_chain(t, by_id))
    out: list[tuple[Tag, int]] = []

    def walk(tag: Tag, seen: set[int]) -> None:
        if tag.id in seen:
            return
        seen.add(tag.id)
        if keep is None or tag.id in keep:
            out.append((tag, counts.get(tag.id, 0)))
        for child in children.get(tag.id, []):
            walk(child, seen)

    order = {kind: i for i, kind in enumerate(TAG_KINDS)}
    seen: set[int] = set()
    for root in sorted(children[None], key=lambda t: (order.get(t.kind, len(order)), t.name_key, t.id)):
        walk(root, seen)
    return out


def _chain(tag: Tag, by_id: dict[int, Tag]) -> list[int]:
    out = [tag.id]
    parent = tag.parent_id
    while parent is not None and parent in by_id and parent not in out:
        out.append(parent)
        parent = by_id[parent].parent_id
    return out


def article_tags(session: Session, article_id: int) -> list[Tag]:
    """The tags of one article, by kind then name."""
    tags = session.scalars(
        select(Tag).join(ArticleTag, ArticleTag.tag_id == Tag.id).where(ArticleTag.article_id == article_id)
    )
    order = {kind: i for i, kind in enumerate(TAG_KINDS)}
    return sorted(tags, key=lambda t: (order.get(t.kind, len(order)), t.name_key))


def descendant_ids(session: Session, tag_id: int) -> list[int]:
    """``tag_id`` and every tag below it."""
    out = [tag_id]
    frontier = [tag_id]
    while frontier:
        frontier = [
            c for c in session.scalars(select(Tag.id).where(Tag.parent_id.in_(frontier))) if c not in out
        ]
        out.extend(frontier)
    return out


def articles_with_tags(
    session: Session,
    include_ids: Iterable[int],
    *,
    mode: Mode = "all",
    exclude_ids: Iterable[int] = (),
    with_children: bool = True,
) -> list[int]:
    """Ids of the articles carrying all (or any) of the included tags and none of the excluded.

    With ``with_children`` a tag also matches through the tags below it.  With
    nothing included, every article not excluded matches.  Reads only the
    ``(tag_id, article_id)`` index: INTERSECT / EXCEPT of index scans.
    """
    if mode not in ("all", "any"):
        raise TaggingError(f"mode is 'all' or 'any', not {mode!r}")

    def expand(tag_id: int) -> list[int]:
        return descendant_ids(session, tag_id) if with_children else [tag_id]

    def having(tag_ids: list[int]) -> Select[int]:
        return select(ArticleTag.article_id).where(ArticleTag.tag_id.in_(tag_ids)).distinct()

    include = [expand(t) for t in dict.fromkeys(include_ids)]
    excluded = [having(expand(t)) for t in dict.fromkeys(exclude_ids)]
    base: Select[int] | CompoundSelect[int]
    if not include:
        base = select(Article.id)
    elif mode == "any" or len(include) == 1:
        base = having(sorted({t for ids in include for t in ids}))
    else:
        base = intersect(*(having(ids) for ids in include))
    if excluded:
        if not isinstance(base, Select):  # SQLite takes no parenthesised compound: select from it
            inner = base.subquery()
            base = select(inner.c.article_id)
        base = except_(base, *excluded)
    return sorted(session.scalars(base))


def tags_for_export(session: Session, article_ids: Iterable[int]) -> dict[int, list[dict[str, str | None]]]:
    """For each article: its tags as ``{name, kind, parent}`` (parent: the parent tag's name or None)."""
    out: dict[int, list[dict[str, str | None]]] = {}
    for article_id, tags in _tags_of(session, article_ids).items():
        out[article_id] = [
            {"name": t.name, "kind": t.kind, "parent": t.parent.name if t.parent is not None else None}
            for t in tags
        ]
    return out


def tags_by_kind(session: Session, article_ids: Iterable[int]) -> dict[int, dict[str, list[str]]]:
    """For each article: its tag names by kind (for CSV columns ``person``, ``place``…)."""
    out: dict[int, dict[str, list[str]]] = {}
    for article_id, tags in _tags_of(session, article_ids).items():
        kinds: dict[str, list[str]] = {}
        for t in tags:
            kinds.setdefault(t.kind, []).append(t.name)
        out[article_id] = kinds
    return out


def _tags_of(session: Session, article_ids: Iterable[int]) -> dict[int, list[Tag]]:
    ids = list(dict.fromkeys(article_ids))
    out: dict[int, list[Tag]] = {i: [] for i in ids}
    for i in range(0, len(ids), INSERT_CHUNK):
        rows = session.execute(
            select(ArticleTag.article_id, Tag)
            .join(Tag, Tag.id == ArticleTag.tag_id)
            .where(ArticleTag.article_id.in_(ids[i : i + INSERT_CHUNK]))
        )
        for article_id, tag in rows:
            out[article_id].append(tag)
    order = {kind: i for i, kind in enumerate(TAG_KINDS)}
    for tags in out.values():
        tags.sort(key=lambda t: (order.get(t.kind, len(order)), t.name_key))
    return out
