"""The lines that close an item end its article, never open the next one (qaseg24's class A).

Layout: under the last paragraph of a notice, a letter, an obituary or a photo item, short lines
without a full stop close it: the issuer with the date on one line, a contact line, a sign-off whose
last word is a formula (``读者　李志伟　上``, ``黄氏家属　敬谢``, ``同泣告``) with the lines it lists
above it, a photo credit.  They are the end of that article: the title after them opens the next
article and none of them is its kicker, caption or title.  In several shapes: with and without blank
lines, indented, the sign-off pushed to the right, hard-wrapped, traditional script, reordered, other
papers' wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment.closing_lines import is_issuer_date, sign_off_words
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

Item = tuple[str, str, tuple[str, ...]]

NOTICES: tuple[Item, ...] = (
    (
        "宁海县第二中学招聘启事",
        "因教育教学工作需要，我校面向社会公开招聘临时代课教师若干名，报名时间：即日起至12月5日。",
        ("联系人：王老师　电话：0574-65581234", "宁海县第二中学　2026年11月23日"),
    ),
    (
        "东湖社区停水通知",
        "因管网改造，本周六上午八时至下午五时东湖社区全域停水，请居民提前储水，给您带来不便敬请谅解。",
        ("东湖社区居委会　二〇二四年六月三日",),
    ),
    (
        "恒远针织有限公司清算公告",
        "恒远针织有限公司经股东会决议解散，已成立清算组。请债权人自本公告见报之日起四十五日内申报债权。",
        ("恒远针织有限公司清算组　2026年11月24日",),
    ),
)
SIGN_OFFS: tuple[Item, ...] = (
    (
        "巴士误点问题亟待改善",
        "本人每日乘搭第十五路巴士上班。近两个月来，这路巴士经常误点，希望有关当局正视问题，增加班次。",
        ("读者　李志伟　上",),
    ),
    (
        "先父陈公荣生老大人讣告",
        "先父陈公荣生老大人，痛于二〇二六年十一月二十四日寿终正寝，享寿九十二岁。不孝等随侍在侧。",
        ("孝男　陈志远　陈志明", "孝女　陈秀玲", "孙　　陈家豪　陈家慧", "同泣告"),
    ),
    (
        "谨此鸣谢各界亲友",
        "先母仙逝，治丧期间，承蒙各界亲友亲临吊唁，隆情厚谊，未能一一踵谢，谨此鸣谢。",
        ("黄氏家属　敬谢",),
    ),
    (
        "关于调整营业时间的说明",
        "自下月一日起，本店营业时间调整为每日上午九时至晚上九时，节假日照常营业，欢迎惠顾。",
        ("梅园百货商店　谨启",),
    ),
)


def _text(items: tuple[Item, ...], *, blank: bool, indent: str = "", sign_indent: str = "") -> str:
    gap = "\n\n" if blank else "\n"
    parts = []
    for title, body, closing in items:
        lines = [f"{indent}{title}", f"{indent}{body}", *(f"{sign_indent or indent}{c}" for c in closing)]
        parts.append("\n".join(lines))
    return gap.join(parts) + "\n"


def _same(text: str) -> str:
    return text


def _check(parsed: ParsedIssue, items: tuple[Item, ...], convert: Callable[[str], str] = _same) -> None:
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in items]
    for article, (_, _, closing) in zip(parsed.articles, items, strict=True):
        assert squeeze(article.blocks[-1].text) == squeeze(convert(closing[-1]))
        assert article.blocks[0].role is Role.TITLE  # no closing line above it as a kicker or caption
        assert sum(1 for block in article.blocks if block.role is Role.TITLE) == 1
        text = squeeze("".join(block.text for block in article.blocks))
        assert all(squeeze(convert(c)) in text for c in closing)


@pytest.mark.parametrize("items", [NOTICES, NOTICES[::-1], SIGN_OFFS, SIGN_OFFS[::-1], NOTICES + SIGN_OFFS])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "  "])
def test_closing_lines_end_their_article(items: tuple[Item, ...], blank: bool, indent: str) -> None:
    _check(cut(_text(items, blank=blank, indent=indent)), items)


@pytest.mark.parametrize("items", [NOTICES, SIGN_OFFS])
@pytest.mark.parametrize("blank", [True, False])
def test_a_sign_off_pushed_to_the_right_ends_its_article(items: tuple[Item, ...], blank: bool) -> None:
    _check(cut(_text(items, blank=blank, indent="\u3000\u3000", sign_indent="\u3000" * 14)), items)


def test_a_letters_sign_off_set_apart_by_blank_lines_ends_it() -> None:
    title, body, (sign,) = SIGN_OFFS[0]
    reply = (
        "巴士公司回应：将增派车辆",
        "【本报讯】巴士公司发言人表示，公司已招聘十二名新车长，下月中旬上岗。",
    )
    text = f"读者来信\n{title}\n编辑先生：\n\n{body}\n\n{'　' * 12}{sign}\n\n{reply[0]}\n{reply[1]}\n"
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [title, reply[0]]
    assert squeeze(parsed.articles[0].blocks[-1].text) == squeeze(sign)
    assert [p.name for p in parsed.articles[0].people] == ["李志伟"]


@pytest.mark.parametrize("items", [NOTICES, SIGN_OFFS])
@pytest.mark.parametrize("width", [24, 30])
def test_closing_lines_end_their_article_hard_wrapped(items: tuple[Item, ...], width: int) -> None:
    _check(cut(hard_wrap(_text(items, blank=True), width)), items)


@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2tw"])
@pytest.mark.parametrize("items", [NOTICES, SIGN_OFFS])
def test_closing_lines_end_their_article_in_traditional_script(items: tuple[Item, ...], config: str) -> None:
    def convert(text: str) -> str:
        return traditional(text, config)

    _check(cut(convert(_text(items, blank=False))), items, convert)


PHOTO_ITEMS = (
    (
        "11月9日，县第二人民医院医疗志愿服务队走进土坡乡敬老院，为60余名老人免费测量血压。",
        "本报记者　杨宏伟　摄",
    ),
    ("连日来，惜福镇街道10万余亩大白菜进入收获期，田间地头一派繁忙景象。", "（摄影 孙浩 刘畅）"),
    ("清晨，环卫工人在滨河大道清扫落叶，为市民营造整洁的出行环境。", "(通讯员 王川 摄)"),
)
NEWS = (
    "县人民法院开展“法官进校园”活动",
    "本报讯 近日，县人民法院少年审判庭法官走进县第三中学，上了一堂法治课。",
)


@pytest.mark.parametrize("photos", [PHOTO_ITEMS, PHOTO_ITEMS[::-1], PHOTO_ITEMS[:1]])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_photo_credit_ends_its_photo_item(
    photos: tuple[tuple[str, str], ...], blank: bool, convert: Callable[[str], str]
) -> None:
    gap = "\n\n" if blank else "\n"
    items = gap.join(f"{text}\n{credit}" for text, credit in photos)
    parsed = cut(convert(f"图片新闻\n{items}{gap}{NEWS[0]}\n{NEWS[1]}\n"))
    assert len(parsed.articles) == len(photos) + 1
    for article, (text, credit) in zip(parsed.articles, photos, strict=False):
        assert article.title in (None, "")
        first = next(block for block in article.blocks if block.role is not Role.SECTION)  # 图片新闻
        assert squeeze(first.text) == squeeze(convert(text))
        assert squeeze(article.blocks[-1].text) == squeeze(convert(credit))
    assert parsed.articles[-1].title == convert(NEWS[0])
    assert parsed.articles[-1].blocks[0].role is Role.TITLE


def test_a_paragraph_ending_in_a_hotline_is_finished_and_its_issuer_signs_it() -> None:
    text = (
        "计划停电通知\n因电网设备检修，国网宁海县供电公司将于以下时间对部分线路停电，请有关用户做好准备：\n"
        "停电时间：11月28日（星期五）7:30—17:30\n停电范围：桥头胡街道汶溪村、汶溪工业区\n"
        "停电时间：11月30日（星期日）8:00—12:00\n停电范围：西店镇石孔村、团堧村\n"
        "如遇雨天，检修顺延，恕不另行通知。服务热线：95598\n国网宁海县供电公司\n"
        "寻人启事\n胡某某，男，82岁，11月21日上午在长街镇菜市场附近走失。如有知情者，请与家属联系！\n"
    )
    for variant in (text, traditional(text), text.replace("\n", "\n\u3000\u3000")):
        parsed = cut(variant)
        assert [squeeze(a.title or "") for a in parsed.articles] == [
            squeeze(t) for t in (variant.split("\n")[0], variant.split("\n")[8])
        ]
        assert squeeze(parsed.articles[0].blocks[-1].text).endswith(squeeze(variant.split("\n")[7])[-6:])


@pytest.mark.parametrize(
    "line",
    ["宁海县第二中学　2026年11月23日", "清算组 二〇二六年十一月二十四日", "梅林自来水公司 2023年5月19日"],
)
def test_issuer_date_lines(line: str) -> None:
    assert is_issuer_date(line)


@pytest.mark.parametrize(
    "line",
    [
        "2026年11月23日",  # a bare date: the masthead's, or under a signature line (articles._signs_off)
        "宁海县报　2026年11月24日　星期二",
        "青溪·副刊　第4版　2026年11月23日",
        "会议于2026年11月23日召开。",
    ],
)
def test_lines_that_are_no_issuer_date(line: str) -> None:
    assert not is_issuer_date(line)


@pytest.mark.parametrize(
    "line", ["读者　李志伟　上", "黄氏家属　敬谢", "同泣告", "梅园百货商店 谨启", "学生 王明 敬上"]
)
def test_sign_off_lines(line: str) -> None:
    assert sign_off_words(line) is not None


@pytest.mark.parametrize("line", ["上", "路上", "迎难而上", "鸣谢", "启", "工作 启动", "读者 李志伟 上。"])
def test_lines_that_are_no_sign_off(line: str) -> None:
    assert sign_off_words(line) is None


@pytest.mark.parametrize("label", ["分类广告 CLASSIFIEDS", "分类广告", "【分类广告】"])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_classifieds_under_a_label_after_a_signed_letter_are_leftovers(
    label: str, convert: Callable[[str], str]
) -> None:
    title, body, (sign,) = SIGN_OFFS[0]
    ads = (
        "【招聘】",
        "法拉盛中餐馆请炒锅、企台各一名，薪优，包食，有经验者优先。电话：(718)555-0101",
        "【房屋出租】",
        "艾姆赫斯特一房一厅，近七号地铁，月租1650元，即可入住。(347)555-0188",
    )
    text = convert("\n".join([title, body, sign, label, *ads]) + "\n")
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [convert(title)]
    assert squeeze(parsed.articles[0].blocks[-1].text) == squeeze(convert(sign))
    leftovers = squeeze("".join(lf.text for lf in parsed.leftovers))
    assert all(squeeze(convert(line)) in leftovers for line in ads)


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        (
            "因电网设备检修，供电公司将于11月28日对汶溪村部分用户停电。如遇雨天，检修顺延。服务热线：95598",
            "国网宁海县供电公司",
        ),
        ("因管网改造，本周六东湖社区全域停水，请居民提前储水。咨询电话：62701234", "东湖社区居委会"),
        ("本周六上午，居委会将在小区广场开展免费义诊活动，欢迎居民参加。", "东湖社区居委会"),
    ],
)
@pytest.mark.parametrize("convert", [_same, traditional])
def test_an_issuer_under_a_notice_ends_it(body: str, issuer: str, convert: Callable[[str], str]) -> None:
    text = convert(
        f"社区通知\n{body}\n{issuer}\n寻人启事\n胡某某，男，82岁，11月21日上午在菜市场附近走失。请与家属联系。\n"
    )
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(t)) for t in ("社区通知", "寻人启事")
    ]
    assert squeeze(parsed.articles[0].blocks[-1].text) == squeeze(convert(issuer))
