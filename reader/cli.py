"""Command line: ``python main.py import|list|export …``; no subcommand opens the GUI.

The commands and their output are a public interface that users script
against (see README.md): keep them stable.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli_common import counted, database_failure, open_cli_library
from reader.cli_types import SEVERAL, UsageError, add_ids, database_id, shown
from reader.core.errors import JiaokanError

if TYPE_CHECKING:
    from reader.core.errors import InputError
    from reader.core.listing import ArticleSummary, IssueSummary
    from reader.core.preparing import Preparing

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a Unix tool whose reader left


class TerminalProgress:
    """A one-line progress display on a terminal; silent when the stream is not a TTY."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self._shown = False
        self._file = (0, 0, "")  # the latest (done, total, name) report

    def __call__(self, done: int, total: int, name: str) -> None:
        self._file = (done, total, name)
        if total > 1:
            self._draw(done, total, f"{done}/{total} {name[:40]:<40}")

    def file_bytes(self, done: int, total: int) -> None:
        """Progress within one large file (bytes done of bytes in all), shown even for a single file."""
        files_done, files, name = self._file
        counter = f"{files_done + 1}/{files} " if files > 1 else ""
        self._draw(done, total, f"{counter}{name[:34]:<34} {100 * done // max(total, 1):3d}%")

    def _draw(self, done: int, total: int, text: str) -> None:
        if not self.enabled:
            return
        width = 24
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {text}")
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        """Clear the progress line."""
        if self._shown:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def _db_parent(default: object) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="library file or SQLAlchemy URL (default: library.sqlite3 in the per-user data folder)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from reader.core.decoding import SUPPORTED_ENCODINGS
    from reader.core.script import Script

    # --db works before or after the command; the command's copy must not reset the other.
    db = _db_parent(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="jiaokan",
        description="Jiaokan (校勘): read, proofread and export OCR'd Chinese newspapers. "
        "Without a command, opens the application window.",
        parents=[_db_parent(None)],
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user interface language (GUI)")
    parser.add_argument(
        "--sample",
        action="store_true",
        help="open the window on the bundled sample issue (imported if needed)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser(
        "import",
        parents=[db],
        help="import issue files (.txt, Jiaokan .json exports, page scans read by OCR) or folders of them",
    )
    imp.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="issue file, JSON export, PDF, page image or folder",
    )
    imp.add_argument(
        "--issue-per-file",
        action="store_true",
        help="page images: one issue per image file (default: one issue per folder of page images)",
    )
    imp.add_argument(
        "--autofix", action="store_true", help="apply the safe artefact rules to what was imported (tracked)"
    )
    imp.add_argument(
        "--on-conflict",
        choices=["skip", "replace", "copy"],
        default="skip",
        help="a JSON export whose issue is already in the library: skip it (default), replace the issue, "
        "or import it as a copy",
    )
    imp.add_argument(
        "--encoding",
        choices=SUPPORTED_ENCODINGS,
        help="read every text file given in this encoding instead of detecting it (JSON exports: unaffected)",
    )

    lst = sub.add_parser("list", parents=[db], help="list issues and their articles")
    add_ids(lst, "--issue", "only these issues")
    lst.add_argument("--json", action="store_true", help="one JSON object per issue and line")

    exp = sub.add_parser("export", parents=[db], help="export issues, one file per issue (or one for all)")
    exp.add_argument(
        "--format",
        choices=["txt", "md", "json", "csv", "tei"],
        default="txt",
        help="output format (default txt)",
    )
    exp.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    add_ids(exp, "--issue", "issue ids")
    add_ids(exp, "--article", "article ids")
    exp.add_argument(
        "--tag",
        nargs="+",
        action="extend",
        metavar="NAME",
        help=f"only articles with these tags ({SEVERAL}: all of them)",
    )
    exp.add_argument(
        "--status",
        nargs="+",
        action="extend",
        choices=["new", "in_progress", "proofread", "approved"],
        help=f"only articles with these statuses ({SEVERAL}: any of them)",
    )
    exp.add_argument(
        "--script",
        choices=[s.value for s in Script],
        default=Script.ORIGINAL.value,
        help="script of the txt, md and csv exports (default original)",
    )
    exp.add_argument("--single-file", action="store_true", help="one file for all issues")
    exp.add_argument("--no-text", action="store_true", help="csv: leave out the text column")
    exp.add_argument(
        "--annotations",
        action="store_true",
        help="also write the notes and scan regions as Web Annotations (JSON-LD)",
    )
    exp.add_argument(
        "--include-scans", action="store_true", help="json: put the page scans' bytes into the file (base64)"
    )
    for module in EXTENSIONS:
        COMMANDS.update(importlib.import_module(module).add_commands(sub, db))

    srch = sub.add_parser("search", parents=[db], help="full-text search over every article")
    srch.add_argument("query", help="words to find (all of them); either script finds both")
    srch.add_argument("--issue", type=database_id, metavar="ID", help="only in this issue")
    srch.add_argument(
        "--status", choices=["new", "in_progress", "proofread", "approved"], help="only with status"
    )
    srch.add_argument(
        "--limit", type=database_id, metavar="N", help="at most N articles (default: every match)"
    )
    srch.add_argument("--json", action="store_true", help="one JSON object per matching article and line")
    return parser


IMPORT_WORKERS = 2
IMPORT_NICE = 5
"""The import's preparing processes run below this one's priority: storing never waits for a core.

Storing is about half of an import's work and only this process can do it;
with two workers at a lower priority, preparing takes whatever CPU storing
leaves, so both cores stay busy while this one runs at full speed.
"""


def cmd_import(args: argparse.Namespace) -> int:
    """Import files and folders; one line per failed file on stderr (and a hint if it is ambiguous)."""
    from reader.core.files import collect_inputs
    from reader.core.workers import PARALLEL_THRESHOLD, started_pool

    # The workers that prepare the files start first and are given the first files at once: they
    # load their code and prepare those while this process loads its own and opens the library
    # (on two cores or more; one core: no worker).
    files = collect_inputs(args.paths)[0]
    many = (os.cpu_count() or 1) > 1 and len(files) >= PARALLEL_THRESHOLD
    if not many:
        return _import(args, None)
    from reader.core.preparing import Preparing

    pool = started_pool(IMPORT_WORKERS, ["reader.core.preparing"], IMPORT_NICE)
    preparing = Preparing(pool, files, args.encoding)
    try:
        return _import(args, preparing)
    finally:
        preparing.close()
        pool.shutdown(wait=True, cancel_futures=True)


def _import(args: argparse.Namespace, workers: Preparing | None) -> int:
    from reader.core.files import collect_inputs
    from reader.core.ocr_inputs import split_scan_inputs
    from reader.services.import_ocr import import_scan_groups, ocr_workers
    from reader.services.importing import import_files
    from reader.services.json_import import import_json_files, split_inputs

    library = open_cli_library(args.db)
    gc.freeze()  # what start-up loaded lives as long as the process: out of the collector's rounds
    progress = TerminalProgress("importing")
    try:
        texts, exports = split_inputs(args.paths)
        refused: list[InputError] = []  # links out of a scan folder, unreadable subfolders
        texts, scans = split_scan_inputs(texts, issue_per_file=args.issue_per_file, refused=refused)
        encodings: dict[Path, str] = {}
        if args.encoding is not None:
            encodings = dict.fromkeys(collect_inputs(texts)[0], args.encoding)
        with library.write_session() as session:
            report = import_files(
                session,
                texts,
                progress=progress,
                file_progress=progress.file_bytes,
                workers=workers if workers is not None else 0,
                encodings=encodings,
            )
            report.refuse(refused)
            report.results += import_scan_groups(session, scans, workers=ocr_workers(), progress=progress)
            report.results += import_json_files(session, exports, on_conflict=args.on_conflict).results
        report.refuse_empty_folders(args.paths, [group.files for group in scans])
        progress.finish()
        for result in report.results:
            if result.outcome == "imported":
                detail = "" if result.message == f"{result.articles} articles" else f" ({result.message})"
                articles = counted(result.articles, "article")
                print(f"imported {shown(result.path)}: issue {result.issue_id}, {articles}" + shown(detail))
            elif result.outcome == "duplicate":
                print(f"skipped {shown(result.path)}: {shown(result.message)}")
            if result.scan_files:
                names = ", ".join(Path(name).name for name in result.scan_files)
                pages = counted(result.scan_pages, "scan page")
                print(f"attached to issue {result.issue_id}: {pages} ({shown(names)})")
        scan_errors = [error for result in report.results for error in result.scan_errors]
        for scan, reason in scan_errors:
            print(f"error: {shown(scan)}: {shown(reason)}", file=sys.stderr)
        for result in report.failed:
            print(f"error: {shown(result.path)}: {shown(result.message)}", file=sys.stderr)
            if result.candidates and args.encoding is None:
                first, *others = result.candidates
                alternatives = f" (or {' or '.join(others)})" if others else ""
                print(
                    f"hint: {shown(result.path)}: choose one with --encoding {first}{alternatives}",
                    file=sys.stderr,
                )
        print(
            f"{len(report.imported)} imported, {len(report.duplicates)} skipped as duplicates, "
            f"{len(report.failed)} failed"
        )
        if args.autofix:
            from reader.cli_proofreading import autofix_imported

            print(autofix_imported(library, [r.issue_id for r in report.imported if r.issue_id is not None]))
    finally:
        progress.finish()
        library.close()
    return EXIT_OK if report.ok and not scan_errors else EXIT_FAILED


def _issue_row(issue: IssueSummary, articles: list[ArticleSummary]) -> dict[str, object]:
    from reader.core.timestamps import iso_utc

    return {
        "issue_id": issue.id,
        "source_name": issue.source_name,
        "title": issue.title,
        "encoding": issue.encoding,
        "imported_at": iso_utc(issue.imported_at),
        "articles": [{"article_id": a.id, "position": a.position, "title": a.title} for a in articles],
    }


def _issue_line(issue: IssueSummary) -> str:
    articles, characters = counted(issue.article_count, "article"), counted(issue.char_count, "character")
    return (
        f"issue {issue.id}  {issue.source_name}  ({issue.encoding}, {articles}, {characters}, "
        f"imported {issue.imported_at:%Y-%m-%d %H:%M} UTC)"
    )


def cmd_list(args: argparse.Namespace) -> int:
    """Print issues and their articles (or JSON lines with --json)."""
    from db.quick_listing import quick_listing
    from reader.core.paths import default_library

    listing = quick_listing(args.db or default_library(), args.issue)  # None: take the usual way
    listed = 0
    for issue, articles in listing.issues if listing is not None else _listed(args):
        listed += 1
        if args.json:
            print(json.dumps(_issue_row(issue, articles), ensure_ascii=False))
            continue
        print(_issue_line(issue))
        for a in articles:
            print(f"  article {a.id}  {a.title or '(untitled)'}")
    if not listed:  # said on stderr: a script reading stdout still gets nothing
        print(
            f"no issues in {_library_shown(args.db)}; import some: python main.py import FILE…",
            file=sys.stderr,
        )
    return EXIT_OK


def _library_shown(db: str | None) -> str:
    """The library as a user recognises it: its file, or its server's URL without the password."""
    from reader.core.paths import default_library

    if db is not None and "://" in db:
        from sqlalchemy.engine import make_url

        return shown(make_url(db).render_as_string(hide_password=True))
    return shown(db or default_library())


def _listed(args: argparse.Namespace) -> Iterator[tuple[IssueSummary, list[ArticleSummary]]]:
    """Issues with their articles, read through the library's usual opening (checked, upgraded)."""
    from reader.services.library import check_issue_ids, list_articles, list_issues

    library = open_cli_library(args.db)
    try:
        with library.session() as session:
            if args.issue:
                check_issue_ids(session, args.issue)
            for issue in list_issues(session, args.issue):
                yield issue, list_articles(session, issue.id)
    finally:
        library.close()


def _files_in(folder: Path) -> set[Path]:
    """The files already in ``folder`` (none when it does not exist yet)."""
    try:
        return {Path(entry.path).resolve() for entry in os.scandir(folder) if entry.is_file()}
    except OSError:
        return set()


def cmd_export(args: argparse.Namespace) -> int:
    """Export issues (or chosen articles) in a format, one file per issue or one for all."""
    from reader.core.exporters.options import CONVERTED_FORMATS
    from reader.core.script import Script
    from reader.services.exporting import ExportFormat, ExportOptions, ExportScope, export

    options = ExportOptions(
        format=ExportFormat(args.format),
        script=Script(args.script),
        single_file=args.single_file,
        annotations=args.annotations,
        csv_text=not args.no_text,
        include_scans=args.include_scans,
    )
    scope = ExportScope(
        issue_ids=args.issue, article_ids=args.article, tags=args.tag or (), statuses=args.status or ()
    )
    if options.script is not Script.ORIGINAL and options.format not in CONVERTED_FORMATS:
        print(
            f"note: --script {options.script.value} is ignored: {options.format.value} exports always keep "
            "the library's own text (only txt, md and csv are converted)",
            file=sys.stderr,
        )
    library = open_cli_library(args.db)
    progress = TerminalProgress("exporting")
    there = _files_in(args.out)
    try:
        with library.session() as session:
            report = export(session, args.out, options, scope, progress=progress)
    finally:
        progress.finish()
        library.close()
    for path in report.files:
        print(shown(path))
    for path in report.files:  # replaced as before, but said (qa25 G: two scripts into one folder)
        if path.resolve() in there:
            print(f"note: replaced {shown(path)}, which was already there", file=sys.stderr)
    if not report.files:
        print("nothing to export: no issue or article matches", file=sys.stderr)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """Print matching articles (issue, title, snippet), newest first."""
    from reader.services.issues import issue_properties
    from reader.services.searching import search

    library = open_cli_library(args.db)
    try:
        with library.session() as session:
            if args.issue is not None:
                issue_properties(session, args.issue)  # an unknown issue is an error, as for list or export
            hits = search(session, args.query, issue_id=args.issue, status=args.status, limit=args.limit)
    finally:
        library.close()
    for hit in hits:
        if args.json:
            row = {
                "issue_id": hit.issue_id,
                "article_id": hit.article_id,
                "title": hit.title,
                "snippet": hit.snippet,
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"issue {hit.issue_id}  article {hit.article_id}  {hit.title or '(untitled)'}")
            print(f"    {hit.snippet}")
    if not args.json:
        print(counted(len(hits), "matching article"), file=sys.stderr)
    return EXIT_OK


Command = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, Command] = {
    "import": cmd_import,
    "list": cmd_list,
    "export": cmd_export,
    "search": cmd_search,
}

# Feature areas add their commands through ``add_commands(subparsers, db_parent) -> {name: handler}``.
EXTENSIONS = (
    "reader.cli_proofreading",
    "reader.cli_tags",
    "reader.cli_safety",
    "reader.cli_structure",
    "reader.cli_issues",
    "reader.cli_pages",
    "reader.cli_team",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from reader.gui.app import run_gui

        return run_gui(db=args.db, lang=args.lang, sample=args.sample)
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        usage: argparse.ArgumentParser = getattr(args, "usage_parser", parser)
        usage.print_usage(sys.stderr)  # as argparse's own usage errors
        print(f"{usage.prog}: error: {shown(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except JiaokanError as error:
        print(f"error: {shown(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    except _database_errors() as error:
        print(f"error: {database_failure(args.db, error)}", file=sys.stderr)
        return EXIT_FAILED
    except OverflowError as error:  # a number too large for SQLite that no argument type caught
        print(f"error: a number is too large: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _database_errors() -> tuple[type[Exception], ...]:
    """sqlite3's database error, and SQLAlchemy's when it is loaded (only then can it have been raised)."""
    exc = sys.modules.get("sqlalchemy.exc")
    return (sqlite3.DatabaseError, exc.DBAPIError) if exc is not None else (sqlite3.DatabaseError,)


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``list | head -1``): stop quietly, as Unix tools do."""
    with suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush must not fail again
        os.close(devnull)
    return EXIT_BROKEN_PIPE
