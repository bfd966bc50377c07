"""Article grouping: turn repaired units into articles and leftovers.

A linear pass keeps one article draft open at a time.  Small rules decide where a new article
starts (:mod:`.heading_groups`: :func:`starts_new_article`, :func:`is_photo_news`), which roles the
lines of a heading group play (:func:`assign_heading_roles`), and what happens to furniture, section
labels and attributions found between articles.  Articles always take a contiguous run of units, so
their spans never overlap the leftovers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.model import Block, ParsedArticle, ParsedLeftover, Person, Role
from reader.core.segment.article_blocks import settle_block_order, unit_blocks
from reader.core.segment.byline import opens_with_dateline
from reader.core.segment.classify import LineKind
from reader.core.segment.furniture import is_page_header
from reader.core.segment.geometry import Geometry, LineLook, set_as_title
from reader.core.segment.heading_groups import (
    BODY_KINDS,
    HEADING_KINDS,
    HeadingGroup,
    assign_heading_roles,
    collect_heading_group,
    is_bracketed_subheading,
    is_floating_caption,
    is_photo_caption,
    is_photo_news,
    leftover_kind,
    next_content,
    starts_new_article,
    titles_a_lead,
)
from reader.core.segment.next_titles import (
    continues_list,
    opens_glued_item,
    opens_next_article,
    over_bare_date,
    sits_on,
    titles_datelined,
)
from reader.core.segment.repair import Unit
from reader.core.segment.rules import (
    ends_jumping_out,
    is_briefs_section,
    is_contents_label,
    is_continued_elsewhere,
    is_continued_from,
    is_editors_note,
    is_photo_section,
    starts_jumping_in,
)
from reader.core.segment.short_items import opens_short_item
from reader.core.segment.sibling_titles import opens_sibling
from reader.core.segment.sign_offs import is_issuer_date
from reader.core.segment.signatures import is_signature
from reader.core.segment.subheads import breaks_article_style
from reader.core.segment.titled_lists import opens_list_item
from reader.core.segment.whole_lines import closes_item


# -- the grouping pass -------------------------------------------------------------
@dataclass(slots=True)
class ArticleDraft:
    """An article being built: its blocks so far and what they say about it."""

    blocks: list[Block] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    titled: bool = False
    closed: bool = False  # an attribution or a section label ended it
    signed: bool = False  # a signature under its text ended it: a heading after it is the next title
    tight: bool = False  # two of its paragraphs follow each other with no blank line between
    loose: bool = False  # … or with a blank line between
    soft_closed: bool = False  # ended by an attribution at the end of a paragraph
    has_body: bool = False
    last_complete: bool = True
    item_closed: bool = False  # its last line is a contact line or a notice's field (查询电话:…, 截止日期:…)
    title_look: LineLook | None = None  # how the page set its title (scans only)
    boxed: bool = False  # titled by a short item's title (opens_short_item): items may follow it

    @property
    def last_role(self) -> Role | None:
        """The role of the last block added."""
        return self.blocks[-1].role if self.blocks else None

    @property
    def has_source(self) -> bool:
        """True once an attribution was added."""
        return any(block.role is Role.SOURCE for block in self.blocks)

    def finish(self, text: str) -> ParsedArticle:
        """The finished article, its span covering all its blocks."""
        blocks = self.blocks
        start = min([block.pieces[0][0] for block in blocks])
        end = max([block.pieces[-1][1] for block in blocks])
        if blocks[0].pieces[0][0] != start or blocks[-1].pieces[-1][1] != end:  # else already in order
            blocks = settle_block_order(text, blocks)
            start = min([block.pieces[0][0] for block in blocks])
            end = max([block.pieces[-1][1] for block in blocks])
        return ParsedArticle(span=(start, end), blocks=blocks, people=self.people)


class ArticleGrouper:
    """One linear pass over the units of an issue, building articles and leftovers."""

    def __init__(self, text: str, units: Sequence[Unit], geometry: Geometry | None = None) -> None:
        self.text = text
        self.units = units
        self.geometry: Geometry = geometry or {}
        self.drafts: list[ArticleDraft] = []
        self.leftovers: list[ParsedLeftover] = []
        self.pending: list[tuple[Unit, Role]] = []  # units placed once we know where they go
        self.cur: ArticleDraft | None = None
        self.photo_section = False  # a 图片新闻 label is in force (until a titled article)
        self.briefs = False  # a 简讯 label is in force: each title line opens an item (until a full heading)
        self.boxing = False  # the next article opened is a short item (opens_short_item)
        self.looked_back: set[int] = set()  # where a heading opened an article for the title before it

    # -- state ------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """True when the current article still takes body text."""
        return self.cur is not None and not self.cur.closed

    def _resumes(self, unit: Unit) -> bool:
        """True when body text right after a paragraph-final attribution continues that article.

        Without a break in between, the attribution was quoted inside the
        article (``…。(新民晚报)`` then more text), not the article's end; unless
        a briefs label is in force: then each attribution (``(阳光居委会供稿)``)
        closes an item.
        """
        return (
            self.cur is not None
            and self.cur.soft_closed
            and not unit.break_before
            and not self.pending
            and not self.briefs
        )

    def _section_pending(self) -> bool:
        return any(unit.kind is LineKind.SECTION for unit, _ in self.pending)

    def _defer(self, unit: Unit, role: Role) -> None:
        self.pending.append((unit, role))

    def _add(self, unit: Unit, role: Role) -> None:
        assert self.cur is not None
        self.cur.blocks.extend(unit_blocks(self.text, unit, role))
        for part in unit.parts:  # a byline line; a dateline opening a paragraph, an attribution closing it
            line = part.line
            if not part.people or self.text[line.start : line.end] == line.text:
                self.cur.people.extend(part.people)
            else:  # the rules read simplified Han: the names as the original writes them
                self.cur.people.extend(
                    Person(line.verbatim(self.text, p.name), line.verbatim(self.text, p.role))
                    for p in part.people
                )

    def _leave(self, unit: Unit) -> None:
        """Record ``unit`` as a leftover: one per line, so no line of it is ever lost; an open article with
        text before it ends there (its span would otherwise cover the leftover)."""
        if (
            self.cur is not None
            and self.cur.blocks
            and self.cur.blocks[-1].pieces[-1][1] <= unit.first.line.start
        ):
            self.cur.closed, self.cur.soft_closed = True, False
        kind = leftover_kind(unit)
        for tagged in sorted([*unit.parts, *unit.lifted], key=lambda part: part.line.start):
            for start, end in tagged.line.spans(tagged.line.start, tagged.line.end):
                self.leftovers.append(ParsedLeftover(kind, (start, end), self.text[start:end]))

    def _attach(self, unit: Unit, role: Role) -> None:
        """Add ``unit`` to the current article, with everything pending before it."""
        for waiting, waiting_role in self.pending:
            self._add(waiting, waiting_role)
        self.pending.clear()
        self._add(unit, role)

    def _start(self, titled: bool) -> None:
        """Open a new article; pending units from the first section label on go into it."""
        self.cur = ArticleDraft(titled=titled, boxed=self.boxing)
        self.boxing = False
        self.drafts.append(self.cur)
        cut = next(
            (
                i
                for i, (u, role) in enumerate(self.pending)
                if u.kind in (LineKind.SECTION, LineKind.CAPTION)
                or role is Role.PARAGRAPH  # an editor's note
            ),
            len(self.pending),
        )
        for unit, _ in self.pending[:cut]:
            self._leave(unit)
        del self.pending[:cut]

    # -- rules per unit kind ------------------------------------------------------------
    def on_paragraph(self, k: int) -> int:
        """A paragraph continues the open article or starts an untitled one (photo news)."""
        unit = self.units[k]
        following = next_content(self.units, k + 1)
        if is_editors_note(unit.text) and following is not None and following.kind in HEADING_KINDS:
            self._defer(unit, Role.PARAGRAPH)  # 编者按:… over a title: the note opens that article
            return k + 1
        if self._resumes(unit):
            self._reopen()
        elif not self.is_open or self._starts_photo_news(k) or self._starts_datelined(unit):
            self._start(titled=False)
        assert self.cur is not None
        if self.cur.last_role is Role.PARAGRAPH and not self.pending:  # blank lines between paragraphs?
            if unit.first.line.gap_before:
                self.cur.loose = True
            else:
                self.cur.tight = True
        self._attach(unit, Role.PARAGRAPH)
        self.cur.has_body = True
        self.cur.last_complete = unit.complete
        self.cur.item_closed = closes_item(unit.last.text)
        self.cur.closed = self.cur.soft_closed = unit.last.source is not None
        if ends_jumping_out(unit.last.text):  # …颁奖。(下转第2版): the article goes on on another page
            self.cur.closed, self.cur.soft_closed = True, False
        return k + 1

    def _reopen(self) -> None:
        assert self.cur is not None
        self.cur.closed = self.cur.soft_closed = False

    def _starts_photo_news(self, k: int) -> bool:
        cur, unit = self.cur, self.units[k]
        if cur is None or not cur.has_body or not cur.last_complete:
            return False
        if not unit.break_before and not self._new_page():  # a page header is a break, however set
            return False
        if not cur.titled:
            return True  # the next item of a run of untitled photo news
        signed = any(block.role is Role.BYLINE for block in cur.blocks[:4])  # a byline over its text: a story
        return not signed and is_photo_news(unit, next_content(self.units, k + 1))

    def on_heading_group(self, k: int) -> int:
        """A heading group opens an article, or stays inside one as subheadings."""
        if self._signs_off(k):  # 梅林自来水公司 / 2023年5月19日 under a notice: its issuer and date
            for unit in self.units[k : k + 2]:
                self._attach(unit, Role.PARAGRAPH)
            assert self.cur is not None
            self.cur.closed, self.cur.soft_closed = True, False
            return k + 2
        group = collect_heading_group(self.units, k)
        headings = group.headings
        following = next_content(self.units, group.end)
        if following is None and self.is_open and not self._section_pending():
            self._place_orphan(group)
            return group.end
        if self.is_open and is_floating_caption(headings, following):
            self._place_group(group, [Role.CAPTION])
            return group.end
        if self.briefs and (len(group.members) > 1 or self._new_page()):
            self.briefs = False  # a kicker, subtitle or byline: a whole article's heading, briefs over
        if (
            self.is_open
            and not self._ended_before(headings[0], following)
            and not starts_new_article(headings, following)
            and not self._set_as_title(headings)
            and not self._new_page()
            and not self._next_brief(following)
            and not (self.cur is not None and opens_glued_item(self.text, self.cur, headings, following))
            and not self._breaks_style(headings, group.end)
            and not opens_next_article(self.cur.blocks if self.cur else [], headings, following)
            and not (titles_a_lead(headings, following) and not self._set_on_page(headings))
        ):
            self._place_group(group, [Role.SUBHEADING] * len(headings))
            return group.end
        noted = (
            following is not None and following.kind is LineKind.SOURCE and self._sibling(headings, group.end)
        )
        if (
            following is None or following.kind not in BODY_KINDS
        ) and not noted:  # (a box's title over its note)
            if self.is_open and following is not None and following.kind is LineKind.SOURCE:
                self._place_group(group, [Role.SUBHEADING] * len(headings))
            else:
                for unit in group.members:
                    self._defer(unit, Role.FURNITURE)
            return group.end
        if self.photo_section and self._section_pending() and is_photo_caption(headings, following):
            self._start(titled=False)
            self._place_group(group, [Role.CAPTION])
            return group.end
        self._start(titled=True)
        self.photo_section = False
        roles = assign_heading_roles([unit.kind for unit in headings])
        self._place_group(group, roles)
        assert self.cur is not None
        titles = [unit for unit, role in zip(headings, roles, strict=True) if role is Role.TITLE]
        self.cur.title_look = self.geometry.get(titles[0].first.line.start) if titles else None
        return group.end

    def _ended_before(self, first: Unit, following: Unit | None = None) -> bool:
        """True when the open article ended before heading or label ``first`` (which opens the next).

        A signature ended it (``读者 孙秀英``); or ``first`` stands after a blank line where the article
        set its paragraphs with none between (blank lines part articles only), on its own (a label), or
        over its text after a contact line or a notice's field, or as long as a headline (a short one
        is a subheading: 对标找差).
        """
        cur = self.cur
        if cur is None or cur.signed:
            return cur is not None
        return (
            cur.has_body
            and cur.tight
            and not cur.loose
            and cur.last_complete
            and first.first.line.gap_before > 0
            and (
                first.kind is LineKind.SECTION
                or ((cur.item_closed or len(first.text.strip()) >= HEADLINE_CHARS) and sits_on(following))
            )
        )

    def _next_brief(self, following: Unit | None) -> bool:
        """Under a 简讯 label, a title line over a paragraph after an item's body opens the next item."""
        return (
            self.briefs
            and self.cur is not None
            and self.cur.has_body
            and following is not None
            and following.kind is LineKind.PARAGRAPH
        )

    def _breaks_style(self, headings: Sequence[Unit], end: int) -> bool:
        """A lone line set unlike the article's subheadings or like its title (``breaks_article_style``),
        or opening an item of its own after the article's finished text (``opens_item``)."""
        cur, text = self.cur, headings[0].text
        if len(headings) != 1 or cur is None:
            return False
        self.boxing = opens_short_item(cur, text, self.units, end)  # (the next article started is that item)
        return (
            self.boxing
            or breaks_article_style(cur.blocks, text)
            or opens_list_item(cur, text, self.units, end)
            or self._sibling(headings, end)
        )

    def _sibling(self, headings: Sequence[Unit], end: int) -> bool:
        """A lone heading set like the page's titles (▌…, a name over 招聘岗位：…): the next title."""
        cur = self.cur
        if (
            len(headings) == 1
            and self.is_open
            and cur is not None
            and opens_sibling(cur, headings[0].text, self.units, end)
        ):
            self.looked_back.add(headings[0].first.line.start)  # (sections.py carries no run from it)
            return True
        return False

    def _signs_off(self, k: int) -> bool:
        """True when a short line right under the open article's body is followed by a bare date."""
        return (
            self.cur is not None
            and self.is_open
            and self.cur.has_body
            and not self.pending
            and over_bare_date(self.units, k)
        )

    def _starts_datelined(self, unit: Unit) -> bool:
        """A paragraph opening with ``本报讯(…)`` or ``(上接第1版)`` after the open article's body starts an
        untitled one.  Bulleted lines under a briefs label (``社区简讯`` / ``◆ …`` ``◆ …``) are not: the
        run of items is one article under its label."""
        text = unit.text
        return (
            self.cur is not None
            and self.cur.has_body
            and (opens_with_dateline(text) or starts_jumping_in(text))
        )

    def _new_page(self) -> bool:
        """True when a page header (``第2版``) came since the article's last line.

        An article goes on over a page only with a jump marker, which ends it
        (:meth:`on_furniture`): a heading at the top of the next page is a title.
        """
        return any(unit.kind is LineKind.FURNITURE and is_page_header(unit.text) for unit, _ in self.pending)

    def _set_on_page(self, headings: Sequence[Unit]) -> bool:
        """True when the page says how the headings are set (type sizes decide, not the text)."""
        return any(self.geometry.get(unit.first.line.start) is not None for unit in headings)

    def _set_as_title(self, headings: Sequence[Unit]) -> bool:
        """True when the page set a lone heading as a new headline (geometry rule ``set_as_title``)."""
        if len(headings) != 1 or self.cur is None:
            return False
        return set_as_title(self.geometry.get(headings[0].first.line.start), self.cur.title_look)

    def _place_orphan(self, group: HeadingGroup) -> None:
        """Headings at the very end of the issue, with no text after them: an orphan title.

        When the last article is still open and has a body but no title, the
        evidence is clear: they are its headings (kept last, where the text
        has them).  Otherwise they stay in it as furniture, which its
        confidence flags (never as a subheading).  After an article closed by
        an attribution they are a leftover, as before; after a run of untitled
        items (photo news) too: the page's footer, no item's title.
        """
        assert self.cur is not None
        if len(self.drafts) > 1 and not self.cur.titled and not self.drafts[-2].titled:
            for waiting, role in self.pending:  # a credit over the footer: the last item's
                self._add(waiting, role)
            self.pending.clear()
            for unit in group.members:
                self._leave(unit)
        elif self.cur.has_body and not self.cur.titled:
            self.cur.titled = True
            self._place_group(group, assign_heading_roles([unit.kind for unit in group.headings]))
        else:
            self._place_group(group, [Role.FURNITURE] * len(group.headings))

    def _place_group(self, group: HeadingGroup, roles: Sequence[Role]) -> None:
        role_of = iter(roles)
        for unit in group.members:
            self._attach(unit, Role.FURNITURE if unit.kind is LineKind.FURNITURE else next(role_of))

    def on_subheading(self, k: int) -> int:
        """A marked label (``● 学习互鉴``) is a subheading, or a title after an article ended."""
        unit = self.units[k]
        if self._resumes(unit):
            self._reopen()
        following = next_content(self.units, k + 1)
        if titles_datelined(unit, following):
            return self._marked_title(k)
        if self._sibling([unit], k + 1):
            return self._marked_title(k)  # ▌外币兑换参考价 after ▌黄金首饰价格's text: the next box
        if self.is_open and not self._next_brief(following):
            self._attach(unit, Role.SUBHEADING)
            return k + 1
        if following is not None and following.kind in BODY_KINDS:
            self._start(titled=True)
            self._attach(unit, Role.TITLE)
        else:
            self._defer(unit, Role.SUBHEADING)
        return k + 1

    def _marked_title(self, k: int) -> int:
        self._start(titled=True)
        self._attach(self.units[k], Role.TITLE)
        return k + 1

    def on_byline(self, k: int) -> int:
        """A byline follows its headings, opens an untitled article, or is a trailing credit."""
        unit, cur = self.units[k], self.cur
        following = next_content(self.units, k + 1)
        if cur is not None and self.is_open and not cur.has_body:
            self._attach(unit, Role.BYLINE)
        elif cur is not None and self.is_open and is_signature(unit.text):  # 读者 孙秀英 under a letter
            self._attach(unit, Role.BYLINE)
            cur.signed, cur.closed = True, is_issuer_date(unit.text)  # (法院　二〇二六年十月十三日: done)
        elif following is not None and following.kind is LineKind.PARAGRAPH:
            self._start(titled=False)
            self._attach(unit, Role.BYLINE)
        elif cur is not None and not self._section_pending():
            self._attach(unit, Role.BYLINE)
            if cur.has_body:  # 文/陈晓 after the body: the article's last line, as an attribution is
                cur.closed, cur.soft_closed = True, False
        else:
            self._defer(unit, Role.BYLINE)
        return k + 1

    def on_source(self, k: int) -> int:
        """An attribution line closes the current article (one under its open text too, after a question's
        attribution: ``（读者 刘女士）`` … ``（心血管内科主任医师 陈建国）``)."""
        unit, cur = self.units[k], self.cur
        if (
            cur is not None
            and not self._section_pending()
            and (not cur.has_source or cur.last_role is Role.SOURCE or (self.is_open and not self.pending))
        ):
            self._attach(unit, Role.SOURCE)
            cur.closed = cur.has_body or not cur.titled  # (11月19日 每100外币兑…) under a title: its note
            cur.soft_closed = False
        else:
            self._defer(unit, Role.SOURCE)
        return k + 1

    def on_caption(self, k: int) -> int:
        """A marked caption stays with the article it follows, or goes with the title right under it.

        Never a title or kicker: a caption standing right above a heading
        group waits and opens the article that group starts.
        """
        unit = self.units[k]
        following = next_content(self.units, k + 1)
        if titles_datelined(unit, following):
            return self._marked_title(k)
        listed = self.is_open and self.cur is not None and continues_list(self.cur.blocks, unit.text)
        if following is not None and following.kind in HEADING_KINDS and not listed:
            self._defer(unit, Role.CAPTION)
        elif self.cur is not None and not self._section_pending():
            self._attach(unit, Role.CAPTION)
        else:
            self._defer(unit, Role.CAPTION)
        return k + 1

    def on_section(self, k: int) -> int:
        """A section label ends the current article and waits for the next one.

        A bracketed label with the article's text going on under it
        (``【结语】``) is a subheading of the open article instead.
        """
        unit = self.units[k]
        if (
            self.is_open
            and not self._ended_before(unit)
            and is_bracketed_subheading(unit, next_content(self.units, k + 1))
        ):
            self._attach(unit, Role.SUBHEADING)
            return k + 1
        if self.cur is not None:
            self.cur.closed, self.cur.soft_closed = True, False
        self.photo_section = is_photo_section(unit.text)
        self.briefs = is_briefs_section(unit.text)
        if is_contents_label(unit.text):  # 本期导读 and its entries: leftovers, no article's section
            for waiting, _ in self.pending:
                self._leave(waiting)
            self.pending.clear()
            self._leave(unit)
            return k + 1
        self._defer(unit, Role.SECTION)
        return k + 1

    def on_furniture(self, k: int) -> int:
        """Furniture waits: inside an article it becomes FURNITURE, between articles a leftover.

        A jump marker ends the article on this page: ``(下转第2版)`` is its last
        line, and the text after ``(上接第1版)`` is the rest of another article,
        which the marker opens, never more of the one before it.
        """
        unit = self.units[k]
        if self.cur is not None and self.is_open and self.cur.has_body:
            if is_continued_elsewhere(unit.text):
                self._attach(unit, Role.FURNITURE)
                self.cur.closed, self.cur.soft_closed = True, False
                return k + 1
            following = next_content(self.units, k + 1)
            if (
                is_continued_from(unit.text)
                and following is not None
                and following.kind is LineKind.PARAGRAPH
            ):
                self._start(titled=False)
                self._attach(unit, Role.FURNITURE)
                return k + 1
        self._defer(unit, Role.FURNITURE)
        return k + 1

    # -- the pass -------------------------------------------------------------------
    def step(self, k: int) -> int:
        """Handle unit ``k``; returns the index of the next unit to handle."""
        kind = self.units[k].kind
        if kind is LineKind.PARAGRAPH:
            return self.on_paragraph(k)
        if kind in HEADING_KINDS:
            return self.on_heading_group(k)
        return _HANDLERS[kind](self, k)

    def run(self) -> tuple[list[ParsedArticle], list[ParsedLeftover]]:
        """Group all units; returns the articles and the leftovers, each in text order."""
        k = 0
        while k < len(self.units):
            k = self.step(k)
        for unit, _ in self.pending:
            self._leave(unit)
        self.pending.clear()
        return [draft.finish(self.text) for draft in self.drafts], self.leftovers


HEADLINE_CHARS = 8  # a plain heading this long after an article opens the next (社区乒乓球赛结果)


# The rule for each other unit kind.  Kept apart from the grouper: bound methods held by
# the grouper itself would make a reference cycle, which kept every issue's lines, units
# and blocks alive until the garbage collector's next full round.
_HANDLERS: dict[LineKind, Callable[[ArticleGrouper, int], int]] = {
    LineKind.SUBHEADING: ArticleGrouper.on_subheading,
    LineKind.BYLINE: ArticleGrouper.on_byline,
    LineKind.SOURCE: ArticleGrouper.on_source,
    LineKind.CAPTION: ArticleGrouper.on_caption,
    LineKind.SECTION: ArticleGrouper.on_section,
    LineKind.FURNITURE: ArticleGrouper.on_furniture,
}
