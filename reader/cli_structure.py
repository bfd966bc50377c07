"""Command line for an article's structure: ``show ARTICLE`` and ``structure merge|split|role|move|leftover``.

``reader.cli`` wires :func:`add_commands` in.  Article ids are those of
``list --json`` and the JSON export; block positions are those ``show``
prints (0-based).  Every edit goes through the services the window uses
(``reader.services.segmentation_edits`` and ``structure_edits``): one
transaction, nothing of the original lost, a ``segmentation`` revision per
changed article.  A bad id or position is a ``SegmentationError``, printed
by ``reader.cli.main`` as ``error: …`` with exit status 1.
"""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli_common import open_cli_library
from reader.cli_types import database_id

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.structure_edits import Target

EXIT_OK = 0
Command = Callable[[argparse.Namespace], int]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _target(value: str) -> Target:
    if value in ("previous", "next"):
        return value
    try:
        int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected previous, next or an article id, not {value!r}") from None
    return database_id(value)  # a whole number out of range is a usage error too


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add ``show`` and ``structure``; returns their handlers."""
    from reader.core.model import BLOCK_ROLES, LEFTOVER, LeftoverKind

    show = subparsers.add_parser(
        "show", parents=[db_parent], help="an article's blocks (position, role, text), tags and status"
    )
    show.add_argument("article", type=database_id, metavar="ARTICLE", help="article id")
    show.add_argument("--json", action="store_true", help="one JSON object")

    structure = subparsers.add_parser(
        "structure", parents=[db_parent], help="merge, split, move blocks, set a block's role"
    )
    actions = structure.add_subparsers(dest="structure_action", metavar="ACTION", required=True)
    author = argparse.ArgumentParser(add_help=False)
    author.add_argument("--author", default=_user(), help="recorded in the revisions (default: your login)")
    parents = [db_parent, author]

    merge = actions.add_parser("merge", parents=parents, help="merge an article with another")
    merge.add_argument("article", type=database_id, metavar="ARTICLE")
    merge.add_argument(
        "--into", type=_target, required=True, metavar="previous|next|ARTICLE_ID", help="the other article"
    )
    split = actions.add_parser("split", parents=parents, help="start a new article at a block")
    split.add_argument("article", type=database_id, metavar="ARTICLE")
    split.add_argument(
        "--at", type=int, required=True, metavar="POSITION", help="the new article's first block"
    )
    role = actions.add_parser("role", parents=parents, help="give a block another role")
    role.add_argument("article", type=database_id, metavar="ARTICLE")
    role.add_argument("position", type=int, metavar="POSITION")
    role.add_argument("role", choices=[*BLOCK_ROLES, LEFTOVER], metavar="ROLE", help=", ".join(BLOCK_ROLES))
    move = actions.add_parser("move", parents=parents, help="move a block to another article, or within one")
    move.add_argument("article", type=database_id, metavar="ARTICLE")
    move.add_argument("position", type=int, metavar="POSITION")
    move.add_argument(
        "--to", type=database_id, required=True, metavar="ARTICLE_ID", help="the article it goes to"
    )
    move.add_argument("--at", type=int, metavar="POSITION", help="its position there (default: the end)")
    left = actions.add_parser("leftover", parents=parents, help="take a block out of its article")
    left.add_argument("article", type=database_id, metavar="ARTICLE")
    left.add_argument("position", type=int, metavar="POSITION")
    left.add_argument(
        "--kind",
        choices=[k.value for k in LeftoverKind],
        default=LeftoverKind.OTHER.value,
        help="default other",
    )
    return {"show": cmd_show, "structure": cmd_structure}


def cmd_show(args: argparse.Namespace) -> int:
    """Print an article: its blocks with position and role, its tags and its status."""
    from reader.services.structure_view import article_outline

    library = open_cli_library(args.db)
    try:
        with library.session() as session:
            outline = article_outline(session, args.article)
    finally:
        library.close()
    if args.json:
        print(json.dumps(outline.as_json(), ensure_ascii=False))
        return EXIT_OK
    tags = ", ".join(str(t["name"]) for t in outline.tags) or "-"
    print(
        f"article {outline.id} (issue {outline.issue_id}, position {outline.position}): "
        f"{outline.title or '(untitled)'}"
    )
    print(f"status: {outline.status}\ttags: {tags}")
    for block in outline.blocks:
        print(f"{block.position}\t{block.role}\t{block.text}")
    return EXIT_OK


def _block_id(session: Session, article_id: int, position: int) -> int:
    from reader.services.segmentation_rows import SegmentationError
    from reader.services.structure_edits import block_ids

    ids = block_ids(session, article_id)
    if not 0 <= position < len(ids):
        raise SegmentationError(
            f"article {article_id} has no block at position {position} "
            f"(it has {_blocks(len(ids))}, from position 0)"
        )
    return ids[position]


def _blocks(count: int) -> str:
    return f"{count} block" if count == 1 else f"{count} blocks"


def cmd_structure(args: argparse.Namespace) -> int:
    """Run one structure edit and print what it did."""
    from db.models import Block
    from reader.services import segmentation_edits as edits
    from reader.services import structure_edits
    from reader.services.structure_edits import block_ids

    action, author, article = args.structure_action, args.author, args.article
    library = open_cli_library(args.db)
    try:
        with library.writing() as session:
            if action == "merge":
                result = structure_edits.merge_into(session, article, args.into, author=author)
                survivor = result.articles[0]  # the earlier of the two keeps its id
                count = _blocks(len(block_ids(session, survivor)))
                message = f"merged article {article} into {args.into}: article {survivor} now has {count}"
            elif action == "split":
                result = edits.split_article(session, _block_id(session, article, args.at), author=author)
                [new] = [a for a in result.articles if a != article]
                message = (
                    f"split article {article} at block {args.at}: its blocks from there are now article {new}"
                )
            elif action == "role":
                block = _block_id(session, article, args.position)
                before = session.get_one(Block, block).role
                edits.set_block_role(session, block, args.role, author=author)
                message = f"article {article} block {args.position}: {before} -> {args.role}"
            elif action == "move":
                block = _block_id(session, article, args.position)
                if args.to == article:
                    at = len(block_ids(session, article)) - 1 if args.at is None else args.at
                    structure_edits.reorder_block(session, block, at, author=author)
                else:
                    at = len(block_ids(session, args.to)) if args.at is None else args.at
                    edits.move_block_to(session, block, args.to, at, author=author)
                message = (
                    f"moved block {args.position} of article {article} to article {args.to} at position {at}"
                )
            else:
                block = _block_id(session, article, args.position)
                edits.block_to_leftover(session, block, author=author, kind=args.kind)
                message = f"article {article} block {args.position} is now a leftover ({args.kind})"
    finally:
        library.close()
    print(message)
    return EXIT_OK
