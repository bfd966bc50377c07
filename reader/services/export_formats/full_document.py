"""Complete issue documents (JSON format version 2), built for many issues with few queries.

A version 2 document is the version 1 structure of :mod:`reader.services.documents`
plus everything needed to rebuild the issue in another library: the issue's
``source_stem``; per article ``updated_at``, its ``tags`` (with the link's
author, time and origin), the raw change records (``corrections.records``),
every revision with its status and snapshot, and every field of its notes
(with the position of their block); at the top, the definitions of the tags
used (``tags``) and whether every article is there (``complete``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note, Revision
from db.models import Article, Block, Issue, Leftover
from db.original_text import read_texts
from db.tagging_models import TAG_KINDS, ArticleTag, Tag
from reader.core.exporters.json_doc import FORMAT_NAME, FORMAT_VERSION
from reader.core.timestamps import iso_utc
from reader.services.documents import article_documents
from reader.services.ocr_json import issue_ocr_lines
from reader.services.proofreading_export import note_dict, revision_dict
from reader.services.scan_json import article_region_dicts, issue_scan_parts

CHUNK = 40
"""Issues whose documents are built together (a handful of queries per chunk)."""
PATH_SEPARATOR = "/"


def _in_chunks(ids: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


class _TagTable:
    """Every tag of the library by id, with its path (``parent/child``)."""

    def __init__(self, session: Session) -> None:
        self.rows = {t.id: t for t in session.scalars(select(Tag))}
        self._paths: dict[int, str] = {}

    def chain(self, tag_id: int) -> list[int]:
        """The tag and its ancestors, root first."""
        out: list[int] = []
        current: int | None = tag_id
        while current is not None and current in self.rows and current not in out:
            out.append(current)
            current = self.rows[current].parent_id
        return out[::-1]

    def path(self, tag_id: int) -> str:
        if tag_id not in self._paths:
            self._paths[tag_id] = PATH_SEPARATOR.join(self.rows[i].name for i in self.chain(tag_id))
        return self._paths[tag_id]

    def parent_path(self, tag_id: int) -> str | None:
        chain = self.chain(tag_id)
        return self.path(chain[-2]) if len(chain) > 1 else None

    def definition(self, tag_id: int) -> dict[str, Any]:
        tag = self.rows[tag_id]
        return {
            "path": self.path(tag_id),
            "name": tag.name,
            "kind": tag.kind,
            "colour": tag.colour,
            "parent": self.parent_path(tag_id),
        }


def _article_tags(
    session: Session, ids: Sequence[int], table: _TagTable
) -> tuple[dict[int, list[dict[str, Any]]], dict[int, list[int]]]:
    """Each article's tags as exported, and the ids of its tags."""
    order = {kind: i for i, kind in enumerate(TAG_KINDS)}
    found: dict[int, list[tuple[Tag, ArticleTag]]] = defaultdict(list)
    for chunk in _in_chunks(ids):
        for link in session.scalars(select(ArticleTag).where(ArticleTag.article_id.in_(chunk))):
            if link.tag_id in table.rows:
                found[link.article_id].append((table.rows[link.tag_id], link))
    out: dict[int, list[dict[str, Any]]] = {}
    tag_ids: dict[int, list[int]] = {}
    for article_id, pairs in found.items():
        pairs.sort(key=lambda pair: (order.get(pair[0].kind, len(order)), pair[0].name_key))
        tag_ids[article_id] = [tag.id for tag, _ in pairs]
        out[article_id] = [
            {
                "name": tag.name,
                "kind": tag.kind,
                "parent": table.rows[tag.parent_id].name if tag.parent_id in table.rows else None,
                "path": table.path(tag.id),
                "colour": tag.colour,
                "added_by": link.added_by,
                "added_at": iso_utc(link.added_at),
                "from_suggestion": link.from_suggestion,
            }
            for tag, link in pairs
        ]
    return out, tag_ids


def _revisions(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _in_chunks(ids):
        query = select(Revision).where(Revision.article_id.in_(chunk)).order_by(Revision.number)
        for revision in session.scalars(query):
            out[revision.article_id].append(
                {**revision_dict(revision), "status": revision.status, "snapshot": revision.snapshot}
            )
    return out


def _records(
    session: Session,
    ids: Sequence[int],
    block_position: Mapping[int, int],
    article_position: Mapping[int, int],
) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _in_chunks(ids):
        query = (
            select(ChangeRecord, Revision.article_id, Revision.number)
            .outerjoin(Revision, Revision.id == ChangeRecord.revision_id)
            .where(ChangeRecord.article_id.in_(chunk))
            .order_by(ChangeRecord.id)
        )
        for record, revision_article, revision_number in session.execute(query):
            revision = None
            if revision_number is not None and revision_article in article_position:
                revision = {"article": article_position[revision_article], "number": revision_number}
            out[record.article_id].append(
                {
                    "block": block_position.get(record.block_id) if record.block_id is not None else None,
                    "revision": revision,
                    "offset": record.offset,
                    "start": record.start,
                    "end": record.end,
                    "old": record.old_text,
                    "new": record.new_text,
                    "author": record.author,
                    "time": iso_utc(record.created_at),
                    "rule": record.rule,
                }
            )
    return out


def _notes(
    session: Session, ids: Sequence[int], block_position: Mapping[int, int]
) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _in_chunks(ids):
        query = (
            select(Note)
            .outerjoin(Block, Block.id == Note.block_id)
            .where(Note.article_id.in_(chunk))
            .order_by(Note.article_id, Note.orphaned, Block.position, Note.start, Note.id)
        )
        for note in session.scalars(query):
            out[note.article_id].append(
                {
                    **note_dict(note),
                    "block": block_position.get(note.block_id) if note.block_id is not None else None,
                    "updated_at": iso_utc(note.updated_at),
                }
            )
    return out


def _issue_head(issue: Issue) -> dict[str, Any]:
    return {
        "id": issue.id,
        "source_name": issue.source_name,
        "source_stem": issue.source_stem,
        "sha256": issue.sha256,
        "encoding": issue.encoding,
        "imported_at": iso_utc(issue.imported_at),
        "title": issue.title,
        "publication_date": issue.publication_date,
        "publication": issue.publication,
        "number": issue.number,
        "char_count": issue.char_count,
    }


def issue_documents(
    session: Session,
    issue_ids: Sequence[int],
    article_ids: Collection[int] | None = None,
    *,
    chunk: int = CHUNK,
    include_scans: bool = False,
) -> Iterator[dict[str, Any]]:
    """The version 2 documents of these issues, in order, built ``chunk`` issues at a time.

    Page scans are described (``pages``, ``scan_files``, each article's
    ``regions``); their bytes are in the document only with ``include_scans``.

    With ``article_ids`` each document holds only those of its articles
    (``complete`` is then false), and issues with none of them are skipped.
    """
    table = _TagTable(session)
    wanted = set(article_ids) if article_ids is not None else None
    for start in range(0, len(issue_ids), chunk):
        ids = list(issue_ids[start : start + chunk])
        issues = {i.id: i for i in session.scalars(select(Issue).where(Issue.id.in_(ids)))}
        originals = read_texts(session, issues)
        every = session.scalars(
            select(Article).where(Article.issue_id.in_(ids)).order_by(Article.issue_id, Article.position)
        ).all()
        articles = [a for a in every if wanted is None or a.id in wanted]
        a_ids = [a.id for a in articles]
        article_position = {a.id: a.position for a in every}
        block_position: dict[int, int] = {}
        for part in _in_chunks(a_ids):
            query = select(Block.id, Block.position).where(Block.article_id.in_(part))
            block_position.update({block_id: position for block_id, position in session.execute(query)})
        documents = dict(zip(a_ids, article_documents(session, articles), strict=True))
        tags, tag_ids = _article_tags(session, a_ids, table)
        revisions = _revisions(session, a_ids)
        records = _records(session, a_ids, block_position, article_position)
        notes = _notes(session, a_ids, block_position)
        regions = article_region_dicts(session, a_ids, block_position)
        updated = {a.id: iso_utc(a.updated_at) for a in articles}
        leftovers: dict[int, list[dict[str, Any]]] = defaultdict(list)
        query_leftovers = select(Leftover).where(Leftover.issue_id.in_(ids))
        for lo in session.scalars(query_leftovers.order_by(Leftover.issue_id, Leftover.position)):
            leftovers[lo.issue_id].append(
                {"kind": lo.kind, "text": lo.text, "span": [lo.span_start, lo.span_end]}
            )
        by_issue: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for article_id in a_ids:
            document = documents[article_id]
            document["updated_at"] = updated[article_id]
            corrections = dict(document.get("corrections", {}))
            corrections["records"] = records.get(article_id, [])
            document["corrections"] = corrections
            document["revisions"] = revisions.get(article_id, [])
            document["notes"] = notes.get(article_id, [])
            document["tags"] = tags.get(article_id, [])
            document["regions"] = regions.get(article_id, [])
            by_issue[document["issue_id"]].append(document)
        counts: dict[int, int] = defaultdict(int)
        for a in every:
            counts[a.issue_id] += 1
        for issue_id in ids:
            if issue_id not in issues or (wanted is not None and not by_issue[issue_id]):
                continue
            used: dict[int, None] = {}
            for article in by_issue[issue_id]:
                for tag_id in tag_ids.get(article["id"], []):
                    used.update(dict.fromkeys(table.chain(tag_id)))
            pages, scan_files = issue_scan_parts(session, issue_id, include_data=include_scans, iso=iso_utc)
            ocr_lines = issue_ocr_lines(session, issue_id)
            yield {
                "format": FORMAT_NAME,
                "version": FORMAT_VERSION,
                "complete": len(by_issue[issue_id]) == counts[issue_id],
                "issue": _issue_head(issues[issue_id]),
                "original_text": originals[issue_id],
                "articles": by_issue[issue_id],
                "leftovers": leftovers[issue_id],
                "tags": sorted((table.definition(t) for t in used), key=lambda d: d["path"]),
                "pages": pages,
                "scan_files": scan_files,
            } | ({"ocr_lines": ocr_lines} if ocr_lines else {})
