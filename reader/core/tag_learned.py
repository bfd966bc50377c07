"""The learned ranking of an article's suggestions, after the rules have found their candidates.

The library's tags the article names stay first, in the rules' order.  Then the rules' other
candidates and the article's phrases (:mod:`reader.core.tag_spans`), ranked by the model
(:mod:`reader.core.tag_ranker`); a name rejected in other articles sinks, a part of a better one named
as often is left out.  Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from reader.core import segmenter, tag_ranker, tag_spans
from reader.core.tag_ranker import Described, Ranker
from reader.core.tag_ranking import Candidate, TagForm, sink_rejected
from reader.core.tag_vocabulary import GENERIC_WORDS, NOT_NAMES

# English function words left in OCR'd text (HEADLINE and …) are never tags.
LATIN_FUNCTION_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
     "the", "to", "with")
)  # fmt: skip


# What the rules and the model offer as a phrase or a keyword (not a name they read: 上海电信 stays when the
# tag 上海 is applied).
PHRASE_REASONS = frozenset({"phrase", "keyword"})


def _opens_with_noun(rest: str) -> bool:
    """Whether jieba reads ``rest`` as opening with a noun or a name (工作室; not 出席会议, a set phrase)."""
    tokens = segmenter.tokens(rest)
    return bool(tokens) and tokens[0].pos[:1] in ("n", "j")


def generic(key: str) -> bool:
    return key in GENERIC_WORDS or key in segmenter.generic_words()


@dataclass(frozen=True, slots=True)
class Learned:
    """What the ranking needs of the article and the library."""

    original: str
    text: str  # folded
    heading_end: int
    rarity: Callable[[str], float]
    excluded: Collection[str]  # applied and dismissed names
    tag_forms: Mapping[str, Sequence[TagForm]]  # short forms and aliases of the library's tags

    def _blocked(self, key: str) -> bool:
        return generic(key) or key in NOT_NAMES or key in self.tag_forms or key in LATIN_FUNCTION_WORDS

    def _restates_excluded(self, cand: Candidate) -> bool:
        """Whether ``cand`` is a phrase holding a name applied or dismissed and named only around it
        (長寧區 + 新華路街道, 舉辦 + 重陽節 once 新华路街道, 重阳节 is the article's), or opening with it and
        going on with no noun (韩立新 + 出席会议 once 韩立新 is): that name again."""
        if cand.reason not in PHRASE_REASONS:
            return False
        count = len(cand.positions)
        for key in self.excluded:
            if key == cand.key or key not in cand.key:
                continue
            if len(tag_spans.positions_in(self.text, key)) == count:
                return True
            if cand.key.startswith(key) and not _opens_with_noun(cand.key[len(key) :]):
                return True  # 韩立新 + 出席会议: what the name did (韩立新 + 工作室 is another name)
        return False

    def describe(
        self,
        rules: Sequence[Candidate],
        weights: Mapping[str, float] | None = None,
        floor: float | None = None,
        named: bool = False,
    ) -> tuple[list[Candidate], list[Described]]:
        """The library's tags among ``rules`` (ranked by the rules), and every other candidate described
        (scored under ``weights`` when given, and with its features named when not or when ``named``)."""
        tags = [c for c in rules if c.tag_id is not None]
        others = [c for c in rules if c.tag_id is None]
        excluded = {*self.excluded, *(c.key for c in tags)}
        described = tag_ranker.describe(
            others,
            segmenter.tokens(self.original),
            self.original,
            self.text,
            self.heading_end,
            self.rarity,
            generic,
            excluded,
            self._blocked,
            weights,
            floor,
            named,
        )
        return tags, described

    def top(
        self, ranker: Ranker, rules: Sequence[Candidate], rejected: Mapping[str, int], limit: int
    ) -> list[Candidate]:
        if ranker.names_features:
            tags, described = self.describe(rules)
        else:
            tags, described = self.describe(rules, ranker.weights, ranker.floor(), ranker.network is not None)
        tags = tags[:limit]
        ranked = ranker.rank(described)
        ranked = [c for c in ranked if not self._restates_excluded(c)]
        sink_rejected(ranked, rejected)
        ranked.sort(key=lambda c: (-c.score, c.positions[0] if c.positions else -1, c.key))
        chosen = tag_ranker.select(ranked, limit - len(tags), above=tags)
        tag_ranker.settle_kinds(chosen)
        return tags + chosen
