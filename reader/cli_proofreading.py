"""Proofreading commands: ``fix --rules safe``, ``suggestions`` and ``notes``; ``import --autofix`` support.

Wired into ``reader.cli`` by ``add_commands``; like every command, their
output is a public interface (see README.md):

* ``fix`` prints one line per issue (what it changed) and a total line;
* ``suggestions --json`` prints one JSON object per suggestion and line:
  ``issue_id``, ``article_id``, ``block`` (position in the article),
  ``block_id``, ``role``, ``rule``, ``span`` (``[start, end]`` in the block's
  text), ``text``, ``replacement`` (null: flag only) and ``explanation``;
* ``notes --json`` prints one JSON object per note and line, in reading order:
  ``note_id``, ``issue_id``, ``article_id``, ``article_title``, ``quote``,
  ``body``, ``author``, ``resolved``, ``orphaned`` and ``updated_at`` (ISO 8601).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reader.cli_common import counted, open_cli_library
from reader.cli_types import add_ids

if TYPE_CHECKING:
    from db.engine import Library
    from reader.services.note_finding import NoteListing
    from reader.services.suggesting import BlockSuggestion, FixReport, IssueFix

EXIT_OK = 0
AUTOFIX_AUTHOR = "autofix"

Command = Callable[[argparse.Namespace], int]


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add ``fix`` and ``suggestions``; returns their handlers by name."""
    fix = subparsers.add_parser("fix", parents=[db_parent], help="apply the safe artefact rules to issues")
    fix.add_argument(
        "--rules", choices=["safe"], required=True, help="which rules to apply (safe: half-width punctuation)"
    )
    add_ids(fix, "--issue", "only these issues")
    fix.add_argument(
        "--author", default=AUTOFIX_AUTHOR, help=f"who the changes are recorded as (default {AUTOFIX_AUTHOR})"
    )

    sug = subparsers.add_parser(
        "suggestions", parents=[db_parent], help="list the artefact rules' suggestions"
    )
    add_ids(sug, "--issue", "only these issues")
    sug.add_argument("--rule", metavar="NAME", help="only this rule (built-in or user rule name)")
    sug.add_argument("--json", action="store_true", help="one JSON object per suggestion and line")

    notes = subparsers.add_parser(
        "notes", parents=[db_parent], help="list the notes not resolved yet, in reading order"
    )
    add_ids(notes, "--issue", "only these issues")
    notes.add_argument("--all", action="store_true", help="resolved notes too")
    notes.add_argument("--json", action="store_true", help="one JSON object per note and line")
    return {"fix": cmd_fix, "suggestions": cmd_suggestions, "notes": cmd_notes}


def issue_line(fix: IssueFix) -> str:
    """One issue's line of ``fix`` output."""
    if not fix.changes:
        return f"issue {fix.issue_id}  {fix.source_name}: nothing to fix"
    rules = ", ".join(f"{name} {count}" for name, count in sorted(fix.by_rule.items()))
    return (
        f"issue {fix.issue_id}  {fix.source_name}: {counted(fix.changes, 'change')} in "
        f"{counted(fix.blocks, 'block')} of {counted(fix.articles, 'article')} ({rules})"
    )


def total_line(report: FixReport) -> str:
    """The total line of ``fix`` output."""
    return (
        f"total: {counted(report.changes, 'change')} in {counted(report.blocks, 'block')} of "
        f"{counted(report.articles, 'article')}, {counted(len(report.issues), 'issue')}"
    )


def _fix(library: Library, issue_ids: Sequence[int] | None, author: str) -> FixReport:
    from reader.services.suggesting import fix_safe

    with library.writing() as session:
        return fix_safe(session, issue_ids=issue_ids, author=author)


def cmd_fix(args: argparse.Namespace) -> int:
    """Apply the safe rules; print what changed per issue and a total."""
    library = open_cli_library(args.db)
    try:
        report = _fix(library, args.issue, args.author)
    finally:
        library.close()
    for fix in report.issues:
        print(issue_line(fix))
    print(total_line(report))
    return EXIT_OK


def suggestion_record(item: BlockSuggestion) -> dict[str, Any]:
    """The JSON object of one suggestion (the ``suggestions --json`` line)."""
    s = item.suggestion
    return {
        "issue_id": item.issue_id,
        "article_id": item.article_id,
        "block": item.block_position,
        "block_id": item.block_id,
        "role": item.role,
        "rule": s.rule,
        "span": [s.start, s.end],
        "text": s.text,
        "replacement": s.replacement,
        "explanation": s.explanation,
    }


def cmd_suggestions(args: argparse.Namespace) -> int:
    """Print every suggestion (of one rule, in some issues): JSON lines or one readable line each."""
    from reader.services.suggesting import iter_suggestions, rule_by_name

    library = open_cli_library(args.db)
    try:
        with library.session() as session:
            rules = [rule_by_name(session, args.rule)] if args.rule else None
            for item in iter_suggestions(session, issue_ids=args.issue, rules=rules):
                record = suggestion_record(item)
                print(json.dumps(record, ensure_ascii=False) if args.json else _readable(record))
    finally:
        library.close()
    return EXIT_OK


def _readable(record: dict[str, Any]) -> str:
    replacement = record["replacement"]
    fix = "(flag)" if replacement is None else f"→ {replacement!r}"
    start, end = record["span"]
    return (
        f"article {record['article_id']} block {record['block']} [{start}:{end}] "
        f"{record['rule']}: {record['text']!r} {fix}"
    )


def note_record(note: NoteListing) -> dict[str, Any]:
    """The JSON object of one note (the ``notes --json`` line)."""
    return {
        "note_id": note.id,
        "issue_id": note.issue_id,
        "article_id": note.article_id,
        "article_title": note.article_title,
        "quote": note.quote,
        "body": note.body,
        "author": note.author,
        "resolved": note.resolved,
        "orphaned": note.orphaned,
        "updated_at": note.updated_at.isoformat(),
    }


def cmd_notes(args: argparse.Namespace) -> int:
    """Print the notes (open ones unless ``--all``): JSON lines or one readable line each."""
    from reader.services.library import check_issue_ids
    from reader.services.note_finding import note_listings

    library = open_cli_library(args.db)
    try:
        with library.session() as session:
            if args.issue:
                check_issue_ids(session, args.issue)  # a mistyped id is no "no notes"
            found = note_listings(session, issue_ids=args.issue, include_resolved=args.all)
    finally:
        library.close()
    for note in found:
        if args.json:
            print(json.dumps(note_record(note), ensure_ascii=False))
            continue
        state = " (resolved)" if note.resolved else " (passage gone)" if note.orphaned else ""
        print(f"article {note.article_id} note {note.id}: 「{note.quote}」 {note.body}{state}")
    if not found:  # said on stderr, as `list` does: a script reading stdout still gets nothing
        which = "notes" if args.all else "open notes"
        where = f" in issue {', '.join(map(str, args.issue))}" if args.issue else ""
        print(f"no {which}{where}", file=sys.stderr)
    return EXIT_OK


def autofix_imported(library: Library, issue_ids: Sequence[int]) -> str:
    """Apply the safe rules to just-imported issues (``import --autofix``); the lines to print."""
    if not issue_ids:
        return "autofix: no issue imported"
    report = _fix(library, list(issue_ids), AUTOFIX_AUTHOR)
    lines = [f"autofix {issue_line(fix)}" for fix in report.issues]
    lines.append(f"autofix {total_line(report)}")
    return "\n".join(lines)
