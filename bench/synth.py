"""Synthetic archive of community-newspaper issues for benchmarks.

Each issue recombines paragraphs and sentences of the real corpus (read at run
time from ``../shared/corpus``, never copied here) with invented names,
streets, dates and numbers, laid out the way the OCR lays out a real issue:
kicker, title, ``——`` subtitle, ``□ 通讯员`` byline, paragraphs, ``●``
subheadings, ``(xx办)`` sources, paragraphs cut across a run of blank lines
(sometimes with a photo caption dropped in between) and untitled ``图片新闻``
items.  Without the corpus the text comes from the built-in word lists below.

    python bench/synth.py --n 1000 --out /tmp/archive --seed 0
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TARGET_CHARS = 8000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰飞建国文辉力斌波宁鹏晨云峰浩俊宇婷琳雪梅颖佳"
    "慧欣怡瑶倩嘉琪晓东海涵博翔凯宏志诚毅立新春秋冬月星辰晴岚松柏竹菊莲荣昌盛福德仁义礼智信忠孝贤良美善真"
    "卫民雅蓉蕾薇洁琦瑾璐珊琴燕鸿鹤鸣亮炜晶群理林琛彬睿哲思源泽润清泉澜"
)
_PLACE_CHARS = (
    "东西南北中长宁安康泰和平兴华新江河湖海山川林桥梅兰竹菊枫柳桃杏春秋永昌福寿丰盛嘉定宝普陀徐汇闵浦虹杨"
)
_NEIGHBOURHOODS = _words("新村 小区 苑 花园 公寓 坊 里")
_PAPERS = _words("社区报 街道报 睦邻报 家园报")
_PLACES = _words(
    "社区文化活动中心 党群服务站 睦邻点 小区广场 居民议事厅 邻里汇 老年活动室 社区食堂 卫生服务中心 "
    "图书阅览室 志愿者服务站 市民驿站 综合为老服务中心"
)
_SERVICES = _words(
    "义诊 理发 法律咨询 家电维修 磨刀修伞 测量血压 垃圾分类宣传 防诈骗宣传 智能手机教学 心理疏导 "
    "政策解读 消防安全检查 助餐送餐 口腔检查 旧物回收"
)
_EVENTS = _words(
    "邻里节 主题党日活动 健康讲座 文艺汇演 亲子阅读会 书画展 运动会 议事会 志愿服务日 读书分享会 "
    "交流座谈会 安全演练 垃圾分类竞赛 迎新联欢会 重阳敬老宴"
)
_GROUPS = _words("居民 老年人 青少年 志愿者 党员 楼组长 新就业群体 独居老人 双职工家庭")
_ACTIONS = _words(
    "完善服务机制 拓展服务内容 加强队伍建设 深化共建共治 推进精细化管理 整合各方资源 听取居民意见 "
    "补齐服务短板 创新活动形式 做实做细民生实事"
)
_BENEFITS = _words("得到实惠 感受到温暖 有更多获得感 生活更加便利 住得更舒心 办事少跑腿")
_QUOTES = _words(
    "现在家门口就能办成事,方便多了 志愿者们服务很细心,我们很满意 活动很有意义,明年还要来参加 "
    "以前总觉得麻烦,现在一个电话就解决了 大家坐下来商量,问题就好解决了 学到了不少新知识"
)
_ELDERS = _words("阿姨 老伯 大爷 女士 先生")
_OFFICES = _words("党群办 社区自治办 平安办 管理办 服务办 文明办 党建办 宣传办 社区发展办")
_SECTIONS = _words("【党政】 【民生】 【文明】 【自治】 【平安】 【文化】")
_SUBHEADS = _words(
    "凝聚合力 服务到家 共建共享 创新探索 细处用心 久久为功 多方联动 实事落地 守护平安 传承文明"
)
_HEADLINE_VERBS = _words("举办 开展 启动 召开 推出 组织")
_TITLE_TAILS = _words("温暖人心 暖心启航 再上新台阶 走深走实 惠及千家 见行见效 焕发新活力")
_ROLES = _words("党总支书记 居委会主任 社区民警 楼组长 志愿者 社工 物业经理")
_BYLINE_TITLES = ("□ 通讯员", "□ 通讯员", "□ 通讯员", "□文", "记者")

# Generic sentence parts, enough for readable text when the corpus is absent.
_SUBJECTS = _words("街道 社区 居委会 志愿者服务队 党总支 业委会 物业公司 共建单位 社工站")
_ADVERBS = _words("积极 主动 持续 认真 扎实 不断 广泛 及时 深入")
_VERBS = _words("开展 推进 落实 组织 完善 探索 加强 协调 梳理 走访")
_OBJECTS = _words(
    "社区治理工作 为民服务项目 环境整治行动 文明创建活动 邻里互助计划 安全隐患排查 老旧小区改造 "
    "加装电梯工作 垃圾分类工作 便民服务清单 居民需求调研 党建引领工作"
)
_CLAUSES = _words(
    "切实解决群众急难愁盼问题 形成了良好的社区氛围 受到居民的一致好评 进一步提升了服务水平 "
    "把好事办到群众心坎上 营造了共建共治共享的良好局面 推动各项工作落到实处 让服务更有温度"
)


@dataclass(frozen=True, slots=True)
class _Material:
    """What an issue is built from: corpus pieces, or nothing (then templates only)."""

    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    headings: tuple[str, ...]
    subtitles: tuple[str, ...]
    names: re.Pattern[str] | None  # people named in the corpus, replaced wherever they occur
    places: re.Pattern[str] | None  # streets and neighbourhoods named in the corpus, likewise


_BYLINE = re.compile(r"^(?:□\s*(?:通讯员|文|记者|摄影|摄)?|记者|通讯员)\s*[::]?\s*(.+)$")
_SENTENCE = re.compile(r"[^。!?!?]+[。!?!?]”?")
_DATE = re.compile(r"\d{1,2}月\d{1,2}日")
_YEAR = re.compile(r"(?:19|20)\d{2}年")
_NUMBER = re.compile(r"(?<![\d.])\d{2,3}(?=[名人个场次位户家])")
# A place name opening a line or clause: 花木街道…, ,联洋社区…
_PLACE_WORD = "(?:路|街道|社区|居民区|居委)"
_NOT_PLACE = re.compile(
    "[了的在到和与对为将把被]|^(?:探索|围绕|汇报|做好|利用|发挥|提升|深入|走进|来到|前往|推进|加强|服务|联系)"
)
_PLACE = re.compile(r"(?:^|(?<=[,,、。;;:“]))([\u4e00-\u9fff]{2,3}?)(?=路街道|街道|路)")
# People named in the corpus text: after a title, or in a list of names.
_TITLED_NAME = re.compile(
    rf"(?:书记|主任|部长|主席|局长|所长|会长|院长|教授|代表|记者|民警)([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})(?=[,,、。;;])"
)
_LISTED_NAME = re.compile(rf"(?<=、)([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})(?=[、,,])")


def load_material(corpus_dir: Path | None = None) -> _Material:
    """Read the corpus into pieces to recombine; empty material when it is absent."""
    folder = DEFAULT_CORPUS if corpus_dir is None else corpus_dir
    paragraphs: list[str] = []
    headings: list[str] = []
    subtitles: list[str] = []
    names: set[str] = set()
    places: set[str] = set()
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    for file in files:
        for raw in file.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line:
                continue
            byline = _BYLINE.match(line)
            if byline:
                names.update(n for n in re.split(r"[\s、,,]+", byline.group(1)) if 2 <= len(n) <= 4)
            elif line.startswith("——"):
                subtitles.append(line.lstrip("—"))
            elif line[0] in "●【((□▲":
                continue
            elif len(line) >= 25 and ("。" in line or line[-1] in "!?”;:"):
                paragraphs.append(line)
            elif 4 <= len(line) <= 30 and not any(c in line for c in "。,,") and line != "图片新闻":
                headings.append(line)
    for paragraph in paragraphs:
        names.update(_TITLED_NAME.findall(paragraph))
        names.update(_LISTED_NAME.findall(paragraph))
    lines = (*paragraphs, *headings, *subtitles)
    for line in lines:
        places.update(_PLACE.findall(line))
    # Keep the candidates that are mostly followed by a place word (drops verbs like 围绕街道…).
    text = "\n".join(lines)
    places = {
        p
        for p in places
        if 2 * len(re.findall(re.escape(p) + _PLACE_WORD, text)) >= text.count(p) and not _NOT_PLACE.search(p)
    }
    sentences = tuple(s for p in paragraphs for s in _SENTENCE.findall(p) if len(s) >= 8)
    return _Material(
        tuple(paragraphs), sentences, tuple(headings), tuple(subtitles), _any_of(names), _any_of(places)
    )


def _any_of(words: set[str]) -> re.Pattern[str] | None:
    """A pattern matching any of ``words``, longest first; None for no words."""
    if not words:
        return None
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


class _IssueWriter:
    """Builds the text of one issue from one seeded random generator."""

    def __init__(self, rng: random.Random, material: _Material) -> None:
        self.rng = rng
        self.material = material
        self.streets = [self.street() for _ in range(4)]  # an issue keeps coming back to a few streets

    # -- invented vocabulary -------------------------------------------------
    def name(self) -> str:
        given = self.rng.choice(_GIVEN) + (self.rng.choice(_GIVEN) if self.rng.random() < 0.7 else "")
        return self.rng.choice(_SURNAMES) + given

    def street(self) -> str:
        return "".join(self.rng.choices(_PLACE_CHARS, k=2))

    def local_street(self) -> str:
        return self.rng.choice(self.streets) if self.rng.random() < 0.6 else self.street()

    def date(self) -> str:
        return f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    # -- sentences and paragraphs --------------------------------------------
    def template_sentence(self) -> str:
        r = self.rng
        street, name, n = self.local_street(), self.name(), r.randint(3, 300)
        templates: tuple[Callable[[], str], ...] = (
            lambda: (
                f"{street}居民区{self.pick(_ROLES)}{name}介绍,今年以来已累计开展各类活动{n}场,"
                f"服务{self.pick(_GROUPS)}{n * r.randint(3, 20)}人次。"
            ),
            lambda: (
                f"{self.date()},{street}社区志愿者{name}、{self.name()}等{n % 40 + 2}人来到"
                f"{self.pick(_PLACES)},为{self.pick(_GROUPS)}提供{self.pick(_SERVICES)}服务。"
            ),
            lambda: (
                f"“{self.pick(_QUOTES)}。”家住{street}{self.pick(_NEIGHBOURHOODS)}"
                f"{r.randint(1, 120)}号的{name[0]}{self.pick(_ELDERS)}说。"
            ),
            lambda: (
                f"据统计,{r.randint(2015, 2024)}年共有{n}名{self.pick(_GROUPS)}报名参加"
                f"{street}街道{self.pick(_EVENTS)}。"
            ),
            lambda: (
                f"{name}表示,下一步将继续{self.pick(_ACTIONS)},让{self.pick(_GROUPS)}{self.pick(_BENEFITS)}。"
            ),
            lambda: (
                f"{self.pick(_SUBJECTS)}{self.pick(_ADVERBS)}{self.pick(_VERBS)}{self.pick(_OBJECTS)},"
                f"{self.pick(_CLAUSES)}。"
            ),
        )
        return r.choice(templates)()

    def vary(self, text: str) -> str:
        """Substitute invented names, streets, dates and numbers into corpus text."""
        if self.material.names is not None:
            text = self.material.names.sub(lambda _: self.name(), text)
        text = _DATE.sub(lambda _: self.date(), text)
        text = _YEAR.sub(lambda _: f"{self.rng.randint(2015, 2024)}年", text)
        text = _NUMBER.sub(lambda m: str(max(10, int(m.group()) + self.rng.randint(-9, 30))), text)
        if self.material.places is not None:
            text = self.material.places.sub(lambda _: self.local_street(), text)
        return text

    def paragraph(self) -> str:
        r, m = self.rng, self.material
        roll = r.random()
        if m.paragraphs and roll < 0.45:
            text = self.vary(r.choice(m.paragraphs))
        elif m.sentences and roll < 0.8:
            text = "".join(self.vary(r.choice(m.sentences)) for _ in range(r.randint(2, 5)))
        else:
            text = "".join(self.template_sentence() for _ in range(r.randint(2, 4)))
        if r.random() < 0.35:  # an invented sentence inside, so names and numbers keep changing
            at = r.choice([0, *(m.end() for m in _SENTENCE.finditer(text))])
            text = text[:at] + self.template_sentence() + text[at:]
        return text

    # -- headings ------------------------------------------------------------
    def title(self) -> str:
        r, m = self.rng, self.material
        if m.headings and r.random() < 0.5:
            return self.vary(r.choice(m.headings))
        street = self.local_street()
        return r.choice(
            (
                f"{street}街道{self.pick(_HEADLINE_VERBS)}{self.pick(_EVENTS)}",
                f"{self.pick(_SERVICES)}进{street}{self.pick(_NEIGHBOURHOODS)} {self.pick(_TITLE_TAILS)}",
                f"{self.pick(_OBJECTS)}{self.pick(_TITLE_TAILS)}",
                f"{street}社区:{self.pick(_ACTIONS)} 让{self.pick(_GROUPS)}{self.pick(_BENEFITS)}",
            )
        )

    def subtitle(self) -> str:
        r, m = self.rng, self.material
        if m.subtitles and r.random() < 0.4:
            return "——" + self.vary(r.choice(m.subtitles))
        return f"——{self.local_street()}街道{self.pick(_EVENTS)}侧记"

    def caption(self) -> str:
        return self.rng.choice(
            (
                f"图为{self.pick(_EVENTS)}现场",
                f"{self.name()}为{self.pick(_GROUPS)}提供{self.pick(_SERVICES)}服务",
                f"志愿者在{self.pick(_PLACES)}忙碌",
            )
        )

    def source(self) -> str:
        return f"({self.pick(('', '街道', self.local_street() + '街道'))}{self.pick(_OFFICES)})"

    # -- articles and issues -------------------------------------------------
    def article(self, budget: int) -> str:
        r = self.rng
        blocks: list[str] = []
        if r.random() < 0.35:
            blocks.append(self.title())  # kicker
        blocks.append(self.title())
        if r.random() < 0.4:
            blocks.append(self.subtitle())
        if r.random() < 0.85:
            blocks.append(f"{self.pick(_BYLINE_TITLES)} {self.name()}")
        body: list[str] = []
        size = sum(map(len, blocks))
        while size < budget or len(body) < 2:
            if body and r.random() < 0.12:
                body.append(f"● {self.pick(_SUBHEADS)}")
            paragraph = self.paragraph()
            body.append(paragraph)
            size += len(paragraph)
        if r.random() < 0.25:
            body = self.cut(body)
        if r.random() < 0.4:
            if r.random() < 0.5:
                body.append(self.source())
            else:
                body[-1] += self.source()
        return "\n\n".join(blocks + body)

    def cut(self, body: list[str]) -> list[str]:
        """Cut one long paragraph across a run of blank lines, sometimes dropping a caption in."""
        r = self.rng
        long = [i for i, block in enumerate(body) if len(block) >= 40 and not block.startswith("●")]
        if not long:
            return body
        i = r.choice(long)
        text = body[i]
        at = r.randint(len(text) // 3, 2 * len(text) // 3)
        middle = "\n" * r.randint(3, 6)
        if r.random() < 0.5:
            middle = middle + self.caption() + "\n" * r.randint(2, 4)
        return [*body[:i], text[:at] + middle + text[at:], *body[i + 1 :]]

    def photo_news(self) -> str:
        r = self.rng
        lines = ["图片新闻", self.caption() if r.random() < 0.3 else ""]
        text = self.paragraph()
        ends = [m.end() for m in _SENTENCE.finditer(text) if m.end() >= r.randint(60, 200)]
        lines.append(text[: ends[0]] if ends else text)
        if r.random() < 0.5:
            lines.append(self.source())
        return "\n\n".join(line for line in lines if line)

    def issue(self, number: int) -> str:
        r = self.rng
        target = int(TARGET_CHARS * r.uniform(0.9, 1.1))
        paper = self.streets[0] + r.choice(_PAPERS)
        head = [f"{paper} 第{number}期 {r.randint(2015, 2024)}年{self.date()}"]
        if r.random() < 0.5:
            head.append("HEADLINE")
        n_articles = r.randint(6, 10)
        budget = (target - 100) // n_articles
        parts = ["\n\n".join(head)]
        for index in range(n_articles):
            if index and r.random() < 0.12:
                parts.append(self.photo_news())
                continue
            if r.random() < 0.2:
                parts.append(self.pick(_SECTIONS))
            parts.append(self.article(budget))
        separators = ["\n" * r.randint(3, 5) for _ in parts]
        return (
            "\n\n"
            + "".join(sep + part for sep, part in zip(separators, parts, strict=True)).lstrip("\n")
            + "\n"
        )


def build_archive(
    out_dir: Path, n_issues: int = 1000, seed: int = 0, corpus_dir: Path | None = None
) -> list[Path]:
    """Write ``n_issues`` synthetic UTF-8 issues (about 8,000 characters each) into ``out_dir``.

    The same seed gives the same files; issue ``i`` does not depend on ``n_issues``.
    """
    if n_issues < 0:
        raise ValueError(f"n_issues must not be negative, got {n_issues}")
    material = load_material(corpus_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(n_issues):
        writer = _IssueWriter(random.Random(f"jiaokan-synth:{seed}:{i}"), material)
        path = out_dir / f"synth_{i:05d}.txt"
        path.write_bytes(writer.issue(i + 1).encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python bench/synth.py --n 1000 --out DIR --seed 0``."""
    parser = argparse.ArgumentParser(description="Write a synthetic archive of newspaper issues.")
    parser.add_argument("--n", type=int, default=1000, help="number of issues (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the issues into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--corpus", type=Path, default=None, help=f"corpus folder (default {DEFAULT_CORPUS})")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = build_archive(args.out, args.n, args.seed, args.corpus)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(
        f"wrote {len(paths)} issues, {chars:,} characters, to {args.out} "
        f"in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
