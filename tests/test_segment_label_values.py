"""The line under a short colon label (``主料：`` over ``羊排500克、白萝卜1根``) is the label's value, body
text, never the title of a new article (qaseg32's class 3): a recipe stays one article.

In several shapes: with and without blank lines between recipes, indented, traditional script,
reordered, other labels (``材料：`` ``调味料：``), another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.label_values import is_colon_label
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional

RECIPES = (
    (
        "萝卜羊排汤",
        ("羊排500克、白萝卜1根", "生姜1块、葱2根、枸杞10粒、盐适量"),
        ("1．羊排剁块，冷水下锅焯水，捞出洗净。", "2．砂锅加清水，放入羊排、姜片，小火炖一个半小时。"),
    ),
    (
        "玉米莲藕排骨汤",
        ("猪排骨400克、莲藕1节、甜玉米1根", "红枣4颗、姜3片、盐适量"),
        ("1．排骨焯水洗净；莲藕去皮切块，玉米切段。", "2．全部放入汤锅，小火煲两小时，加盐即可。"),
    ),
    (
        "清蒸鲈鱼",
        ("鲈鱼1条（约600克）", "葱丝、姜丝各少许、蒸鱼豉油2勺"),
        ("1．鲈鱼处理干净，鱼身划几刀，塞入姜片。", "2．水开后上锅蒸八分钟，淋上豉油和热油即可。"),
    ),
)


def _page(recipes: tuple, labels: tuple[str, str, str], *, blank: bool, indent: str) -> str:
    lines = ["家庭生活报·美食周刊"]
    for title, (main, extra), steps in recipes:
        if blank:
            lines.append("")
        lines += [title, labels[0], main, labels[1], extra, labels[2]]
        lines += [indent + step for step in steps]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("recipes", [RECIPES, RECIPES[::-1], RECIPES[:2]])
@pytest.mark.parametrize("labels", [("主料：", "辅料：", "做法："), ("材料：", "调味料：", "步骤：")])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_ingredient_lines_under_their_labels_are_body(
    recipes: tuple, labels: tuple[str, str, str], blank: bool, indent: str, convert: Callable[[str], str]
) -> None:
    text = convert(_page(recipes, labels, blank=blank, indent=indent))
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(r[0])) for r in recipes]
    for i, (_, (main, extra), steps) in enumerate(recipes):
        for snippet in (main, extra, steps[-1]):
            assert owner_of(parsed, text, convert(snippet)) == i
        assert Role.SUBHEADING not in [b.role for b in parsed.articles[i].blocks]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("主料：", True),
        ("調味料：", True),
        ("时间:", True),
        ("主料：羊排500克", False),
        ("萝卜羊排汤", False),
    ],
)
def test_colon_labels(line: str, label: bool) -> None:
    assert is_colon_label(line) is label
