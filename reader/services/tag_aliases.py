"""Use case: tag aliases (外滩 → 外滩街道 when the archivist says so).

An alias is another name of one tag: a suggestion finds the tag when the
article says the alias, ``find_tag`` (the command line, exports' ``--tag``)
and the tag filter find it by the alias.  Alias keys are folded and unique,
and never the name of another tag.  Changes return a record with ``undo``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.models import utcnow
from db.tagging_models import Tag, TagAlias
from reader.core.script import fold
from reader.services.library import NotFoundError
from reader.services.tagging import TagExistsError, TaggingError, get_tag, normalise_name


@dataclass(frozen=True, slots=True)
class AliasRow:
    """An alias as listed: the alias, its tag's id and name."""

    alias: str
    tag_id: int
    tag: str


@dataclass(frozen=True, slots=True)
class AliasChange:
    """An alias added (``added``) or removed; undo does the opposite."""

    values: dict[str, object]
    added: bool

    def undo(self, session: Session) -> None:
        if self.added:
            session.execute(delete(TagAlias).where(TagAlias.id == self.values["id"]))
        else:
            session.execute(insert(TagAlias), [self.values])


def add_alias(session: Session, tag_id: int, alias: str) -> AliasChange:
    """Give a tag another name; refuses the name of another tag or another tag's alias."""
    tag = get_tag(session, tag_id)
    clean = normalise_name(alias)
    key = fold(clean)
    if key == tag.name_key:
        raise TaggingError(f"{clean!r} is the tag's own name")
    other = session.scalar(select(Tag).where(Tag.name_key == key))
    if other is not None:
        raise TagExistsError(f"a tag {other.name!r} already exists; merge the two instead")
    taken = session.scalar(select(TagAlias).where(TagAlias.alias_key == key))
    if taken is not None:
        owner = get_tag(session, taken.tag_id)
        raise TagExistsError(f"{clean!r} is already an alias of {owner.name!r}")
    row = TagAlias(tag_id=tag.id, alias=clean, alias_key=key, created_at=utcnow())
    session.add(row)
    session.flush()
    return AliasChange(_values(row), added=True)


def remove_alias(session: Session, alias: str) -> AliasChange:
    """Forget an alias (in any script)."""
    row = session.scalar(select(TagAlias).where(TagAlias.alias_key == fold(" ".join(alias.split()))))
    if row is None:
        raise NotFoundError(f"no alias {alias!r}")
    values = _values(row)
    session.delete(row)
    session.flush()
    return AliasChange(values, added=False)


def list_aliases(session: Session, tag_id: int | None = None) -> list[AliasRow]:
    """Every alias (or a tag's), by tag name then alias."""
    query = select(TagAlias.alias, Tag.id, Tag.name).join(Tag, Tag.id == TagAlias.tag_id)
    if tag_id is not None:
        query = query.where(TagAlias.tag_id == tag_id)
    rows = [AliasRow(alias, tid, name) for alias, tid, name in session.execute(query)]
    return sorted(rows, key=lambda r: (fold(r.tag), fold(r.alias)))


def _values(row: TagAlias) -> dict[str, object]:
    return {
        "id": row.id,
        "tag_id": row.tag_id,
        "alias": row.alias,
        "alias_key": row.alias_key,
        "created_at": row.created_at,
    }
