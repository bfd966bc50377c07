"""The last lines of an article with no blank line under it stay in it (qaseg34's class 2).

- more rows of a menu or timetable set like the rows before them (``星期四　早餐：…　午餐：…``) are rows of
  that list, never the kicker and title of the next article;
- a letter's short closing sentence over the issuer's date line (``感谢您…的支持！`` /
  ``阳光幼儿园　2026年12月1日``) ends the letter; the title after them opens the next article.

Variants: traditional script, indented, reordered articles, other labels and weekdays, full-width or
double spaces between the fields; a title set with spaces (no labels) stays a title.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.segment.row_runs import row_shape
from tests.segment_support import cut, owner_of, same, traditional

LETTER = (
    "致全体家长的一封信",
    "亲爱的家长朋友们：",
    "您好！随着气温逐渐下降，冬季传染病进入高发期。为了保障孩子们的健康，幼儿园将从下周起加强晨检。",
    "如孩子出现发热、咳嗽、皮疹等症状，请在家休息并及时就医，痊愈后凭医院证明返园。",
    "感谢您一直以来对幼儿园工作的理解和支持！",
    "阳光幼儿园　2026年12月1日",
)
MENU = (
    "本周食谱",
    "星期一　早餐：小米粥、鸡蛋饼　午餐：番茄牛腩、清炒西兰花、紫菜蛋汤　午点：香蕉",
    "星期二　早餐：牛奶、蒸红薯　午餐：香菇鸡丁、蒜蓉生菜、冬瓜排骨汤　午点：苹果",
    "星期三　早餐：豆浆、肉包　午餐：清蒸鲈鱼、胡萝卜炒蛋、白菜豆腐汤　午点：酸奶",
    "星期四　早餐：南瓜粥、花卷　午餐：红烧鸡腿、炒三丝、海带汤　午点：橙子",
    "星期五　早餐：牛奶、鸡蛋　午餐：扬州炒饭、青菜、丝瓜蛋汤　午点：小蛋糕",
)
STORY = (
    "大班主题活动：我们的社区",
    "本月大班开展“我们的社区”主题活动，孩子们走出校园，参观了社区卫生服务中心、消防站和菜市场。",
    "在消防站，消防员叔叔向孩子们展示了消防车和各种救援工具，还教大家如何拨打119。",
    "家长们可以在周末带孩子在社区里走一走，请孩子当小导游，说说社区里有哪些地方。",
)
TIPS = (
    "保健医生提醒：冬季预防诺如病毒",
    "诺如病毒是冬季常见的肠道病毒，传染性强，主要症状为呕吐、腹泻，儿童发病以呕吐为主。",
    "预防诺如病毒，最重要的是勤洗手。请家长教育孩子饭前便后、外出回家后用肥皂和流动水洗手。",
)


def _issue(parts: tuple[tuple[str, ...], ...], indent: str, gap: str) -> str:
    lines = ["阳光幼儿园家园共育报", "2026年12月　总第37期"]
    for title, *body in parts:
        lines.append(title)
        lines.extend(indent + line.replace("\u3000", gap) for line in body)
    return "\n".join(lines) + "\n"


def _assert_cut_as(text: str, parts: tuple[tuple[str, ...], ...], gap: str) -> None:
    parsed = cut(text)
    assert len(parsed.articles) == len(parts)
    for k, part in enumerate(parts):
        for line in (part[0], part[-1]):
            snippet = "".join(line.replace("\u3000", gap).split())
            assert owner_of(parsed, text, snippet[:10], across_lines=True) == k, line
            assert owner_of(parsed, text, snippet[-5:], across_lines=True) == k, line


@pytest.mark.parametrize("convert", [same, traditional])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("gap", ["\u3000", "  "])
def test_a_menu_and_a_letter_keep_their_last_lines(
    convert: Callable[[str], str], indent: str, gap: str
) -> None:
    for order in ((LETTER, MENU, STORY, TIPS), (TIPS, LETTER, MENU, STORY)):
        parts = tuple(tuple(convert(line) for line in part) for part in order)
        _assert_cut_as(_issue(parts, indent, gap), parts, gap)


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_timetable_with_other_labels(convert: Callable[[str], str]) -> None:
    timetable = (
        "期末考试安排",
        "1月12日　上午：语文　下午：英语　晚上：自习",
        "1月13日　上午：数学　下午：物理　晚上：自习",
        "1月14日　上午：化学　下午：历史　晚上：休息",
        "1月15日　上午：生物　下午：地理　晚上：休息",
    )
    parts = tuple(tuple(convert(line) for line in part) for part in (TIPS, timetable, STORY))
    _assert_cut_as(_issue(parts, "", "\u3000"), parts, "\u3000")


def test_what_has_a_row_shape() -> None:
    assert row_shape("星期四　早餐：南瓜粥　午餐：红烧鸡腿　午点：橙子") == ("", "早餐", "午餐", "午点")
    assert row_shape("星期四  早餐：南瓜粥  午餐：红烧鸡腿") == ("", "早餐", "午餐")
    assert row_shape("淡布隆大桥通车周年　华商生意见起色　记者") is None  # no labels: maybe a title
    assert row_shape("大班主题活动：我们的社区") is None  # one field
