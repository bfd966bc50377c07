"""What the importer derives from a file before storing it: decoded, segmented, hashed, indexed.

Pure work (no database, and nothing of SQLAlchemy or the database code
imported): it runs in the import's worker processes, which then start in a
fraction of the time, so that the process storing the rows never waits for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from reader.core.decoding import STREAM_THRESHOLD, Decoded, read_issue_file
from reader.core.digests import article_text_digest, block_shape, json_string, structure_digest_of_shapes
from reader.core.errors import InputError
from reader.core.model import Block, ParsedArticle, ParsedIssue, ParsedLeftover, Person, Role, Span
from reader.core.search_tokens import IndexPayload, payload_for, searchable_text
from reader.core.segment import segment
from reader.core.workers import StartedMap, ordered_map

Heads = tuple[str | None, str | None, str | None, str | None, str | None, str | None]
"""An article's section, kicker, title, subtitle, byline and source (``ParsedArticle``'s properties)."""


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """What is derived from one article before storing it (computed where it was segmented)."""

    heads: Heads  # its row's headings
    span: Span  # its span in the issue's text
    blocks: list[tuple[int, str, str, str]]  # (position, role, text, pieces as JSON)
    people: list[tuple[str, str]]  # (name, role) of each person named in its byline
    digest: str  # content hash (``reader.core.digests.article_text_digest``)
    structure: str  # structure hash (``reader.core.digests.article_structure_digest``)
    payload: IndexPayload  # search index entry

    def __reduce__(self) -> tuple[type[PreparedArticle], tuple[object, ...]]:
        """Pickled as its constructor's arguments (faster than a frozen dataclass's own way)."""
        return (
            PreparedArticle,
            (self.heads, self.span, self.blocks, self.people, self.digest, self.structure, self.payload),
        )


class PreparedIssue:
    """A decoded and segmented file, ready to be stored.

    What storing needs travels as plain objects: the decoded text, the
    prepared articles, the masthead's title and date and the leftovers.  The
    segmentation itself (``parsed``: every block of every article, some ten
    thousand small objects for an issue) is needed only when remembered layout
    lines re-lay the issue out.  It does not cross from the worker processes:
    the prepared articles hold all of it (each block's role, text and pieces,
    each article's span and people), so it is rebuilt from them the first time
    it is asked for (``articles`` must be ``prepare_article`` of its articles).
    """

    __slots__ = ("_parsed", "articles", "date", "decoded", "leftovers", "path", "title")
    title: str | None  # the masthead's (``parsed.title``)
    date: str | None  # the masthead's (``parsed.date``)
    leftovers: list[ParsedLeftover]  # ``parsed.leftovers``

    def __init__(
        self, path: Path, decoded: Decoded, parsed: ParsedIssue | None, articles: list[PreparedArticle]
    ) -> None:
        self.path = path
        self.decoded = decoded
        self.articles = articles
        self._parsed = parsed
        if parsed is not None:
            self.title, self.date, self.leftovers = parsed.title, parsed.date, parsed.leftovers

    @property
    def parsed(self) -> ParsedIssue:
        """The segmentation of the text (its articles' blocks and people, the leftovers, the masthead)."""
        if self._parsed is None:
            articles = [_parsed_article(article) for article in self.articles]
            self._parsed = ParsedIssue(self.decoded.text, articles, self.leftovers, self.title, self.date)
        return self._parsed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PreparedIssue):
            return NotImplemented
        mine = (self.path, self.decoded, self.parsed, self.articles)
        return mine == (other.path, other.decoded, other.parsed, other.articles)

    __hash__ = None  # type: ignore[assignment]  # mutable (its segmentation is rebuilt when asked for)

    def __reduce__(self) -> tuple[Callable[..., PreparedIssue], tuple[object, ...]]:
        """Pickled without its segmentation, which is rebuilt from the prepared articles when asked for."""
        return (
            _unpickled_issue,
            (self.path, self.decoded, self.articles, self.title, self.date, self.leftovers),
        )


def _unpickled_issue(
    path: Path,
    decoded: Decoded,
    articles: list[PreparedArticle],
    title: str | None,
    date: str | None,
    leftovers: list[ParsedLeftover],
) -> PreparedIssue:
    issue = PreparedIssue(path, decoded, None, articles)
    issue.title, issue.date, issue.leftovers = title, date, leftovers
    return issue


_ROLES = {role.value: role for role in Role}


def _parsed_article(article: PreparedArticle) -> ParsedArticle:
    """The parsed article ``article`` was prepared from (``prepare_article`` undone)."""
    return ParsedArticle(
        span=article.span,
        blocks=[
            Block(_ROLES[role], _spans(pieces), text) for _position, role, text, pieces in article.blocks
        ],
        people=[Person(name, role) for name, role in article.people],
    )


def _spans(pieces_json: str) -> tuple[Span, ...]:
    """A block's pieces from their JSON (``_pieces_json``)."""
    if pieces_json.count("[") == 2:  # one piece (most blocks): "[[start, stop]]"
        start, stop = pieces_json[2:-2].split(", ")
        return ((int(start), int(stop)),)
    return tuple((start, stop) for start, stop in json.loads(pieces_json))


_ROLE_NAMES = {role: (role.value, json_string(role.value)) for role in Role}
_HEAD_ROLES = (Role.SECTION, Role.KICKER, Role.TITLE, Role.SUBTITLE, Role.BYLINE, Role.SOURCE)


def prepare_article(article: ParsedArticle) -> PreparedArticle:
    """Block rows, content hash and search payload of a parsed article.

    One pass over the blocks writes each block's row, its part of the
    structure hash's JSON and its text, and gathers the headings' texts
    (what ``ParsedArticle``'s six heading properties each read in a pass).
    """
    rows: list[tuple[int, str, str, str]] = []
    texts: list[str] = []
    shapes: list[str] = []
    by_role: dict[Role, list[str]] = {}
    for position, block in enumerate(article.blocks):
        role, text, pieces = block.role, block.text, block.pieces
        name, name_json = _ROLE_NAMES[role]
        if len(pieces) == 1:  # the usual case, written as _pieces_json and block_shape write it
            start, stop = pieces[0]
            rows.append((position, name, text, f"[[{start:d}, {stop:d}]]"))
            shapes.append(f"[{position:d},{name_json},[[{start:d},{stop:d}]]]")
        else:
            spaced = _pieces_json(pieces)
            rows.append((position, name, text, spaced))
            shapes.append(block_shape(position, name_json, spaced.replace(" ", "")))  # only digits besides
        texts.append(text)
        if role is not Role.PARAGRAPH:  # the headings' roles (a paragraph is never one)
            by_role.setdefault(role, []).append(text)
    section, kicker, title, subtitle, byline, source = (
        "\n".join(found) if (found := by_role.get(role)) else None for role in _HEAD_ROLES
    )
    return PreparedArticle(
        heads=(section, kicker, title, subtitle, byline, source),
        span=article.span,
        blocks=rows,
        people=[(person.name, person.role) for person in article.people],
        digest=article_text_digest(texts),
        structure=structure_digest_of_shapes(title, shapes),
        payload=payload_for(searchable_text(texts)),
    )


def _pieces_json(pieces: Sequence[tuple[int, int]]) -> str:
    """``json.dumps`` of a block's pieces as lists, character for character, three times as fast."""
    return "[" + ", ".join(f"[{start:d}, {stop:d}]" for start, stop in pieces) + "]"


def prepare_file(path: Path, *, encoding: str | None = None) -> PreparedIssue:
    """Decode and segment one file and derive what is stored (no database work); raises InputError.

    ``encoding`` (one of ``SUPPORTED_ENCODINGS``) skips detection.
    """
    decoded = read_issue_file(path, encoding=encoding)
    parsed = segment(decoded.text)
    return PreparedIssue(path, decoded, parsed, [prepare_article(a) for a in parsed.articles])


def prepare_or_error(job: tuple[Path, str | None]) -> PreparedIssue | InputError:
    """``prepare_file`` of a (path, encoding) pair, returning its InputError (picklable across processes).

    The function the import's worker processes run: its module is all they load.
    """
    path, encoding = job
    try:
        return prepare_file(path, encoding=encoding)
    except InputError as error:
        return error


Job = tuple[Path, str | None]
"""A file to prepare and the encoding to read it in (None: detected)."""


def file_size(path: Path) -> int:
    """The size of a file in bytes (0 when it cannot be read: reading it will say why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def is_large(path: Path) -> bool:
    """True when a file is too big to be read whole: the storing process streams it, nobody prepares it."""
    return file_size(path) > STREAM_THRESHOLD


class Preparing:
    """A pool of preparing workers, and the files it was given before the storing process was ready.

    The CLI starts the workers on an import's first files before it loads the
    code that stores them and opens the library, so the workers are ahead from
    the start instead of waiting for that.  The importer takes the results only
    if it asks for exactly those files (:meth:`results_for`); otherwise they
    are dropped and the files handed out again.
    """

    def __init__(self, pool: ProcessPoolExecutor, files: Sequence[Path], encoding: str | None = None) -> None:
        self.pool = pool
        self._jobs = [(path, encoding) for path in files if not is_large(path)]
        self._started: StartedMap[PreparedIssue | InputError] | None = StartedMap(
            pool, prepare_or_error, self._jobs
        )

    def results_for(self, jobs: Sequence[Job]) -> Iterator[PreparedIssue | InputError]:
        """The prepared files of ``jobs`` (the files not large, in order), from the workers."""
        started, self._started = self._started, None
        if started is not None and list(jobs) == self._jobs:
            return started
        if started is not None:
            started.close()
        return ordered_map(self.pool, prepare_or_error, jobs)

    def close(self) -> None:
        """Drop the results not taken (the chunks not started are cancelled)."""
        if self._started is not None:
            self._started.close()
            self._started = None


__all__ = [
    "Job",
    "PreparedArticle",
    "PreparedIssue",
    "Preparing",
    "file_size",
    "is_large",
    "prepare_article",
    "prepare_file",
    "prepare_or_error",
]
