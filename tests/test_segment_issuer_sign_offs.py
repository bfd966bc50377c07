"""Untitled notices closed by their issuer and date on one line (``广东省佛山市南海区人民法院　二〇二六年十月
十三日``) are each an article (qaseg32's class 4): the line ends the notice, the next notice's paragraph
opens the next article, as it does when the issuer and the date stand on two lines.

In several shapes: with and without blank lines, indented, traditional script, reordered, mixed with
two-line signatures, other issuers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from tests.segment_support import cut, owner_of, same, traditional

NOTICES = (
    (
        "佛山市南海区桂城德兴茶餐厅：本院受理原告某物业管理有限公司诉你物业服务合同纠纷一案，"
        "现依法向你公告送达起诉状副本及开庭传票。自公告之日起经过三十日即视为送达。",
        "广东省佛山市南海区人民法院",
        "二〇二六年十月十三日",
    ),
    (
        "罗志坚：本院受理原告某贸易有限公司诉你买卖合同纠纷一案，已审理终结。"
        "现依法向你公告送达民事判决书。自公告之日起六十日内来本院领取，逾期即视为送达。",
        "广东省佛山市禅城区人民法院",
        "二〇二六年十月十四日",
    ),
    (
        "梁伟业：申请人某小额贷款有限公司与你借款合同纠纷一案，本会已作出裁决书，现向你公告送达。",
        "佛山仲裁委员会",
        "2026年10月16日",
    ),
    (
        "各债权人：本公司股东会决议解散公司，请债权人自公告之日起四十五日内向清算组申报债权。",
        "某某贸易有限公司清算组",
        "二〇二六年十月十七日",
    ),
)


def _page(notices: tuple, *, blank: bool, indent: str, two_lines: int | None) -> str:
    lines = ["南海法治周刊　第7版　公告"]
    for k, (body, issuer, date) in enumerate(notices):
        if blank:
            lines.append("")
        lines.append(indent + body)
        lines += [issuer, date] if k == two_lines else [f"{issuer}　{date}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("notices", [NOTICES, NOTICES[::-1], NOTICES[1:]])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("two_lines", [None, 1])
@pytest.mark.parametrize("convert", [same, traditional])
def test_notices_signed_with_issuer_and_date_on_one_line_are_each_an_article(
    notices: tuple, blank: bool, indent: str, two_lines: int | None, convert: Callable[[str], str]
) -> None:
    text = convert(_page(notices, blank=blank, indent=indent, two_lines=two_lines))
    parsed = cut(text)
    assert len(parsed.articles) == len(notices)
    for i, (body, _issuer, date) in enumerate(notices):
        assert owner_of(parsed, text, convert(body[:8])) == i
        assert owner_of(parsed, text, convert(date)) == i
        if i != two_lines:
            assert parsed.articles[i].blocks[-1].role is Role.BYLINE


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_reply_under_a_signed_letter_stays_in_it(convert: Callable[[str], str]) -> None:
    """A writer's signature with no date leaves the letter open: the reply under it is the letter's."""
    text = convert(
        "读者来信：希望增开通勤班车\n"
        "我是住在新城区的职工，每天上下班要换乘两趟公交车，单程将近一个半小时，能否考虑开通通勤班车？\n"
        "装卸二队　李晓燕\n"
        "公司工会已将此建议转交行政部，拟于明年一月开通试运行线路。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
