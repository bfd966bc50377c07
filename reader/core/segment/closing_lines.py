"""Closing lines: the lines that end an item, told by their shape and where they stand (qaseg24's class A).

Under the last paragraph of a notice, a letter, an obituary or a photo item, a paper sets the lines
that close it, short and without a full stop:

- the issuer and the date on one line (``宁海县第二中学　2026年11月23日``,
  ``清算组　二〇二六年十一月二十四日``);
- a sign-off formula as the line's last word (``读者　李志伟　上``, ``黄氏家属　敬谢``, ``同泣告``,
  ``某某公司　谨启``), often indented far to the right, with or without blank lines around it;
- a photo credit (``本报记者　杨宏伟　摄``, ``（摄影 孙浩 刘畅）``) right under the photo's text;
- between the paragraph and a sign-off, the lines it lists (the mourners ``孝男　陈志远``, contact
  lines ``联系人：王老师　电话：…``).

Each of them belongs to the END of the item above: it is never the kicker, caption or title of the
next item, and the heading after it opens that next item.  A sign-off or an issuer's date becomes a
:class:`~.classify.LineKind.BYLINE` (a signature: :mod:`.articles` ends the article on it); a photo
credit an attribution (:class:`~.classify.LineKind.SOURCE`), which closes its item; a listed line a
finished paragraph.  The evidence is always a finished paragraph above the run: a masthead's date or a
page's header, with no paragraph above, is never taken.
"""

from __future__ import annotations

import re

from reader.core.model import Person
from reader.core.segment.byline import is_personal_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.sign_offs import CLOSING_MAX_CHARS, is_issuer_date, sign_off_words
from reader.core.segment.sign_offs import closing_short as _short
from reader.core.segment.whole_lines import is_contact_line, is_notice_field

# A sign-off lists at most this many lines between the paragraph and itself (the mourners, contacts).
LISTED_MAX_LINES = 12


def _signer(words: list[str]) -> tuple[Person, ...]:
    return tuple(Person(name=w, role="") for w in words[:-1] if is_personal_name(w))[:1]


def _is_credit(line: TaggedLine) -> bool:
    return line.kind is LineKind.CAPTION and "摄" in line.text and _short(line.text.strip("()（）"))


def _listed(line: TaggedLine) -> bool:
    """True for a line a sign-off may list above itself: a short line, no sentence, no paragraph's kind."""
    return (
        line.kind in (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.BYLINE, LineKind.PARAGRAPH)
        and _short(line.text)
        and not line.text.startswith(("—", "【", "〖", "#"))
    ) or is_contact_line(line.text)


def _finished_paragraph(line: TaggedLine) -> bool:
    return line.kind is LineKind.PARAGRAPH and line.complete and not _short(line.text)


def _list_top(tagged: list[TaggedLine], i: int) -> int | None:
    """Index of the first line of the run a sign-off at ``i`` closes (its listed lines), when a
    finished paragraph stands right above that run; else None."""
    k = i
    while k > 0 and i - k < LISTED_MAX_LINES and tagged[k].line.gap_before == 0 and _listed(tagged[k - 1]):
        if _finished_paragraph(tagged[k - 1]):
            break
        k -= 1
    return k if k > 0 and _finished_paragraph(tagged[k - 1]) else None


def _credit_closes(tagged: list[TaggedLine], i: int) -> bool:
    """True when a photo credit right under a finished paragraph ends that paragraph's item.

    It does when a heading, a label or the end comes next; or, with text next, when the paragraph is
    an untitled photo item (a label or another item's credit above it, not a title).
    """
    if i == 0 or tagged[i].line.gap_before or not _finished_paragraph(tagged[i - 1]):
        return False
    if i + 1 == len(tagged) or tagged[i + 1].kind is not LineKind.PARAGRAPH:
        return True
    k = i - 1
    while k > 0 and tagged[k - 1].kind is LineKind.PARAGRAPH:
        k -= 1
    return k == 0 or tagged[k - 1].kind in (LineKind.SECTION, LineKind.SOURCE)


_FIELD = re.compile(r"(?P<label>[\u3400-\u9fff]{2,6})[:\uff1a]\s*\S")
_STOPS = "。!?！？"


def _field_label(text: str) -> str | None:
    match = _FIELD.match(text)
    return None if match is None else match.group("label")


def _is_field_row(tagged: list[TaggedLine], i: int) -> bool:
    """True for a ``label：value`` line among rows of its kind (停电时间：… / 停电范围：…) or under a
    paragraph announcing them (…请有关用户做好准备：): a row of the item's body, never a title."""
    label = _field_label(tagged[i].text)
    if label is None or i == 0 or tagged[i].line.gap_before:
        return False
    above = tagged[i - 1]
    if above.kind is LineKind.PARAGRAPH and above.text.endswith(("：", ":")):
        return True
    rows = [above] + ([tagged[i + 1]] if i + 1 < len(tagged) and tagged[i + 1].line.gap_before == 0 else [])
    return any(row.kind is LineKind.PARAGRAPH and _field_label(row.text) is not None for row in rows)


def _ends_with_contact(line: TaggedLine) -> bool:
    """True for a paragraph whose last clause is a contact (``…恕不另行通知。服务热线：95598``): finished."""
    text = line.text
    cut = max(text.rfind(stop) for stop in _STOPS)
    return cut > 0 and is_contact_line(text[cut + 1 :].strip())


# …请致电区议会秘书处热线：2800 1234。: a sentence that ends on a number to call or write to
_CALL_LAST = re.compile(
    r"(?:电话|热线|手机|邮箱|传真)\s*[:\uff1a]?\s*[\d(\uff08+][\d\s()\uff08\uff09+\-]*[。.]?$"
)


def _names_issuer(tagged: list[TaggedLine], i: int) -> bool:
    """True for a one-word line under a finished paragraph that ends on a number to call, the office
    that number is (``…请致电区议会秘书处热线：2800 1234。`` / ``南湾区议会秘书处``); or, with the next
    item's title right under it, one that names who the item spoke of (its issuer:
    ``国网宁海县供电公司`` under a notice by ``供电公司``) or stands under the item's closing contact
    (``…服务热线：95598``)."""
    text = tagged[i].text
    if (
        i > 0
        and 4 <= len(text) <= 20
        and text[-3:] in tagged[i - 1].text
        and re.fullmatch(r"[\u3400-\u9fff]+", text) is not None
        and not tagged[i].line.gap_before
        and _finished_paragraph(tagged[i - 1])
        and _CALL_LAST.search(tagged[i - 1].text) is not None
    ):
        return True  # …请致电区议会秘书处热线：2800 1234。 / 南湾区议会秘书处: the notice's last lines
    if (
        i + 2 >= len(tagged)
        or tagged[i + 1].kind is not LineKind.HEADING
        or not 4 <= len(text) <= 20
        or not re.fullmatch(r"[\u3400-\u9fff]+", text)
        or tagged[i].line.gap_before
        or not _finished_paragraph(tagged[i - 1])
        or tagged[i + 2].kind is not LineKind.PARAGRAPH
    ):
        return False
    if _ends_with_contact(tagged[i - 1]):
        return True
    k, tail = i - 1, text[-3:]  # the issuer's own word: (供)电公司, 居委会, 办公室
    while k >= 0 and i - k <= LISTED_MAX_LINES and tagged[k].kind is LineKind.PARAGRAPH:
        if tail in tagged[k].text:
            return True
        k -= 1
    return False


_NUMERALS = "〇零○一二三四五六七八九十"
# A date alone on its line, the year or not: 2026年11月10日, 二〇二六年十一月十五日, 十一月十日, 11月10日.
_DATE_ONLY = re.compile(
    rf"(?:(?:\d{{4}}|[{_NUMERALS}]{{4}})\s*年\s*)?(?:\d{{1,2}}|[{_NUMERALS}]{{1,3}})\s*月"
    rf"\s*(?:\d{{1,2}}|[{_NUMERALS}]{{1,3}})\s*日"
)
SIGNER_MAX_CHARS = 20
# A notice's closing formula, its last sentence: 特此讣告。 特此通知。 特此公告。
_CLOSING_FORMULA = re.compile(r"(?:^|[。!！])\s*特此[\u3400-\u9fff]{1,4}[。!！]?$")


def _signs_with_date(tagged: list[TaggedLine], i: int) -> bool:
    """True when line ``i`` is a date alone under a signer's line (``家教协会秘书　李文光``,
    ``初三（2）班　一名学生``) right under a finished paragraph, with no text going on under the date:
    the letter's or notice's signature and date."""
    text = tagged[i].text
    if i < 2 or len(text) > 16 or text[-1:] != "日" or _DATE_ONLY.fullmatch(text) is None:
        return False
    signer, date = tagged[i - 1], tagged[i]
    return (
        signer.kind in (LineKind.HEADING, LineKind.BYLINE, LineKind.ITEM_TITLE)
        and date.kind in (LineKind.HEADING, LineKind.FURNITURE, LineKind.PARAGRAPH)
        and len(signer.text) <= SIGNER_MAX_CHARS
        and _short(signer.text)
        and not signer.text.startswith(("—", "【", "〖", "#", "●", "▲", "■"))
        and not signer.line.break_before
        and not date.line.break_before
        and _finished_paragraph(tagged[i - 2])
        and (i + 1 == len(tagged) or tagged[i + 1].kind is not LineKind.PARAGRAPH)
    )


def _after_formula(tagged: list[TaggedLine], i: int) -> bool:
    """True for a one-word line (``何德厚治丧小组``) right under a paragraph that ends on a notice's
    closing formula (``特此讣告。``), a heading next: the notice's issuer (one over a date is
    :func:`_signs_with_date`'s or the grouper's)."""
    text = tagged[i].text
    return (
        tagged[i].kind is LineKind.HEADING
        and i > 0
        and "特此" in tagged[i - 1].text[-10:]
        and 4 <= len(text) <= SIGNER_MAX_CHARS
        and re.fullmatch(r"[\u3400-\u9fff]+", text) is not None
        and not tagged[i].line.break_before
        and tagged[i - 1].kind is LineKind.PARAGRAPH
        and _CLOSING_FORMULA.search(tagged[i - 1].text) is not None
        and (
            i + 1 == len(tagged)
            or (tagged[i + 1].kind is not LineKind.PARAGRAPH and _DATE_ONLY.match(tagged[i + 1].text) is None)
        )
    )


def mark_closing_lines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the lines that close an item (see the module's doc); a new list."""
    marked = list(tagged)
    for i, line in enumerate(marked):
        text = line.text
        if line.kind is LineKind.PARAGRAPH:  # most lines: only an unfinished one is looked at
            if line.complete:
                continue
            if _ends_with_contact(line):
                marked[i] = TaggedLine(line.line, line.kind, line.body_end, True, line.source, line.people)
                continue
        if line.kind is LineKind.HEADING and _is_field_row(marked, i):
            marked[i] = line.with_kind(LineKind.PARAGRAPH)
            continue
        if _signs_with_date(marked, i):
            signer = marked[i - 1]
            marked[i - 1] = TaggedLine(signer.line, LineKind.BYLINE, signer.line.end, people=signer.people)
            marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end)
            continue
        if line.kind is LineKind.HEADING and (_names_issuer(marked, i) or _after_formula(marked, i)):
            marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end)
            continue
        if len(text) > CLOSING_MAX_CHARS or i == 0 or (line.kind is LineKind.FURNITURE and "日" not in text):
            continue
        if _is_credit(line):
            if _credit_closes(marked, i):
                marked[i] = line.with_kind(LineKind.SOURCE)
            continue
        words = sign_off_words(text)
        if words is None and not is_issuer_date(text):
            continue
        top = _list_top(marked, i)
        if top is None:
            continue
        for k in range(top, i):
            above = marked[k]
            if above.kind is not LineKind.PARAGRAPH and not is_notice_field(above.text):
                marked[k] = above.with_kind(LineKind.PARAGRAPH)
        people = _signer(words) if words is not None else ()
        marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=people)
    return marked
