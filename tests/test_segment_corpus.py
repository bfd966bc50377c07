"""Segmentation of the three real issues in ../shared/corpus: every article, in order.

Only short phrases of the corpus appear here (titles, names, a few characters
at the start and end of bodies); the issues themselves are read at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.model import ParsedArticle, ParsedIssue, Role
from reader.core.segment import segment

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

pytestmark = pytest.mark.corpus


@dataclass(frozen=True)
class Expected:
    """What one article of a corpus issue must look like."""

    title: str | None
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    people: tuple[tuple[str, str], ...] = ()
    starts: str = ""  # the first paragraph starts with this
    ends: str = ""  # the last paragraph ends with this
    source: str | None = None
    captions: tuple[str, ...] = ()
    subheadings: tuple[str, ...] = ()
    paragraphs: int | None = None  # number of PARAGRAPH blocks
    joined: tuple[str, ...] = field(default=())  # found inside one paragraph, across a break


ISSUE_000 = (
    Expected(
        title="聚焦“零距离家园”建设 助推社区新发展",
        subtitle="——街道“书记工作室”举办第二季活动",
        people=(("梁炜晶", "通讯员"),),
        starts="近日,街道“书记工作室”",
        ends="做到胸中有丘壑。",
        subheadings=("● 学习互鉴", "● 经验分享", "● 头脑风暴"),
        paragraphs=6,
        joined=("高效解决社区矛盾”以及", "提高学习理论知识的主动性"),
    ),
    Expected(
        title=None, section="图片新闻", starts="五一小长假期间", ends="垃圾分类推行情况。", paragraphs=1
    ),
    Expected(
        title="街道工会召开二届三次代表大会",
        kicker="坚持以职工为中心,竭诚服务职工群众",
        people=(("卢文华", "通讯员"), ("朱翎", "通讯员")),
        starts="5月7日,街道工会",
        ends="谱写新篇章。",
        paragraphs=5,
        joined=("踊跃发言,积极建言献策",),
    ),
    Expected(
        title="老字号企业人同绣国旗",
        kicker="迎接新中国成立70周年",
        starts="5月10日是第三个中国品牌日",
        ends="表达对祖国的热爱。",
        source="(新民晚报)",
        paragraphs=2,
        joined=("唱响中国自主品牌",),
    ),
    Expected(title=None, starts="街道办事处副主任翁思诗", ends="心理疏导等状况。", paragraphs=1),
    Expected(title=None, starts="北京居民区党总支", ends="主题党日活动。", paragraphs=1),
    Expected(title=None, starts="为纪念建党九十八周年", ends="进行参观学习。", paragraphs=1),
    Expected(
        title="专场活动来助阵 社区居民乐欢颜",
        people=(("杨婵珏", "通讯员"),),
        starts="本月,重修开放",
        ends="深受社区居民的好评。",
        paragraphs=1,
    ),
)

ISSUE_001 = (
    Expected(
        title="花木街道主题教育向深向实开展",
        kicker="筑牢党建“主”阵地 激发时代“心”动力",
        people=(("徐云", "文"),),
        starts="党建中心搭平台",
        ends="社区党建新格局。",
        subheadings=("聚焦主题重点学", "创新方式激励学", "检视问题推进学", "即知即改深入学"),
        paragraphs=5,
        joined=("带着责任学、带着问题学", "检视问题贯穿始终”的精神,"),
    ),
    Expected(
        title="花木街道组织开展餐饮行业用气安全“回头看”行动",
        kicker="狠抓落实 常态长效",
        starts="为切实加强燃气安全管理",
        ends="确保辖区安全稳定。",
        source="(花木安全家园)",
        paragraphs=2,
        joined=("确保辖区安全稳定。",),
    ),
    Expected(
        title="成都市锦江区参访团到联洋社区参观学习",
        starts="11月6日,在区委外事办",
        ends="新的工作方法。",
        source="(联洋社区管理中心)",
        paragraphs=3,
        joined=("工作人员的介绍,随后", "气氛非常活跃。"),
    ),
    Expected(title="联洋二 | 感受红色文化", starts="近日,联洋二居委", ends="激励我们前进。", paragraphs=1),
    Expected(title="培花一 | 了解处理垃圾", starts="为了让志愿者", ends="垃圾分类互动游戏。", paragraphs=1),
    Expected(title="东城七 | 参观舞蹈中心", starts="近日,东城七居委", ends="开拓了眼界。", paragraphs=1),
    Expected(title="牡丹四 | 体验农家乐趣", starts="为了弘扬农耕文化", ends="体验农家乐趣。", paragraphs=1),
)

ISSUE_002 = (
    Expected(
        title="姜鸣一行调研芷江西路街道宣传思想文化和精神文明建设工作",
        kicker="探索街道特色 把“长板做长、亮点擦亮”",
        starts="日前,静安区常委",
        ends="芷江西文化品牌影响力。",
        source="(党群工作办)",
        paragraphs=9,
    ),
    Expected(
        title="市、区人大代表检查芷江西社区垃圾分类情况",
        starts="根据市、区人大关于",
        ends="资源化和无害化的目标。",
        source="(街道人大工委)",
        captions=("市、区人大代表仔细检查社区当前垃圾分类情况",),
        paragraphs=3,
        joined=("加快推动瓶颈破解,",),
    ),
    Expected(
        title="“芷心工作坊” 为社区工作者减负赋能",
        starts="近日,芷江西路街道居委会",
        ends="团队的综合实力。",
        source="(社区自治办)",
        paragraphs=9,
    ),
    Expected(
        title="以“六个一”举措持续推进“四史”学习教育",
        starts="为充分发挥党支部",
        ends="民族有希望的宏伟愿景。",
        source="(社区党建办)",
        captions=("邢光给党员们上“四史”党课",),
        paragraphs=9,
        joined=("相关要求,街道各基层党组织开展", "传承历史文化的载体"),
    ),
)

ISSUES = {"000": ISSUE_000, "001": ISSUE_001, "002": ISSUE_002}


def corpus_issue(prefix: str) -> ParsedIssue:
    """Segment the corpus issue whose file name starts with ``prefix`` (skips when absent)."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (it lives in ../shared/corpus beside the clone)")
    files = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"corpus issue {prefix}_*.txt not found in {CORPUS}")
    return segment(files[0].read_text(encoding="utf-8"))


def paragraph_blocks(article: ParsedArticle) -> list[str]:
    return [block.text for block in article.blocks if block.role is Role.PARAGRAPH]


@pytest.mark.parametrize("prefix", sorted(ISSUES))
def test_every_article_in_order(prefix: str) -> None:
    parsed = corpus_issue(prefix)
    expected = ISSUES[prefix]
    assert [(a.kicker, a.title, a.subtitle) for a in parsed.articles] == [
        (e.kicker, e.title, e.subtitle) for e in expected
    ]


@pytest.mark.parametrize(
    ("prefix", "index"),
    [(prefix, i) for prefix, expected in sorted(ISSUES.items()) for i in range(len(expected))],
)
def test_article(prefix: str, index: int) -> None:
    parsed = corpus_issue(prefix)
    expected = ISSUES[prefix][index]
    assert len(parsed.articles) == len(ISSUES[prefix])
    article = parsed.articles[index]
    paragraphs = paragraph_blocks(article)
    assert article.section == expected.section
    assert [(p.name, p.role) for p in article.people] == list(expected.people)
    assert paragraphs[0].startswith(expected.starts)
    assert paragraphs[-1].endswith(expected.ends)
    assert article.source == expected.source
    assert article.captions == list(expected.captions)
    assert [b.text for b in article.blocks if b.role is Role.SUBHEADING] == list(expected.subheadings)
    if expected.paragraphs is not None:
        assert len(paragraphs) == expected.paragraphs
    for phrase in expected.joined:
        holders = [b for b in article.blocks if b.role is Role.PARAGRAPH and phrase in b.text]
        assert len(holders) == 1, phrase
        assert len(holders[0].pieces) >= 2, phrase


def test_issue_000_cut_before_the_source_is_joined_and_split() -> None:
    article = corpus_issue("000").articles[3]
    last, source = article.blocks[-2], article.blocks[-1]
    assert (last.role, source.role) == (Role.PARAGRAPH, Role.SOURCE)
    assert len(last.pieces) == 2 and last.pieces[-1][1] <= source.pieces[0][0]
    assert "唱响中国自主品牌。" in last.text and "(新民晚报)" not in last.text


def test_issue_000_photo_news_items_are_separate() -> None:
    articles = corpus_issue("000").articles
    untitled = [a for a in articles if a.title is None]
    assert len(untitled) == 4
    assert all(len(paragraph_blocks(a)) == 1 for a in untitled)
    assert untitled[0].section == "图片新闻"
    # never glued onto the article before them
    assert not any("翁思诗" in p for p in paragraph_blocks(articles[3]))


def test_issue_001_subheadings_stay_in_the_first_article() -> None:
    first = corpus_issue("001").articles[0]
    roles = [b.role for b in first.blocks]
    assert roles[:3] == [Role.KICKER, Role.TITLE, Role.BYLINE]
    assert roles[3:] == [Role.PARAGRAPH, Role.SUBHEADING] * 4 + [Role.PARAGRAPH]


def test_issue_001_three_piece_join() -> None:
    article = corpus_issue("001").articles[2]
    joined = next(b for b in article.blocks if "气氛非常活跃。" in b.text)
    assert len(joined.pieces) == 3
    assert "介绍,随后" in joined.text


def test_issue_002_captions_are_lifted_out_of_the_sentence() -> None:
    articles = corpus_issue("002").articles
    for article, caption, joint in (
        (articles[1], "市、区人大代表仔细检查社区当前垃圾分类情况", "加快推动瓶颈破解"),
        (articles[3], "邢光给党员们上“四史”党课", "街道各基层党组织开展"),
    ):
        assert caption in article.captions
        assert not any(caption in p for p in article.paragraphs)
        paragraph = next(b for b in article.blocks if joint in b.text)
        caption_block = next(b for b in article.blocks if b.role is Role.CAPTION)
        first, second = paragraph.pieces
        assert first[1] < caption_block.pieces[0][0] and caption_block.pieces[0][1] < second[0]


@pytest.mark.parametrize("prefix", sorted(ISSUES))
def test_no_masthead_no_leftovers(prefix: str) -> None:
    parsed = corpus_issue(prefix)
    assert parsed.leftovers == []
    assert parsed.title is None and parsed.date is None
