"""Command line for whole issues: ``python main.py issue set ID …`` and ``python main.py delete ISSUE …``.

``reader.cli`` wires :func:`add_commands` in; the commands and their output are a
public interface (see README.md).  Errors are :class:`reader.core.errors.JiaokanError`
subclasses, which ``reader.cli.main`` prints as ``error: …`` with exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reader.cli_common import open_cli_library
from reader.cli_types import database_id

EXIT_OK = 0
EXIT_FAILED = 1

Command = Callable[[argparse.Namespace], int]
_OPTIONS = (  # (option, property, help)
    ("--title", "title", "the issue's title (an empty value clears it)"),
    ("--date", "publication_date", "its publication date, as printed or YYYY-MM-DD"),
    ("--publication", "publication", "the paper it is an issue of"),
    ("--number", "number", "its number (第…期)"),
)


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add ``issue set`` and ``delete``; returns their handlers."""
    issue = subparsers.add_parser("issue", parents=[db_parent], help="set an issue's properties")
    actions = issue.add_subparsers(dest="issue_action", metavar="ACTION", required=True)
    set_ = actions.add_parser(
        "set", parents=[db_parent], help="set the title, date, publication or number of an issue"
    )
    set_.add_argument("issue_id", type=database_id, metavar="ID", help="issue id (see list)")
    for option, dest, text in _OPTIONS:
        set_.add_argument(option, dest=dest, metavar="TEXT", help=text)

    delete = subparsers.add_parser(
        "delete", parents=[db_parent], help="delete issues and everything in them (backed up first)"
    )
    delete.add_argument("issue_ids", type=database_id, nargs="+", metavar="ISSUE", help="issue id (see list)")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return {"issue": cmd_issue_set, "delete": cmd_delete}


def cmd_issue_set(args: argparse.Namespace) -> int:
    """Set the properties given; prints the issue's properties as they now are."""
    from reader.services.issues import set_issue_properties

    changes = {dest: getattr(args, dest) for _, dest, _ in _OPTIONS if getattr(args, dest) is not None}
    if not changes:
        print("error: nothing to set: give --title, --date, --publication or --number", file=sys.stderr)
        return EXIT_FAILED
    library = open_cli_library(args.db)
    try:
        with library.writing() as session:
            props = set_issue_properties(session, args.issue_id, **changes)
    finally:
        library.close()
    print(f"issue {args.issue_id}")
    for option, dest, _ in _OPTIONS:
        print(f"  {option[2:]}: {getattr(props, dest) or '-'}")
    return EXIT_OK


def _confirmed(labels: list[str]) -> bool:
    if not sys.stdin.isatty():
        print("error: deleting needs --yes when not run from a terminal", file=sys.stderr)
        return False
    print("delete " + "; ".join(labels) + "?")
    answer = input("a backup is made first; type yes to delete: ")
    return answer.strip().lower() in ("y", "yes")


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete issues after a verified backup (asks first unless --yes)."""
    from reader.services.issues import delete_issues
    from reader.services.library import check_issue_ids, list_issues

    library = open_cli_library(args.db)
    try:
        ids = list(dict.fromkeys(args.issue_ids))
        with library.session() as session:
            check_issue_ids(session, ids)
            labels = [f"issue {i.id} ({i.title or i.source_name})" for i in list_issues(session, ids)]
        if not args.yes and not _confirmed(labels):
            print("nothing deleted", file=sys.stderr)
            return EXIT_FAILED
        with library.writing() as session:
            deleted = delete_issues(session, ids, keep_documents=False)
    finally:
        library.close()
    for item in deleted:
        print(f"deleted issue {item.issue_id} ({item.label})")
    return EXIT_OK


__all__ = ["add_commands", "cmd_delete", "cmd_issue_set"]
