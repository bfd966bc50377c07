"""Tag suggestions, round 24 (found in NEW35's misses and checked against every development part):

- a body's name does not take what jieba glued before it: the end of the word before and a preposition
  (实践 + 团由 + 宁波大学团委), or a common noun before the city it is named from (物业 + 宁波恒信物业管理
  有限公司);
- a word and where or when is no person after a noun (用水 + 高峰 + 前).
"""

from __future__ import annotations

import pytest

from reader.core.script import fold
from tests.segment_support import traditional
from tests.tag_support import suggested as _suggested


@pytest.mark.parametrize(
    ("body", "name", "glued"),
    [
        (
            "实践团由宁波大学团委组织，20名大学生利用暑假在湾头社区教老人用智能手机。",
            "宁波大学团委",
            "团由宁波大学团委",
        ),
        (
            "原告是小区的物业宁波恒信物业管理有限公司，被告是业主吴某。宁波恒信物业管理有限公司称吴某两年没交物业费。",
            "宁波恒信物业管理有限公司",
            "物业宁波恒信物业管理有限公司",
        ),
    ],
)
def test_a_bodys_name_does_not_take_what_jieba_glued_before_it(body: str, name: str, glued: str) -> None:
    for text in (body, "　　" + body, traditional(body)):
        found = _suggested(text)
        assert found.get(fold(name), ("",))[0] == "organisation", (text, found)
        assert fold(glued) not in found, (text, found)


def test_a_word_and_where_or_when_is_no_person() -> None:
    body = "本报讯 洪塘街道在用水高峰前清洗二次供水水箱，居民何丽娟说水更干净了。"
    for text in (body, traditional(body)):
        found = _suggested(text, "用水高峰前 洪塘街道清洗二次供水水箱")
        assert found.get("高峰前", ("",))[0] != "person", found
        assert found.get("何丽娟", ("",))[0] == "person", found
