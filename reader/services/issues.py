"""Use cases on whole issues: their properties (title, publication, date, number) and deleting them.

Deleting backs up the library first (``reader.services.bulk``) and returns
each deleted issue as its lossless JSON document, so the window can undo the
deletion by importing it again (``reader.services.json_import.import_json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from db.models import Issue
from reader.core.errors import JiaokanError
from reader.core.issue_dates import ImpossibleDate, impossible_date
from reader.services.library import NotFoundError, check_issue_ids

LIMITS = {"title": 500, "publication_date": 100, "publication": 200, "number": 50}
"""The longest value of each property (the columns' lengths)."""


class PropertyError(JiaokanError):
    """A property value that cannot be stored (too long)."""


@dataclass(frozen=True, slots=True)
class IssueProperties:
    """What a user may set of an issue; None means not known (an empty value clears it)."""

    title: str | None = None
    publication_date: str | None = None
    publication: str | None = None
    number: str | None = None


def _issue(session: Session, issue_id: int) -> Issue:
    issue = session.get(Issue, issue_id)
    if issue is None:
        raise NotFoundError(f"no issue with id {issue_id}")
    return issue


def issue_properties(session: Session, issue_id: int) -> IssueProperties:
    """The issue's title, publication date, publication and number."""
    issue = _issue(session, issue_id)
    return IssueProperties(issue.title, issue.publication_date, issue.publication, issue.number)


def _cleaned(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) > LIMITS[name]:
        raise PropertyError(f"the {name.replace('_', ' ')} is longer than {LIMITS[name]} characters")
    return value or None


def _why(bad: ImpossibleDate) -> str:
    if not bad.days:
        return f"there is no month {bad.month}"
    return f"{bad.year}-{bad.month:02d} has days 1 to {bad.days}"


def set_issue_properties(
    session: Session, issue_id: int, *, check_date: bool = True, **changes: str | None
) -> IssueProperties:
    """Set the given properties (an empty string clears one; others stay); returns the new properties.

    Whitespace runs become one space.  A date is free text, but one written in digits
    (2021-02-30, 2021年13月) must be a date the calendar has (``reader.core.issue_dates``),
    unless ``check_date`` is False (an undo puts back what was, whatever it was).
    Raises NotFoundError or PropertyError before changing anything.
    """
    unknown = set(changes) - set(LIMITS)
    if unknown:
        raise TypeError(f"unknown issue properties: {', '.join(sorted(unknown))}")
    cleaned = {name: _cleaned(name, value) for name, value in changes.items()}
    issue = _issue(session, issue_id)
    bad = impossible_date(cleaned.get("publication_date")) if check_date else None
    if bad is not None:
        raise PropertyError(f"{bad.written!r} is not a date: {_why(bad)}")
    for name, value in cleaned.items():
        setattr(issue, name, value)
    session.flush()
    return issue_properties(session, issue_id)


def apply_properties(
    session: Session, issue_id: int, properties: IssueProperties, *, check_date: bool = True
) -> IssueProperties:
    """Set every property to ``properties`` (for the dialog, and with ``check_date`` False for undo)."""
    values = {f.name: getattr(properties, f.name) or "" for f in fields(properties)}
    return set_issue_properties(session, issue_id, check_date=check_date, **values)


@dataclass(frozen=True, slots=True)
class DeletedIssue:
    """An issue as it was before it was deleted: id, label, and its JSON document (to undo)."""

    issue_id: int
    label: str
    document: dict[str, Any]


def delete_issues(
    session: Session, issue_ids: Sequence[int], *, keep_documents: bool = True
) -> list[DeletedIssue]:
    """Delete issues with everything hanging off them, after a verified backup of the library.

    Raises NotFoundError (nothing deleted) when an id is unknown. With
    ``keep_documents`` each result carries the issue's lossless JSON document.
    """
    from reader.services.bulk import backup_before_bulk
    from reader.services.export_formats.full_document import issue_documents
    from reader.services.json_import import delete_issue

    ids = list(dict.fromkeys(issue_ids))
    check_issue_ids(session, ids)
    labels = {i: _label(_issue(session, i)) for i in ids}
    documents = {d["issue"]["id"]: d for d in issue_documents(session, ids)} if keep_documents else {}
    backup_before_bulk(session)
    for issue_id in ids:
        delete_issue(session, issue_id)
    return [DeletedIssue(i, labels[i], documents.get(i, {})) for i in ids]


def restore_issues(session: Session, deleted: Sequence[DeletedIssue]) -> list[int]:
    """Store deleted issues again from their documents (undoes :func:`delete_issues`); returns new ids."""
    from reader.services.json_import import import_json

    ids: list[int] = []
    for item in deleted:
        report = import_json(session, item.document, label=item.label)
        [result] = report.results
        if result.issue_id is None:
            raise JiaokanError(f"{item.label} could not be restored: {result.message}")
        ids.append(result.issue_id)
    return ids


def _label(issue: Issue) -> str:
    return issue.title or issue.source_name


__all__ = [
    "LIMITS",
    "DeletedIssue",
    "IssueProperties",
    "PropertyError",
    "apply_properties",
    "delete_issues",
    "issue_properties",
    "restore_issues",
    "set_issue_properties",
]
