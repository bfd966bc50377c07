"""Command line for tags: ``python main.py tags list|add|remove|rename|merge|suggest|alias|rule``.

``reader.cli`` wires :func:`add_commands` in; the commands and their output are a
public interface (see README.md).  Article ids are those of ``export --format
json`` and ``list --json``.  Errors are :class:`reader.core.errors.JiaokanError`
subclasses, which ``reader.cli.main`` prints as ``error: …`` with exit status 1.
"""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli_common import counted, open_cli_library
from reader.cli_tag_rules import add_actions
from reader.cli_types import add_name_and_ids, database_id, name_first_usage, name_of

if TYPE_CHECKING:
    pass

EXIT_OK = 0
EXIT_FAILED = 1

Command = Callable[[argparse.Namespace], int]
_handlers: dict[str, Command] = {}  # actions defined in other modules (alias, rule)


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add the ``tags`` command and its actions; returns ``{"tags": handler}``."""
    from reader.core.tag_kinds import TAG_KINDS

    tags = subparsers.add_parser(
        "tags", parents=[db_parent], help="list, add, remove, rename, merge, suggest tags"
    )
    actions = tags.add_subparsers(dest="tags_action", metavar="ACTION", required=True)

    lst = actions.add_parser("list", parents=[db_parent], help="every tag with its kind and article count")
    lst.add_argument("--json", action="store_true", help="one JSON object per tag and line")
    lst.add_argument("--filter", metavar="TEXT", help="only tags whose name or path contains TEXT")

    add = actions.add_parser("add", parents=[db_parent], help="tag articles (the tag is created if needed)")
    add_name_and_ids(add, "tag name, or parent/child to place it under a parent", _ARTICLE_HELP)
    add.add_argument("--kind", choices=TAG_KINDS, help="kind of a new tag (default topic)")
    add.add_argument("--author", default=_user(), help="recorded as who added the tag (default: your login)")
    name_first_usage(add)

    rem = actions.add_parser("remove", parents=[db_parent], help="take a tag off articles")
    add_name_and_ids(rem, "tag name", _ARTICLE_HELP)
    name_first_usage(rem)

    ren = actions.add_parser("rename", parents=[db_parent], help="rename a tag")
    ren.add_argument("old", metavar="OLD")
    ren.add_argument("new", metavar="NEW")

    mer = actions.add_parser(
        "merge", parents=[db_parent], help="merge SOURCE into TARGET (SOURCE is deleted)"
    )
    mer.add_argument("source", metavar="SOURCE")
    mer.add_argument("target", metavar="TARGET")

    sug = actions.add_parser("suggest", parents=[db_parent], help="suggest tags for an article")
    sug.add_argument("--article", type=database_id, required=True, metavar="ID", help="article id")
    sug.add_argument(
        "--limit", type=database_id, default=10, metavar="N", help="at most N suggestions (default 10)"
    )
    sug.add_argument("--json", action="store_true", help="one JSON object per suggestion and line")
    _handlers.update(add_actions(actions, db_parent))
    return {"tags": cmd_tags}


_ARTICLE_HELP = "article id (several, or repeat the option; NAME may come before or after them)"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def cmd_tags(args: argparse.Namespace) -> int:
    """Run one ``tags`` action."""
    handlers: dict[str, Command] = {
        "list": _list,
        "add": _add,
        "remove": _remove,
        "rename": _rename,
        "merge": _merge,
        "suggest": _suggest,
        **_handlers,
    }
    return handlers[args.tags_action](args)


def _list(args: argparse.Namespace) -> int:
    from reader.services.tag_queries import list_tags
    from reader.services.tagging import tag_path

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.session() as session:
            for tag, count in list_tags(session, args.filter):
                path = tag_path(tag)
                if args.json:
                    record = {
                        "id": tag.id,
                        "name": tag.name,
                        "path": path,
                        "kind": tag.kind,
                        "parent": tag.parent.name if tag.parent is not None else None,
                        "colour": tag.colour,
                        "articles": count,
                    }
                    print(json.dumps(record, ensure_ascii=False))
                else:
                    print(f"{path}\t{tag.kind}\t{count}")
    finally:
        library.close()
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from reader.services.tagging import add_tag

    name = name_of(args)  # before the library is opened: a usage error changes nothing
    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            result = add_tag(session, args.article, name, kind=args.kind, author=args.author)
    finally:
        library.close()
    print(
        f"tagged {counted(len(result.added), 'article')} with {result.name} "
        f"({len(result.already)} had it already)"
    )
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from reader.services.tagging import get_tag, remove_tag

    wanted = name_of(args)  # before the library is opened: a usage error changes nothing
    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            tag = get_tag(session, wanted)
            result = remove_tag(session, args.article, tag.id)
            name = tag.name
    finally:
        library.close()
    print(f"removed {name} from {counted(len(result.removed), 'article')}")
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    from reader.services.tagging import get_tag, rename_tag

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            result = rename_tag(session, get_tag(session, args.old).id, args.new)
    finally:
        library.close()
    print(f"renamed {result.old_name} to {result.new_name}")
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from reader.services.tagging import get_tag, merge_tags

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            source, target = get_tag(session, args.source), get_tag(session, args.target)
            target_name = target.name
            result = merge_tags(session, source.id, target.id)
    finally:
        library.close()
    print(
        f"merged {result.source.name} into {target_name}: {counted(len(result.moved), 'article')} moved, "
        f"{len(result.collapsed)} had both"
    )
    return EXIT_OK


def _suggest(args: argparse.Namespace) -> int:
    from reader.services.tag_idf import refresh_idf
    from reader.services.tag_phrases import discover_phrases, library_phrases, store_phrases
    from reader.services.tag_suggesting import suggest_for_article
    from reader.services.tagging import check_article_ids

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:  # count newly imported articles into the IDF first
            check_article_ids(session, [args.article])
            counted = refresh_idf(session)
        with library.session() as session:  # and find the library's phrases again when it grew
            phrases = discover_phrases(session) if counted or not library_phrases(session) else None
        if phrases is not None:
            with library.writing() as session:
                store_phrases(session, phrases)
        with library.session() as session:
            suggestions = suggest_for_article(session, args.article, limit=args.limit)
    finally:
        library.close()
    for s in suggestions:
        if args.json:
            record = {
                "name": s.name,
                "kind": s.kind,
                "score": s.score,
                "reason": s.reason,
                "detail": s.detail,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{s.name}\t{s.kind}\t{s.score:.2f}\t{s.reason}")
    return EXIT_OK
