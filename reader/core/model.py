"""Plain data produced by segmentation: what an issue is made of, with spans.

Every span is ``(start, end)`` in code points of the decoded original text,
half-open.  Nothing here knows about Qt or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]


class Role(StrEnum):
    """The role a block plays inside an article."""

    SECTION = "section"  # 【党政】, 图片新闻: a label that opens an article group
    KICKER = "kicker"  # 引题, above the title
    TITLE = "title"
    SUBTITLE = "subtitle"  # ——…
    BYLINE = "byline"  # □ 通讯员 X
    SUBHEADING = "subheading"  # ● 学习互鉴, 聚焦主题重点学
    PARAGRAPH = "paragraph"
    CAPTION = "caption"  # photo caption lifted out of the body
    SOURCE = "source"  # (街道党群办)
    FURNITURE = "furniture"  # stray layout word left inside an article


HEADING_ROLES = (Role.SECTION, Role.KICKER, Role.TITLE, Role.SUBTITLE)
BLOCK_ROLES = tuple(role.value for role in Role)
"""Roles a block of an article can have (``leftover`` is not one: it leaves the article)."""
LEFTOVER = "leftover"
"""The pseudo-role that takes a block out of its article, as a leftover."""


class LeftoverKind(StrEnum):
    """What a block that belongs to no article is."""

    MASTHEAD = "masthead"
    LAYOUT = "layout"  # HEADLINE, page numbers, column furniture
    QR_CODE = "qr_code"  # 扫码关注… blurbs
    SECTION = "section"  # a section label with no article after it
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of an article: one or more spans of the original, joined.

    ``pieces`` holds more than one span when structural repair joined a
    paragraph cut by a page or column break; ``text`` is the pieces'
    characters concatenated (no character added or changed).
    """

    role: Role
    pieces: tuple[Span, ...]
    text: str

    @property
    def span(self) -> Span:
        """The outer span, from the first piece's start to the last's end."""
        return (self.pieces[0][0], self.pieces[-1][1])

    def __reduce__(self) -> tuple[type[Block], tuple[Role, tuple[Span, ...], str]]:
        """Pickled as its constructor's arguments, as are Person and ParsedLeftover.

        A frozen dataclass with slots is otherwise pickled through Python-level
        ``__getstate__``/``__setstate__`` functions, three times slower; the
        import's worker process sends every block of every file.
        """
        return (Block, (self.role, self.pieces, self.text))


@dataclass(frozen=True, slots=True)
class Person:
    """A named contributor from a byline, with the role the byline gives."""

    name: str
    role: str  # 通讯员, 记者, 文, 摄影, … ("" when none is given)

    def __reduce__(self) -> tuple[type[Person], tuple[str, str]]:
        return (Person, (self.name, self.role))


@dataclass(slots=True)
class ParsedArticle:
    """An article found in an issue, its blocks in reading order."""

    span: Span
    blocks: list[Block]
    people: list[Person] = field(default_factory=list)

    def _first(self, role: Role) -> str | None:
        """The text of every block of ``role``, joined by line breaks (None when there is none).

        Usually one block; a second kicker or title is kept, never dropped.
        """
        texts = [block.text for block in self.blocks if block.role is role]
        return "\n".join(texts) if texts else None

    def _all(self, role: Role) -> list[str]:
        return [b.text for b in self.blocks if b.role is role]

    @property
    def section(self) -> str | None:
        return self._first(Role.SECTION)

    @property
    def kicker(self) -> str | None:
        return self._first(Role.KICKER)

    @property
    def title(self) -> str | None:
        return self._first(Role.TITLE)

    @property
    def subtitle(self) -> str | None:
        return self._first(Role.SUBTITLE)

    @property
    def byline(self) -> str | None:
        lines = self._all(Role.BYLINE)
        return "\n".join(lines) if lines else None

    @property
    def source(self) -> str | None:
        return self._first(Role.SOURCE)

    @property
    def paragraphs(self) -> list[str]:
        """Body text in order: paragraphs and subheadings."""
        return [b.text for b in self.blocks if b.role in (Role.PARAGRAPH, Role.SUBHEADING)]

    @property
    def captions(self) -> list[str]:
        return self._all(Role.CAPTION)


@dataclass(frozen=True, slots=True)
class ParsedLeftover:
    """A block that belongs to no article (masthead, QR blurb, layout word)."""

    kind: LeftoverKind
    span: Span
    text: str

    def __reduce__(self) -> tuple[type[ParsedLeftover], tuple[LeftoverKind, Span, str]]:
        return (ParsedLeftover, (self.kind, self.span, self.text))


@dataclass(slots=True)
class ParsedIssue:
    """The result of segmenting one issue's decoded text."""

    text: str
    articles: list[ParsedArticle]
    leftovers: list[ParsedLeftover]
    title: str | None = None  # publication title from a masthead, when found
    date: str | None = None  # publication date as printed, when found


@dataclass(slots=True)
class ParsedSection:
    """Articles and leftovers found in one section of a long issue; spans are offsets in the whole text.

    ``title`` and ``date`` are read from the masthead and only ever set on
    the first section.  ``usual_gap`` is the number of blank lines taken as
    the usual gap between blocks when the section was segmented (longer runs
    are page or column breaks).
    """

    articles: list[ParsedArticle]
    leftovers: list[ParsedLeftover]
    title: str | None = None  # masthead title/date: only ever set on the first section
    date: str | None = None
    usual_gap: int | None = None
