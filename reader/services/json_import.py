"""Use case: import Jiaokan JSON exports (format ``jiaokan-issue`` version 2), rebuilding each issue.

A file is read, checked against ``resources/schemas/jiaokan-issue.schema.json``
and then for consistency (content hash, spans, the nothing-lost coverage,
references between notes, records, revisions and tags) before anything is
stored; a bad file is refused with the reason.  Each issue is stored whole
inside its own SAVEPOINT: its articles, blocks, people, leftovers, revisions,
change records, notes and tags (missing tags are created by name, in any
script, through the tagging service).  An issue whose ``sha256`` is already
in the library is skipped, replaced (the old issue and all its rows deleted
first, in the same savepoint) or imported as a copy whose ``sha256`` gets the
suffix ``:copy-N`` (N = 2, 3…) so that the column stays unique.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note, Revision
from db.models import COPY_SUFFIX, Article, Base, Block, Contributor, Issue, Leftover, base_hash, utcnow
from db.original_text import write_text
from db.tagging_models import ArticleTag
from reader.core.coverage import check_coverage
from reader.core.errors import JiaokanError
from reader.core.exporters.json_doc import BUNDLE_NAME
from reader.core.exporters.schema_check import load_validator
from reader.core.files import collect_inputs
from reader.core.paths import resources_dir
from reader.core.search_index import index_rows, remove_rows
from reader.services.bulk import backup_before_bulk
from reader.services.importing import FileResult, ImportReport, Outcome, duplicate_result, find_duplicate
from reader.services.json_values import parse_time, value_problems
from reader.services.ocr_json import check_ocr_lines, store_ocr_lines
from reader.services.scan_json import check_scans, pages_without_data, store_scans
from reader.services.searching import searchable_text

MAX_FILE_BYTES = 512 * 1024 * 1024
SCHEMA_FILE = "jiaokan-issue.schema.json"


def schema_path() -> Path:
    """The JSON Schema every imported (and exported) document follows."""
    return resources_dir() / "schemas" / SCHEMA_FILE


class Conflict(StrEnum):
    """What to do with an issue whose ``sha256`` is already in the library."""

    SKIP = "skip"
    REPLACE = "replace"
    COPY = "copy"


class JsonImportError(JiaokanError):
    """A JSON document that cannot be imported; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


# ---------------------------------------------------------------- reading and checking


def is_jiaokan_json(path: Path) -> bool:
    """Whether a file looks like a Jiaokan export (its start names the format); False when unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="ignore")
    except OSError:
        return False
    return '"jiaokan-issue"' in head or f'"{BUNDLE_NAME}"' in head


def _read(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JsonImportError(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as error:
        raise JsonImportError(f"cannot read the file: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonImportError(f"not UTF-8 text: {error.reason} at byte {error.start}") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonImportError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    except RecursionError as error:
        raise JsonImportError("not valid JSON: nested too deeply") from error


def _check_spans(document: Mapping[str, Any]) -> list[str]:
    size = len(document["original_text"])
    problems = []
    for a, article in enumerate(document["articles"]):
        spans = [("span", article["span"])] + [
            (f"block {b}", piece) for b, block in enumerate(article["blocks"]) for piece in block["pieces"]
        ]
        for where, (start, end) in spans:
            if not start <= end <= size:
                problems.append(f"article {a} {where}: [{start}, {end}) is outside the original text")
    for n, leftover in enumerate(document["leftovers"]):
        start, end = leftover["span"]
        if not start <= end <= size:
            problems.append(f"leftover {n}: [{start}, {end}) is outside the original text")
    return problems


def _check_references(document: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    articles = document["articles"]
    positions = [a["position"] for a in articles]
    if len(set(positions)) != len(positions):
        problems.append("two articles have the same position")
    revisions = {a["position"]: {r["number"] for r in a["revisions"]} for a in articles}
    for a, article in enumerate(articles):
        numbers = [r["number"] for r in article["revisions"]]
        if len(set(numbers)) != len(numbers):
            problems.append(f"article {a}: two revisions have the same number")
        n_blocks = len(article["blocks"])
        for kind, items in (("note", article["notes"]), ("record", article["corrections"]["records"])):
            for i, item in enumerate(items):
                if item["block"] is not None and item["block"] >= n_blocks:
                    problems.append(f"article {a} {kind} {i}: block {item['block']} does not exist")
        for i, record in enumerate(article["corrections"]["records"]):
            ref = record["revision"]
            if ref is not None and ref["number"] not in revisions.get(ref["article"], set()):
                problems.append(f"article {a} record {i}: its revision does not exist")
    paths = {d["path"]: d for d in document["tags"]}
    for d in document["tags"]:
        expected = d["name"] if d["parent"] is None else f"{d['parent']}/{d['name']}"
        if d["path"] != expected or (d["parent"] is not None and d["parent"] not in paths):
            problems.append(f"tag {d['path']!r}: its path does not match its name and parent")
    for a, article in enumerate(articles):
        for tag in article["tags"]:
            if tag["path"] not in paths:
                problems.append(f"article {a}: tag {tag['path']!r} is not among the document's tags")
    return problems


def check_document(document: Mapping[str, Any]) -> None:
    """Consistency beyond the schema; raises JsonImportError with the first problems."""
    problems = value_problems(document)
    if problems:
        raise JsonImportError("; ".join(problems))
    if not document["complete"]:
        raise JsonImportError(
            "the document holds only some of the issue's articles (a filtered export); "
            "export the whole issue to import it"
        )
    text = document["original_text"]
    sha256 = document["issue"]["sha256"]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != base_hash(sha256):
        raise JsonImportError("issue.sha256 is not the SHA-256 of original_text (the file was altered)")
    if document["issue"]["char_count"] != len(text):
        raise JsonImportError("issue.char_count is not the length of original_text")
    problems = _check_spans(document) + _check_references(document) + check_scans(document)
    problems += check_ocr_lines(document)
    if not problems:
        coverage = check_coverage(
            text,
            [[block["pieces"] for block in article["blocks"]] for article in document["articles"]],
            [leftover["span"] for leftover in document["leftovers"]],
        )
        problems = [
            f"the articles and leftovers do not cover the original exactly once: {p}" for p in coverage
        ]
    if problems:
        raise JsonImportError(
            "; ".join(problems[:3]) + (f"; … {len(problems) - 3} more" if len(problems) > 3 else "")
        )


def read_documents(source: Path | str | Mapping[str, Any]) -> list[dict[str, Any]]:
    """The issue documents of a file (or of a parsed document), checked; raises JsonImportError."""
    parsed = dict(source) if isinstance(source, Mapping) else _read(Path(source))
    errors = load_validator(schema_path()).errors(parsed)
    if errors:
        raise JsonImportError("not a Jiaokan issue export (version 2): " + "; ".join(errors[:3]))
    documents: list[dict[str, Any]] = parsed["issues"] if parsed["format"] == BUNDLE_NAME else [parsed]
    for n, document in enumerate(documents):
        try:
            check_document(document)
        except JsonImportError as error:
            prefix = f"issue {n + 1} of the bundle: " if len(documents) > 1 else ""
            raise JsonImportError(prefix + error.reason) from error
    return documents


# ---------------------------------------------------------------- storing


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _time(value: str) -> datetime:
    return parse_time(value)


def _insert_ids(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows, returning their new ids in the rows' order."""
    if not rows:
        return []
    table = _table(model)
    return list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


def delete_issue(session: Session, issue_id: int) -> None:
    """Delete an issue with every row that hangs off it, and its articles' search index rows."""
    article_ids = list(session.scalars(select(Article.id).where(Article.issue_id == issue_id)))
    remove_rows(session.connection(), article_ids)
    session.execute(delete(Issue).where(Issue.id == issue_id))  # the rest goes by ON DELETE CASCADE
    session.expire_all()


def _copy_hash(session: Session, sha256: str) -> str:
    base = base_hash(sha256)
    n = 2
    while find_duplicate(session, f"{base}{COPY_SUFFIX}{n}") is not None:
        n += 1
    return f"{base}{COPY_SUFFIX}{n}"


def _resolve_tags(session: Session, definitions: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Tag ids by path: existing tags found by name (any script), missing ones created."""
    from reader.services.tagging import get_or_create_tag, set_colour, set_parent

    ids: dict[str, int] = {}
    for definition in sorted(definitions, key=lambda d: d["path"].count("/")):
        resolved = get_or_create_tag(session, definition["name"], kind=definition["kind"])
        tag_id = resolved.tag.id
        if resolved.created:
            parent = definition["parent"]
            if parent is not None and parent in ids and ids[parent] != tag_id:
                set_parent(session, tag_id, ids[parent])
            if definition["colour"]:
                set_colour(session, tag_id, definition["colour"])
        ids[definition["path"]] = tag_id
    return ids


def _article_row(issue_id: int, article: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "issue_id": issue_id,
        "position": article["position"],
        **{key: article[key] for key in ("section", "kicker", "title", "subtitle", "byline", "source")},
        "span_start": article["span"][0],
        "span_end": article["span"][1],
        "status": article["status"],
        "version": article["version"],
        "updated_at": _time(article["updated_at"]),
    }


def store_document(session: Session, document: Mapping[str, Any], sha256: str) -> int:
    """Insert one checked issue document (inside the caller's transaction); returns the new issue id."""
    head = document["issue"]
    [issue_id] = _insert_ids(
        session,
        Issue,
        [
            {
                "source_name": head["source_name"],
                "source_stem": head["source_stem"],
                "sha256": sha256,
                "encoding": head["encoding"],
                "char_count": head["char_count"],
                "imported_at": _time(head["imported_at"]),
                "title": head["title"],
                "publication_date": head["publication_date"],
                "publication": head.get("publication"),
                "number": head.get("number"),
            }
        ],
    )
    write_text(session.connection(), issue_id, document["original_text"])
    articles = document["articles"]
    article_ids = _insert_ids(session, Article, [_article_row(issue_id, a) for a in articles])
    block_rows = [
        {"article_id": aid, "position": p, "role": b["role"], "text": b["text"], "pieces": b["pieces"]}
        for aid, article in zip(article_ids, articles, strict=True)
        for p, b in enumerate(article["blocks"])
    ]
    block_ids = iter(_insert_ids(session, Block, block_rows))
    blocks = [[next(block_ids) for _ in article["blocks"]] for article in articles]
    people = [
        {"article_id": aid, "position": p, "name": person["name"], "role": person["role"]}
        for aid, article in zip(article_ids, articles, strict=True)
        for p, person in enumerate(article["people"])
    ]
    if people:
        session.execute(insert(_table(Contributor)), people)
    leftovers = [
        {
            "issue_id": issue_id,
            "position": p,
            "kind": lo["kind"],
            "text": lo["text"],
            "span_start": lo["span"][0],
            "span_end": lo["span"][1],
        }
        for p, lo in enumerate(document["leftovers"])
    ]
    if leftovers:
        session.execute(insert(_table(Leftover)), leftovers)
    _store_history(session, articles, article_ids, blocks)
    _store_tags(session, document, article_ids)
    store_ocr_lines(
        session, document, issue_id, store_scans(session, document, issue_id, article_ids, blocks, utcnow())
    )
    index_rows(
        session.connection(),
        [
            (aid, searchable_text(b["text"] for b in article["blocks"]))
            for aid, article in zip(article_ids, articles, strict=True)
        ],
    )
    from db.integrity import record_issue_hashes

    record_issue_hashes(session, [issue_id])
    return issue_id


def _store_history(
    session: Session,
    articles: Sequence[Mapping[str, Any]],
    article_ids: Sequence[int],
    blocks: list[list[int]],
) -> None:
    """Revisions, change records and notes of the articles just inserted."""
    revision_rows = [
        {
            "article_id": aid,
            "number": r["number"],
            "created_at": _time(r["time"]),
            "author": r["author"],
            "reason": r["reason"],
            "snapshot": r["snapshot"],
            "status": r["status"],
        }
        for aid, article in zip(article_ids, articles, strict=True)
        for r in article["revisions"]
    ]
    revision_ids = iter(_insert_ids(session, Revision, revision_rows))
    by_number = {
        (article["position"], r["number"]): next(revision_ids)
        for article in articles
        for r in article["revisions"]
    }

    def block_id(index: int, position: int | None) -> int | None:
        return None if position is None else blocks[index][position]

    records = []
    notes = []
    for index, (aid, article) in enumerate(zip(article_ids, articles, strict=True)):
        for record in article["corrections"]["records"]:
            ref = record["revision"]
            records.append(
                {
                    "article_id": aid,
                    "block_id": block_id(index, record["block"]),
                    "revision_id": None if ref is None else by_number[(ref["article"], ref["number"])],
                    "offset": record["offset"],
                    "start": record["start"],
                    "end": record["end"],
                    "old_text": record["old"],
                    "new_text": record["new"],
                    "author": record["author"],
                    "created_at": _time(record["time"]),
                    "rule": record["rule"],
                }
            )
        for note in article["notes"]:
            notes.append(
                {
                    "article_id": aid,
                    "block_id": block_id(index, note["block"]),
                    **{
                        key: note[key]
                        for key in ("quote", "prefix", "suffix", "start", "end", "body", "author")
                    },
                    "created_at": _time(note["time"]),
                    "updated_at": _time(note["updated_at"]),
                    "resolved": note["resolved"],
                    "orphaned": note["orphaned"],
                }
            )
    if records:
        session.execute(insert(_table(ChangeRecord)), records)
    if notes:
        session.execute(insert(_table(Note)), notes)


def _store_tags(session: Session, document: Mapping[str, Any], article_ids: Sequence[int]) -> None:
    if not document["tags"]:
        return
    tag_ids = _resolve_tags(session, document["tags"])
    links: dict[tuple[int, int], dict[str, Any]] = {}
    for aid, article in zip(article_ids, document["articles"], strict=True):
        for tag in article["tags"]:
            key = (aid, tag_ids[tag["path"]])
            links.setdefault(
                key,
                {
                    "article_id": aid,
                    "tag_id": key[1],
                    "added_by": tag["added_by"],
                    "added_at": _time(tag["added_at"]),
                    "from_suggestion": tag["from_suggestion"],
                },
            )
    if links:
        session.execute(insert(_table(ArticleTag)), list(links.values()))


def _import_one(
    session: Session, document: Mapping[str, Any], on_conflict: Conflict, label: str
) -> FileResult:
    sha256 = document["issue"]["sha256"]
    existing = find_duplicate(session, sha256)
    articles = len(document["articles"])
    characters = len(document["original_text"])
    if existing is not None and on_conflict is Conflict.SKIP:
        return duplicate_result(label, existing)
    message = f"{articles} articles"
    try:
        with session.begin_nested():
            if existing is not None and on_conflict is Conflict.REPLACE:
                backup_before_bulk(session)
                delete_issue(session, existing)
                message = f"replaced issue {existing}"
            elif existing is not None:
                sha256 = _copy_hash(session, sha256)
                message = f"a copy of issue {existing}, sha256 …{sha256[-8:]}"
            issue_id = store_document(session, document, sha256)
    except (SQLAlchemyError, JiaokanError) as error:
        return FileResult(label, Outcome.FAILED, f"could not be stored: {error}")
    left_out = pages_without_data(document)
    if left_out:
        message += f"; {left_out} scan pages left out (exported without their scans)"
    return FileResult(label, Outcome.IMPORTED, message, issue_id, articles, characters)


def import_json(
    session: Session,
    path_or_doc: Path | str | Mapping[str, Any],
    *,
    on_conflict: Conflict | str = Conflict.SKIP,
    label: str | None = None,
) -> ImportReport:
    """Import the issue(s) of a Jiaokan JSON export; one result per issue (a bundle holds several).

    A document that fails the schema or the consistency checks is refused
    (one FAILED result, nothing stored).  Each issue is stored all or nothing.
    Runs in the session's transaction when one is open (the caller commits),
    else in its own, committed at the end.
    """
    mode = Conflict(on_conflict)
    name = label or (str(path_or_doc) if not isinstance(path_or_doc, Mapping) else "document")
    try:
        documents = read_documents(path_or_doc)
    except JsonImportError as error:
        return ImportReport([FileResult(name, Outcome.FAILED, error.reason)])
    report = ImportReport()
    with nullcontext() if session.in_transaction() else session.begin():
        for n, document in enumerate(documents):
            label_n = name if len(documents) == 1 else f"{name} (issue {n + 1} of {len(documents)})"
            report.results.append(_import_one(session, document, mode, label_n))
    return report


def split_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """``(inputs for the text importer, JSON exports)``: files named ``*.json`` are JSON exports,
    and so are the ``.json`` files inside the folders that start like a Jiaokan export."""
    text: list[Path] = []
    found: list[Path] = []
    for path in paths:
        if path.suffix.lower() == ".json" and not path.is_dir():
            found.append(path)
        else:
            text.append(path)
    folders = [p for p in text if p.is_dir()]
    in_folders, _ = collect_inputs(
        folders, suffixes=(".json",)
    )  # unreadable folders: the text importer says so
    found.extend(p for p in in_folders if is_jiaokan_json(p))
    return text, list(dict.fromkeys(found))


def import_json_files(
    session: Session, paths: Iterable[Path], *, on_conflict: Conflict | str = Conflict.SKIP
) -> ImportReport:
    """:func:`import_json` for several files, one transaction per file."""
    report = ImportReport()
    for path in paths:
        report.results.extend(import_json(session, path, on_conflict=on_conflict).results)
    return report


__all__ = [
    "Conflict",
    "JsonImportError",
    "check_document",
    "delete_issue",
    "import_json",
    "import_json_files",
    "is_jiaokan_json",
    "read_documents",
    "schema_path",
    "split_inputs",
]
