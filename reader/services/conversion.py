"""The library's conversion rules: names kept as written and the user's phrase list (one use case each).

:func:`conversion_rules` gathers what every converted view and export keeps:
the names of person, place and organisation tags and the user's protected
names, with the user's phrases per script (see ``reader.core.conversion_rules``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.conversion_models import CONVERSION_SCRIPTS, ConversionPhrase, ProtectedName
from db.tagging_models import Tag
from reader.core.conversion_rules import ConversionRules
from reader.core.errors import JiaokanError

NAME_KINDS = ("person", "place", "organisation")
"""Tags of these kinds are names: kept as written in converted text."""
MAX_LENGTH = 200


class ConversionListError(JiaokanError):
    """A protected name or phrase that cannot be stored (empty, too long, unknown script)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """One entry of the user's conversion list."""

    script: str
    phrase: str
    replacement: str


def conversion_rules(session: Session) -> ConversionRules:
    """The names kept as written (name tags and the user's list) and the user's phrases."""
    names = set(session.scalars(select(Tag.name).where(Tag.kind.in_(NAME_KINDS))))
    names.update(session.scalars(select(ProtectedName.name)))
    phrases: dict[str, dict[str, str]] = {}
    for row in list_phrases(session):
        phrases.setdefault(row.script, {})[row.phrase] = row.replacement
    return ConversionRules(names, phrases)


def list_protected_names(session: Session) -> list[str]:
    """The user's protected names, sorted."""
    return list(session.scalars(select(ProtectedName.name).order_by(ProtectedName.name)))


def list_phrases(session: Session) -> list[Phrase]:
    """The user's conversion list, by script and phrase."""
    rows = session.scalars(
        select(ConversionPhrase).order_by(ConversionPhrase.script, ConversionPhrase.phrase)
    )
    return [Phrase(r.script, r.phrase, r.replacement) for r in rows]


def _checked_text(what: str, text: str) -> str:
    text = text.strip()
    if not text:
        raise ConversionListError(f"the {what} is empty")
    if len(text) > MAX_LENGTH:
        raise ConversionListError(f"the {what} is longer than {MAX_LENGTH} characters")
    return text


def set_protected_names(session: Session, names: Iterable[str]) -> int:
    """Replace the user's protected names with ``names`` (blank ones skipped); returns how many."""
    kept = sorted({_checked_text("name", n) for n in names if n.strip()})
    session.execute(delete(ProtectedName))
    session.add_all(ProtectedName(name=n) for n in kept)
    session.flush()
    return len(kept)


def set_phrases(session: Session, phrases: Iterable[Phrase]) -> int:
    """Replace the user's conversion list with ``phrases``; returns how many."""
    checked: dict[tuple[str, str], str] = {}
    for p in phrases:
        if p.script not in CONVERSION_SCRIPTS:
            raise ConversionListError(f"unknown script {p.script!r} (one of {', '.join(CONVERSION_SCRIPTS)})")
        phrase = _checked_text("phrase", p.phrase)
        if (p.script, phrase) in checked:
            raise ConversionListError(f"the phrase {phrase!r} appears twice for {p.script}")
        checked[(p.script, phrase)] = _checked_text("replacement", p.replacement)
    session.execute(delete(ConversionPhrase))
    session.add_all(ConversionPhrase(script=s, phrase=p, replacement=r) for (s, p), r in checked.items())
    session.flush()
    return len(checked)


def export_conversion_list(session: Session) -> dict[str, Any]:
    """The protected names and phrases as JSON-ready data (saved beside the user rules)."""
    return {
        "protected_names": list_protected_names(session),
        "conversions": [
            {"script": p.script, "phrase": p.phrase, "replacement": p.replacement}
            for p in list_phrases(session)
        ],
    }


def import_conversion_list(session: Session, data: Mapping[str, Any]) -> tuple[int, int]:
    """Add the names and phrases of :func:`export_conversion_list` data (a phrase replaces its old entry).

    All or nothing; raises ConversionListError naming what is wrong. Returns (names, phrases) in the file.
    """
    names = data.get("protected_names", [])
    rows = data.get("conversions", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConversionListError("protected_names must be a list of strings")
    if not isinstance(rows, list):
        raise ConversionListError("conversions must be a list")
    new: list[Phrase] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping) or not all(
            isinstance(row.get(k), str) for k in ("script", "phrase", "replacement")
        ):
            raise ConversionListError(f"conversion {number}: needs script, phrase and replacement strings")
        new.append(Phrase(row["script"], row["phrase"].strip(), row["replacement"]))
    merged = {(p.script, p.phrase): p for p in list_phrases(session)}
    merged.update({(p.script, p.phrase): p for p in new})
    set_phrases(session, merged.values())
    set_protected_names(session, [*list_protected_names(session), *names])
    return len(names), len(new)


__all__ = [
    "NAME_KINDS",
    "ConversionListError",
    "Phrase",
    "conversion_rules",
    "export_conversion_list",
    "import_conversion_list",
    "list_phrases",
    "list_protected_names",
    "set_phrases",
    "set_protected_names",
]
