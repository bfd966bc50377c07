"""Merging and pruning tag candidates: one candidate per name, kinds by evidence, no fragments,
the library's own spelling of a name (its tag) instead of a second one.

Kinds are decided by the strongest evidence for a name: what the archivists
chose (an existing tag or alias), then the byline, a role before a name, an
organisation or place suffix, the article's source, jieba's part of speech,
and last quotation marks, recurring phrases and keywords.  The order is fixed,
so the same article always gets the same kinds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from reader.core.tag_districts import is_district

EVIDENCE = {
    "existing tag": 0,
    "alias": 0,
    "byline": 1,
    "role": 2,
    "suffix": 3,
    "source": 4,
    "list": 4,
    "person": 5,
    "place": 5,
    "organisation": 5,
    "book title": 6,
    "quoted": 6,
    "phrase": 7,
    "keyword": 8,
}
TOPIC_REASONS = frozenset({"quoted", "book title", "phrase", "keyword"})  # not names by suffix or role
POS_REASONS = frozenset({"person", "place"})  # people and places by jieba's part of speech alone
REJECTION_FACTOR = 0.5  # each article where a name was rejected halves its score elsewhere
MAPPABLE_SHARE = 0.5  # a short form maps to a tag when it is at least half of the tag's name
SHORT_FORM_SCORE = 50.0  # a tag found by a short form ranks after tags named in full, before the rest


@dataclass(slots=True)
class Candidate:
    """A name that may be suggested, with its evidence and where it occurs in the folded text."""

    key: str
    name: str
    kind: str
    reason: str
    score: float = 0.0
    tag_id: int | None = None
    positions: list[int] = field(default_factory=list)
    detail: str = ""
    extent: int = 0  # characters spanned in the text, when more than the key (quotation marks inside)

    @property
    def evidence(self) -> int:
        return EVIDENCE.get(self.reason, len(EVIDENCE))

    def absorb(self, other: Candidate) -> None:
        """Take ``other``'s occurrences and its score if higher (it names this candidate)."""
        self.score = max(self.score, other.score)
        self.positions = sorted(set(self.positions) | set(other.positions))


class Candidates:
    """Candidates by key: adding one already there keeps the best score and the strongest evidence."""

    def __init__(self, excluded: Collection[str]) -> None:
        self.excluded = set(excluded)
        self.by_key: dict[str, Candidate] = {}

    def add(self, cand: Candidate) -> None:
        if cand.key in self.excluded:
            return
        old = self.by_key.get(cand.key)
        if old is None:
            self.by_key[cand.key] = cand
            return
        if cand.evidence < old.evidence:
            old.kind, old.reason, old.detail, old.name = cand.kind, cand.reason, cand.detail, cand.name
        old.absorb(cand)
        old.extent = max(old.extent, cand.extent)
        old.tag_id = old.tag_id if old.tag_id is not None else cand.tag_id

    def values(self) -> list[Candidate]:
        return list(self.by_key.values())


@dataclass(frozen=True, slots=True)
class TagForm:
    """A tag as mapping needs it: id, name, folded name, kind."""

    id: int
    name: str
    key: str
    kind: str


def affix_index(tags: Iterable[TagForm]) -> dict[str, list[TagForm]]:
    """Every prefix and suffix (two characters or more, at least half the name) of the tags' names."""
    index: dict[str, list[TagForm]] = defaultdict(list)
    for tag in tags:
        n = len(tag.key)
        shortest = max(2, -(-n * MAPPABLE_SHARE // 1))
        for length in range(int(shortest), n):
            index[tag.key[:length]].append(tag)
            index[tag.key[n - length :]].append(tag)
    return index


def map_to_tags(
    candidates: list[Candidate], index: Mapping[str, list[TagForm]], excluded: Collection[str]
) -> list[Candidate]:
    """A candidate that is a prefix or suffix of one tag's name becomes that tag (外滩 → 外滩街道).

    A name several tags start or end with is left alone; one mapped to a tag
    the article has (or a dismissed one) is dropped.
    """
    merged = Candidates(excluded)
    for cand in candidates:
        owners = {t.id: t for t in index.get(cand.key, ())} if cand.tag_id is None else {}
        if len(owners) == 1:
            tag = next(iter(owners.values()))
            score = max(cand.score, SHORT_FORM_SCORE + min(len(cand.positions), 20))
            cand = Candidate(
                tag.key, tag.name, tag.kind, "existing tag", score, tag.id, cand.positions, cand.name
            )
        merged.add(cand)
    return merged.values()


def drop_covered(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a name found mostly inside a longer candidate (外滩 inside 外滩街道, 金项目 inside 自治金项目):
    more than half of its occurrences are part of a longer topic (疫苗 of 疫苗接种 named once alone),
    or all of them part of a longer name (a topic inside names, 非遗 of 非遗市集, stays when named alone).
    A person or place only jieba's part of speech found (黎里 of 黎里镇, 黎里镇便民服务中心, once alone) has
    no boundary of its own either when half of its occurrences or more are inside longer names.

    Whole names stay: the library's tags, people named by the byline or a role
    (张理群 in 张理群书记工作室), places named by their suffix (外滩街道 in
    外滩街道总工会), and a district or county named once or more outside the organisations named
    with it (铁西区 before its street, and in 铁西区总工会; round 8).
    """
    longer = sorted((c for c in candidates if c.positions), key=lambda c: (-len(c.key), c.evidence))
    end = max((p + max(len(c.key), c.extent) for c in longer for p in c.positions), default=0)
    covered = bytearray(end)  # 1 where a longer candidate kept occurs
    in_topics = bytearray(end)  # 1 where a longer topic kept occurs (not a name: 非遗 of 非遗市集 stays)
    in_bodies = bytearray(end)  # 1 where a longer organisation kept occurs (铁西区 of 铁西区总工会)
    kept: list[Candidate] = []
    for cand in longer:
        n = max(len(cand.key), cand.extent)
        own = any(0 in covered[p : p + n] for p in cand.positions)
        inside = covered if cand.reason in POS_REASONS else in_topics
        alone = sum(1 for p in cand.positions if 0 in inside[p : p + n])
        if (
            (own and alone * 2 >= len(cand.positions) + (cand.reason in POS_REASONS))
            or cand.evidence <= EVIDENCE["role"]
            or (cand.reason == "suffix" and cand.kind == "place")
            or (
                cand.kind == "place"
                and is_district(cand.key)
                and any(0 in in_bodies[p : p + n] for p in cand.positions)
            )
        ):
            kept.append(cand)
            for p in cand.positions:
                covered[p : p + n] = b"\x01" * n
                if cand.reason in TOPIC_REASONS:
                    in_topics[p : p + n] = b"\x01" * n
                if cand.kind == "organisation":
                    in_bodies[p : p + n] = b"\x01" * n
    kept.extend(c for c in candidates if not c.positions)
    return kept


def join_overlapping(candidates: list[Candidate], text: str, original: str) -> list[Candidate]:
    """An organisation found by its suffix that always starts inside a place (临港新片区 and
    片区管委会, in 临港新片区管委会: the tokenizer cut the name apart) becomes the whole name."""
    places = [c for c in candidates if c.kind == "place" and c.tag_id is None]
    out: list[Candidate] = []
    for cand in candidates:
        joined = None
        if cand.kind == "organisation" and cand.reason == "suffix" and cand.positions and places:
            starts = {_overlapping_start(cand, place) for place in places}
            starts.discard(None)
            if len(starts) == 1:
                start = starts.pop()
                assert start is not None
                end = cand.positions[0] + len(cand.key)
                key, name = text[start:end], original[start:end]
                offset = len(key) - len(cand.key)
                positions = [p - offset for p in cand.positions]
                joined = Candidate(
                    key, name, cand.kind, cand.reason, cand.score, None, positions, cand.detail
                )
        out.append(joined or cand)
    return out


def _overlapping_start(org: Candidate, place: Candidate) -> int | None:
    """Where the place starts, when every occurrence of the organisation begins inside one of it."""
    found: set[int] = set()
    for p in org.positions:
        starts = [q for q in place.positions if q < p < q + len(place.key) <= p + len(org.key)]
        if not starts:
            return None
        found.add(p - starts[0])
    if len(found) != 1:
        return None
    return org.positions[0] - found.pop()


def drop_prefixes(candidates: list[Candidate], bodies: Collection[str] = ()) -> list[Candidate]:
    """Fold a place or organisation into a longer one starting with it (联洋 into 联洋社区), and an
    organisation into a longer one ending with it that the article names first (殷行市场监管所, then
    市场监管所: the paper's short form), or in any order for a body every street has (街道社区卫生
    服务中心 before 江宁路街道社区卫生服务中心: ``bodies`` are their keys) when one longer name ends
    with it; any organisation folds into the one longer organisation ending with it, when only one
    does (便民服务中心 before 黎里镇便民服务中心)."""
    longer = {c.kind: [d for d in candidates if d.kind == c.kind] for c in candidates}
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.kind in ("place", "organisation") and cand.tag_id is None:
            body = cand.key in bodies
            owners = [d for d in longer[cand.kind] if d is not cand and _short_form(cand, d, body)]
            tails = [d for d in longer[cand.kind] if d is not cand and _tail_of(cand, d)]
            if not owners and len(tails) == 1:
                owners = tails  # 便民服务中心, then 黎里镇便民服务中心: the one body it is the tail of
            if body and len(owners) > 1:
                owners = []  # 书记工作室 of 张理群书记工作室 and 牟建林书记工作室: a kind of body, not one
            owner = owners[0] if owners else None
            if owner is not None:
                owner.absorb(cand)
                continue
        kept.append(cand)
    return kept


def _short_form(short: Candidate, full: Candidate, body: bool) -> bool:
    if len(full.key) <= len(short.key):
        return False
    if full.key.startswith(short.key) or (short.kind == "organisation" and elided(short.key, full.key)):
        return True
    return (
        short.kind == "organisation"
        and full.key.endswith(short.key)
        and (
            body  # 社区卫生服务中心 of 江宁路街道社区卫生服务中心, in any order
            or bool(full.positions and short.positions and full.positions[0] < short.positions[0])
        )
    )


def elided(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` with words in the middle left out, two characters or more
    kept at each end (小海鸥足球俱乐部 of 小海鸥青少年足球俱乐部: the title's short form)."""
    return len(short) < len(full) and any(
        full.startswith(short[:a]) and full.endswith(short[a:]) for a in range(2, len(short) - 1)
    )


def _tail_of(short: Candidate, full: Candidate) -> bool:
    """An organisation ending one longer one, named before it or not (the tail of a body the article
    names in full once: every occurrence read as that body)."""
    return short.kind == "organisation" and len(full.key) > len(short.key) and full.key.endswith(short.key)


def sink_rejected(candidates: list[Candidate], rejected: Mapping[str, int]) -> None:
    """Lower the score of names rejected in other articles (halved for each article)."""
    for cand in candidates:
        n = rejected.get(cand.key, 0)
        if n:
            cand.score *= REJECTION_FACTOR**n
