"""Command line for tag aliases and rules: ``tags alias add|list|remove``, ``tags rule add|list|apply|…``.

``reader.cli_tags`` wires :func:`add_actions` into the ``tags`` command; the
output is a public interface (see README.md).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from reader.cli_common import counted, open_cli_library
from reader.cli_types import database_id

EXIT_OK = 0
Command = Callable[[argparse.Namespace], int]


def add_actions(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add ``alias`` and ``rule`` to the ``tags`` actions; returns their handlers."""
    from reader.core.tag_kinds import TAG_KINDS

    alias = actions.add_parser("alias", parents=[db_parent], help="other names of tags (外滩 for 外滩街道)")
    alias_actions = alias.add_subparsers(dest="alias_action", metavar="ACTION", required=True)
    a_add = alias_actions.add_parser("add", parents=[db_parent], help="give a tag other names")
    a_add.add_argument("tag", metavar="TAG", help="tag name")
    a_add.add_argument("aliases", metavar="ALIAS", nargs="+", help="another name of the tag")
    a_list = alias_actions.add_parser("list", parents=[db_parent], help="every alias with its tag")
    a_list.add_argument("--json", action="store_true", help="one JSON object per alias and line")
    a_rem = alias_actions.add_parser("remove", parents=[db_parent], help="forget aliases")
    a_rem.add_argument("aliases", metavar="ALIAS", nargs="+")

    rule = actions.add_parser("rule", parents=[db_parent], help="tag every article that mentions a text")
    rule_actions = rule.add_subparsers(dest="rule_action", metavar="ACTION", required=True)
    r_add = rule_actions.add_parser(
        "add", parents=[db_parent], help="a rule: tag every article that mentions PATTERN with TAG"
    )
    r_add.add_argument("tag", metavar="TAG", help="tag name (created if needed; parent/child allowed)")
    r_add.add_argument("pattern", metavar="PATTERN", help="text to look for (any script)")
    r_add.add_argument("--regex", action="store_true", help="PATTERN is a regular expression")
    r_add.add_argument("--kind", choices=TAG_KINDS, help="kind of a new tag (default topic)")
    r_list = rule_actions.add_parser("list", parents=[db_parent], help="every rule")
    r_list.add_argument("--json", action="store_true", help="one JSON object per rule and line")
    r_apply = rule_actions.add_parser("apply", parents=[db_parent], help="apply a rule to the whole library")
    r_apply.add_argument("id", type=database_id, metavar="ID", help="rule id (see tags rule list)")
    r_apply.add_argument("--preview", action="store_true", help="only count the articles it would tag")
    r_undo = rule_actions.add_parser(
        "undo", parents=[db_parent], help="take the rule's tag off every article the rule tagged"
    )
    r_undo.add_argument("id", type=database_id, metavar="ID")
    r_rem = rule_actions.add_parser("remove", parents=[db_parent], help="delete a rule (its tags stay)")
    r_rem.add_argument("id", type=database_id, metavar="ID")
    return {"alias": cmd_alias, "rule": cmd_rule}


def cmd_alias(args: argparse.Namespace) -> int:
    from reader.services.tag_aliases import add_alias, list_aliases, remove_alias
    from reader.services.tagging import get_tag

    library = open_cli_library(getattr(args, "db", None))
    try:
        if args.alias_action == "list":
            with library.session() as session:
                rows = list_aliases(session)
            for row in rows:
                if args.json:
                    print(
                        json.dumps(
                            {"alias": row.alias, "tag": row.tag, "tag_id": row.tag_id}, ensure_ascii=False
                        )
                    )
                else:
                    print(f"{row.alias}\t{row.tag}")
            return EXIT_OK
        with library.writing() as session:
            if args.alias_action == "add":
                tag = get_tag(session, args.tag)
                name = tag.name
                for alias in args.aliases:
                    add_alias(session, tag.id, alias)
            else:
                for alias in args.aliases:
                    remove_alias(session, alias)
    finally:
        library.close()
    if args.alias_action == "add":
        print(f"{name}: {len(args.aliases)} alias(es) added: {' '.join(args.aliases)}")
    else:
        print(f"removed {len(args.aliases)} alias(es)")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from reader.services import tag_rules

    library = open_cli_library(getattr(args, "db", None))
    try:
        action = args.rule_action
        if action == "list" or (action == "apply" and args.preview):
            with library.session() as session:
                if action == "list":
                    for r in tag_rules.list_rules(session):
                        if args.json:
                            record = {
                                "id": r.id,
                                "tag": r.tag,
                                "kind": r.kind,
                                "pattern": r.pattern,
                                "regex": r.is_regex,
                            }
                            print(json.dumps(record, ensure_ascii=False))
                        else:
                            print(f"{r.id}\t{r.tag}\t{'regex' if r.is_regex else 'text'}\t{r.pattern}")
                    return EXIT_OK
                preview = tag_rules.preview_rule(session, args.id)
            print(
                f"rule {args.id} matches {counted(len(preview.matching), 'article')}; "
                f"{counted(len(preview.new), 'article')} would be newly tagged"
            )
            return EXIT_OK
        with library.writing() as session:
            if action == "add":
                added = tag_rules.add_rule(
                    session, args.tag, args.pattern, is_regex=args.regex, kind=args.kind
                )
                what = (
                    f"matches the regular expression {args.pattern}"
                    if args.regex
                    else f"mentions {args.pattern}"
                )
                message = f"rule {added.rule_id}: tag every article that {what} with {args.tag}"
            elif action == "apply":
                result = tag_rules.apply_rule(session, args.id)
                message = (
                    f"tagged {counted(len(result.added), 'article')} with {result.name} "
                    f"({len(result.already)} had it already); undo with: tags rule undo {args.id}"
                )
            elif action == "undo":
                removed = tag_rules.unapply_rule(session, args.id)
                message = f"took the tag of rule {args.id} off {counted(len(removed.removed), 'article')}"
            else:
                gone = tag_rules.remove_rule(session, args.id).tag
                message = f"removed rule {args.id} (the tags it added stay)"
                if gone is not None:
                    message += f"; its tag {gone.name}, which nothing else has, went with it"
    finally:
        library.close()
    print(message)
    return EXIT_OK
