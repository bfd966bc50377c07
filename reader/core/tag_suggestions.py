"""Tag suggestions for one article: existing tags, names, places, organisations, topics.

Candidates come from:

1. tags the library already has whose (folded) name or alias occurs in the
   article, and short forms of them (外滩 for the tag 外滩街道);
2. the people of the byline (after the people the article is about: the byline records them
   already), and the article's source as an organisation;
3. patterns (:mod:`reader.core.tag_candidates`): terms in quotation marks and
   book-title marks, a person after a role (书记卞唯敏, :mod:`reader.core.tag_role_people`),
   organisations, places and events by their suffix (…街道, …工作室, …之夜), a body
   named with the place written before it (:mod:`reader.core.tag_name_chains`), a
   company from its city (:mod:`reader.core.tag_registered_names`), people in a list
   (:mod:`reader.core.tag_listed_people`),
   phrases that recur across the library (new-word discovery) or in the article
   (:mod:`reader.core.tag_repeats`: runs of words jieba cut a coined word into);
4. people, places and organisations found by jieba's POS tagger (``nr``, ``ns``,
   ``nt``), cleaned of noise: single characters, common words jieba tags as
   names, names split in two (merged back), place and organisation suffixes
   (``北京`` + ``居民区``, ``恒源祥`` + ``集团``) joined;
5. topic keywords (nouns) by TF-IDF, with the IDF the caller supplies (the
   library's own document frequencies, or jieba's bundled table).

:mod:`reader.core.tag_ranking` merges them: one candidate per name, its kind
from the strongest evidence (the archivists' own tags first), no fragment of
a longer candidate, names rejected in other articles sunk.  Existing tags rank
first.  Generic vocabulary (社区, 街道, 工作, 活动…) and verbs are never
suggested.  Everything here is pure: the caller supplies the text, the known
tags, what was dismissed, the IDF and the library's phrases.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.core import (
    segmenter,
    tag_aged_people,
    tag_boundaries,
    tag_candidate_names,
    tag_candidates,
    tag_chain_places,
    tag_credits,
    tag_district_cuts,
    tag_forms,
    tag_full_names,
    tag_furniture,
    tag_heads,
    tag_instruments,
    tag_keyword_ranks,
    tag_learned,
    tag_letters,
    tag_listed_people,
    tag_listed_places,
    tag_name_chains,
    tag_person_evidence,
    tag_person_forms,
    tag_place_heads,
    tag_quoted_heads,
    tag_ranker,
    tag_recurring,
    tag_registered_names,
    tag_repeats,
    tag_role_people,
    tag_settings,
    tag_split_places,
    tag_title_echoes,
    tag_trimmed_edges,
    tag_units,
    tag_unsurnamed,
    tag_verb_phrases,
    tag_word_edges,
)
from reader.core.script import fold
from reader.core.segmenter import Token
from reader.core.tag_candidate_names import drop_inner_places, fold_short_topics
from reader.core.tag_candidates import COMPOUND_HEADS, occurrences
from reader.core.tag_districts import is_district
from reader.core.tag_forms import positions_of
from reader.core.tag_merged_names import PERSON_TAGS, merge_names
from reader.core.tag_person_forms import restated
from reader.core.tag_ranking import (
    Candidate,
    Candidates,
    TagForm,
    affix_index,
    drop_covered,
    drop_prefixes,
    join_overlapping,
    map_to_tags,
    sink_rejected,
)
from reader.core.tag_surnames import COMPOUND_SURNAMES, SURNAMES
from reader.core.tag_vocabulary import GENERIC_WORDS, NOT_NAMES, is_generic

DEFAULT_LIMIT = 10


TOPIC_TAGS = frozenset({"n", "nz"})
# Fixed phrases (jieba's ``l``: 食品安全, 行动不便) are topics when they end with a noun.
PHRASE_TAG = "l"
NOUN_TAIL_TAGS = frozenset({"n", "an", "vn", "nz"})
KEYWORD_TAGS = TOPIC_TAGS | {PHRASE_TAG}
# The byline's people are the article's contributors (kept as such): offered after the people it is
# about (round 13: none of the five independent labellers tagged a byline; they were first, at 30).
BYLINE_SCORE = 6.0
# The source line's body (街道党群办) gave the article; no labeller tagged one (round 14: 0 of 15).
SOURCE_SCORE = 4.0
KEYWORD_TOP_SCORE = 7.0  # the best keyword: about a person named once (round 13: was 9, above most names)
MIN_KEYWORD_SCORE = 1.5 * KEYWORD_TOP_SCORE / 9.0  # the same share of the best keyword as before
MINOR_TERM_LENGTH = 3  # a dictionary noun this long is ranked even when the rules would not offer it
MINOR_KEYWORD_SHARE = 0.9  # of the least keyword the rules offer
SPECIFIC_TERM_LENGTH = 4  # a dictionary noun this long (加装电梯) is a topic even when named once
# A compound topic (燃气安全, 社区治理: a thing and a generic head) named twice or more is worth at least
# this much, however much more often the article's main keyword is named.
COMPOUND_TOPIC_SCORE = 4.0
COMMUNITY_BODY_LENGTH = 5
STREET_OFFICES = ("办", "办事处")
COMMON_NAME_FREQ = 300  # a two-character "name" jieba's dictionary knows this well is a common word
ABSTRACT_ENDINGS = frozenset("感性率观化茶酒菜饭饼糕粽")  # and things: 白毫茶 (白 a surname)
PLACE_ENDINGS = frozenset("城镇村乡港湾岛路街区县市省界井寺庙塔")  # 张家界, 王府井: jieba says nr
NAMED_PLACE_ENDINGS = frozenset("界井寺庙塔港")  # of those, what ends a place named as such (张家港)
GIVEN_NAME_POS = frozenset({"nr", "nrfg", "nz"})
WORD_SURNAMES = frozenset("和于")  # surnames that are far more often a word of their own
COMMON_GIVEN_FREQ = 5000  # nor is a surname before a word this common (项目, 服务; not 建国, 光明)
_CJK = re.compile(r"^[\u3400-\u9fff]+$")

IdfLookup = Callable[[Collection[str]], "Idf"]
"""Given the folded candidate terms, an :class:`Idf` covering them."""


@dataclass(frozen=True, slots=True)
class TagSuggestion:
    """One suggested tag, ranked by ``score`` (higher first); ``reason`` says where it came from."""

    name: str
    kind: str  # person | place | organisation | topic | other
    score: float
    reason: str  # existing tag | alias | byline | role | suffix | source | person | place | organisation
    #              | quoted | book title | phrase | keyword
    tag_id: int | None = None  # set when the suggestion is an existing tag
    detail: str = ""  # the role before a name, a suffix, the form found in the text…


@dataclass(frozen=True, slots=True)
class KnownTag:
    """A tag of the library, as matching needs it."""

    id: int
    name: str
    key: str
    kind: str
    aliases: tuple[str, ...] = ()  # folded


@dataclass(frozen=True, slots=True)
class ArticleContent:
    """What suggestions are made from: headings, body text, byline people, source."""

    headings: str
    body: str
    people: Sequence[tuple[str, str]] = ()  # (name, role) from the byline
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Idf:
    """IDF values of some terms, the default for the others and the value of a rare term."""

    values: Mapping[str, float]
    default: float
    ceiling: float

    def of(self, term: str) -> float:
        return self.values.get(term, self.default)

    def rarity(self, term: str) -> float:
        """0..1: how rare ``term`` is (1 for a term as rare as a name)."""
        return max(0.0, min(1.0, self.of(term) / self.ceiling)) if self.ceiling > 0 else 1.0


def plausible_person(name: str, *, from_text: bool = True) -> bool:
    """Whether ``name`` can be a person's name (2–4 CJK characters, not a known common word)."""
    key = fold(name)
    if not _CJK.match(key) or not 2 <= len(key) <= 4 or key in NOT_NAMES or is_generic(key):
        return False
    if not from_text:
        return True
    compound = key[:2] in COMPOUND_SURNAMES
    if len(key) == 4 and not compound:
        return False
    if not compound and key[0] not in SURNAMES:
        return False
    if (
        len(key) == 3
        and not compound
        and segmenter.dictionary_frequency(key[1:]) >= COMMON_GIVEN_FREQ
        and segmenter.dictionary_pos(key[1:]) not in GIVEN_NAME_POS  # 和平 (nz): 任和平, 郑和平
    ):
        return False  # 金项目: a common word after a surname-like character
    if len(key) == 3 and key[-1] in ABSTRACT_ENDINGS:
        return False  # 安全感, 积极性: abstract nouns jieba's dictionary tags as names
    if len(key) == 3 and key[-1] in PLACE_ENDINGS:
        return False  # 金融城, 张家港: a place jieba's tagger reads as a name
    return not (len(key) == 2 and segmenter.dictionary_frequency(key) >= COMMON_NAME_FREQ)


def community_body(word: str) -> bool:
    """A community body named in full (社区党建服务中心, 新时代文明实践分中心): a generic word of the bundled
    dictionary, of five characters or more, ending with an organisation suffix; every street has one, yet
    an article about it is filed under it.  Short forms (居委会) and the street's offices stay generic."""
    return (
        len(word) >= COMMUNITY_BODY_LENGTH
        and word in segmenter.generic_words()
        and word not in GENERIC_WORDS
        and tag_candidates.kind_by_suffix(word) == "organisation"
        and not word.endswith(STREET_OFFICES)
    )


def _plausible_entity(key: str) -> bool:
    return bool(_CJK.match(key)) and len(key) >= 2 and key not in NOT_NAMES and not is_generic(key)


def suggest(
    content: ArticleContent,
    idf: IdfLookup | Idf,
    *,
    tags: Iterable[KnownTag] = (),
    applied: Collection[str] = (),
    dismissed: Collection[str] = (),
    limit: int = DEFAULT_LIMIT,
    phrases: Counter[str] | None = None,
    rejected: Mapping[str, int] | None = None,
    ranker: tag_ranker.Ranker | None = None,
) -> list[TagSuggestion]:
    """Ranked tag suggestions for an article (see the module docstring).

    ``applied`` and ``dismissed`` are folded names never to suggest (tags the
    article has, suggestions the user dismissed); ``idf`` is either a table or a
    lookup called once with every candidate keyword.  ``phrases`` are the
    library's recurring phrases found in the article (with their counts);
    ``rejected`` says in how many articles a (folded) name was dismissed.  With a ``ranker`` the
    rules' candidates and the article's phrases are ranked by it (:mod:`reader.core.tag_learned`);
    without, by the rules' scores.
    """
    original = content.headings + "\n" + content.body
    text = fold(original)
    heading_end = len(content.headings)
    known = list(tags)
    excluded = set(applied) | set(dismissed)  # kept until the end: their parts are fragments of them still
    bylined = {fold(name.strip()) for name, _role in content.people}
    excluded |= set(tag_credits.credited_names(text)) - bylined  # （记者 X 摄）: no tag, nor its parts
    found = Candidates(())
    _add_known_tags(known, text, found)

    for position, (name, _role) in enumerate(content.people):
        name = name.strip()
        if plausible_person(name, from_text=False):
            found.add(Candidate(fold(name), name, "person", "byline", BYLINE_SCORE - position / 100))
    source = tag_furniture.clean_source(content.source)
    if source and not is_generic(fold(source)):
        found.add(Candidate(fold(source), source, "organisation", "source", SOURCE_SCORE))

    raw = tag_district_cuts.join_district_suffixes(
        tag_word_edges.join_cut_districts(tag_word_edges.split_conjunction_places(segmenter.tokens(original)))
    )
    toks = merge_names(tag_name_chains.split_glued_verbs(tag_name_chains.split_glued_suffixes(raw)))
    entities = _entities(toks, original, text) + tag_chain_places.chain_places(raw, original)
    entities += tag_listed_people.listed_people(raw, original, SURNAMES, plausible_person)
    heads = tag_heads.dictionary_heads() | tag_heads.tag_heads((t.key, t.kind) for t in known)
    patterned = _patterned(toks, raw, original, text, heading_end, heads, phrases or Counter())
    glued = tag_quoted_heads.glued_candidates(toks, original, text, GENERIC_WORDS | segmenter.generic_words())
    patterned += glued.values()
    keywords = _keywords(toks, heading_end)
    terms = set(keywords.counts) | {c.key for c in entities} | {c.key for c in patterned}
    if ranker is not None:
        terms |= {t.word for t in (*raw, *segmenter.tokens(original))}  # the phrases' words: their rarity
    table = idf if isinstance(idf, Idf) else idf(terms)
    for cand in tag_trimmed_edges.trimmed([*entities, *patterned], raw, original, text, is_generic):
        if not cand.positions:
            cand.positions = list(occurrences(text, cand.key))
        hits = len(cand.positions)
        if glued.get(cand.key) is cand:
            hits = max(hits, len(occurrences(text, cand.detail)))  # “红马甲”劝导队, then 劝导队 alone
        in_heading = any(p < heading_end for p in cand.positions)
        base = _BASE.get(cand.reason, _ENTITY_BASE.get(cand.kind, 5.0))
        base += tag_instruments.base_change(cand.reason, cand.key, hits, in_heading)  # named once, a city…
        cand.score = (base + 2 * math.log2(1 + hits) + (3 if in_heading else 0)) * (
            0.5 + 0.5 * table.rarity(cand.key)
        )
        found.add(tag_title_echoes.capped(cand))
    _add_keywords(keywords, text, heading_end, table, found.add)
    for term in tag_candidate_names.undertaken(toks, GENERIC_WORDS | segmenter.generic_words()):
        if term not in NOT_NAMES:
            score = COMPOUND_TOPIC_SCORE * (0.5 + 0.5 * table.rarity(term))
            positions = list(occurrences(text, term))
            found.add(Candidate(term, term, "topic", "keyword", score, positions=positions))
    forms = [TagForm(t.id, t.name, t.key, t.kind) for t in known]
    index = affix_index(forms)
    for t, form in zip(known, forms, strict=True):
        for alias in t.aliases:
            index[alias].append(form)
    found_names = tag_furniture.drop_furniture(tag_person_forms.drop_misread_people(found.values()), text)
    ranked = map_to_tags(found_names, index, ())
    bodies = {c.key for c in ranked if community_body(c.key)}
    ranked = drop_prefixes(drop_covered(join_overlapping(ranked, text, original)), bodies)
    ranked = map_to_tags(ranked, tag_forms.longer_form_index(forms), ())  # 江桥镇人民政府 is 江桥镇
    ranked = [c for c in fold_short_topics(drop_inner_places(ranked), heading_end) if c.key not in excluded]
    tag_settings.settle_chains(ranked)
    tag_keyword_ranks.rank_by_mentions(ranked, heading_end)
    if ranker is not None:
        ranked.sort(key=lambda c: (-c.score, c.positions[0] if c.positions else -1, c.key))
        learned = tag_learned.Learned(original, text, heading_end, table.rarity, excluded, index)
        top = learned.top(ranker, ranked, rejected or {}, limit)
        return [TagSuggestion(c.name, c.kind, round(c.score, 3), c.reason, c.tag_id, c.detail) for c in top]
    sink_rejected(ranked, rejected or {})
    ranked.sort(key=lambda c: (-c.score, c.positions[0] if c.positions else -1, c.key))
    top = ranked[:limit]
    return [TagSuggestion(c.name, c.kind, round(c.score, 3), c.reason, c.tag_id, c.detail) for c in top]


def _add_known_tags(tags: Sequence[KnownTag], text: str, found: Candidates) -> None:
    """Tags of the library named in the article, by name or by one of their aliases."""
    forms = {form for tag in tags for form in (tag.key, *tag.aliases) if len(form) >= 2}
    found_at = positions_of(forms, text)
    for tag in tags:
        for form in (tag.key, *tag.aliases):
            hits = found_at.get(form)
            if hits:
                score = 100.0 + min(len(hits), 20)
                reason = "existing tag" if form == tag.key else "alias"
                found.add(Candidate(tag.key, tag.name, tag.kind, reason, score, tag.id, hits, form))


def _patterned(
    tokens: Sequence[Token],
    raw: Sequence[Token],
    original: str,
    text: str,
    heading_end: int,
    heads: tag_heads.Heads,
    phrases: Counter[str],
) -> list[Candidate]:
    """Candidates by pattern: quoted terms, people after a role, suffixed names, recurring phrases.

    ``tokens`` have names merged (for the suffix finder); phrases are read from jieba's ``raw`` words.
    """
    generic = GENERIC_WORDS | segmenter.generic_words()
    ends = {t.end: t for t in tokens}
    starts = {t.start: t for t in tokens}
    events = tag_candidates.split_events(tokens, original, text, generic)
    people = [
        *tag_role_people.role_people(original, text, SURNAMES, COMPOUND_SURNAMES, raw),
        *tag_role_people.apposed_people(raw, original, text, SURNAMES, COMPOUND_SURNAMES),
        *tag_aged_people.aged_people(raw, original, text, SURNAMES, COMPOUND_SURNAMES),
    ]
    found = [
        *tag_candidates.quoted(original, text, ends, starts),
        *people,
        *tag_candidates.outside(tag_candidates.suffixed(tokens, original, text, generic), events),
        *events,
        *tag_recurring.recurring(raw, original, text, phrases, generic),
        *tag_repeats.repeated(raw, original, text, generic),
        *tag_repeats.inseparable(raw, original, text, generic),
        *tag_candidates.outside(tag_candidates.festivals(tokens, original, text), people),  # not 雷国庆's
        *tag_letters.lettered(raw, original, text, heading_end, generic),
        *tag_title_echoes.title_candidates(raw, original, text, heading_end, generic),  # its subjects
        *tag_candidates.outside(tag_heads.headed(tokens, original, text, generic, heads), events),
    ]
    bodies, event_names = tag_candidate_names.quoted_bodies(original, text, starts)
    found = tag_candidate_names.whole_district_offices(found, ends, original, text)
    found += [
        *bodies,
        *event_names,
        *tag_candidate_names.numbered(tokens, original, text, [f for f in found if f.reason == "suffix"]),
        *tag_candidate_names.district_offices(tokens, original, text),
    ]
    found += tag_units.company_units(found, tokens, original, text, tag_role_people.ROLES, generic)
    found += tag_registered_names.registered_names(tokens, original, text, generic)
    found += tag_name_chains.chained(found, tokens, original, text)
    closed = tag_boundaries.closed_left(found, tokens, original, text)
    extended = [c for c, f in zip(closed, found, strict=True) if c is not f]  # 鑫晟 + 光电科技有限公司
    found = closed + tag_name_chains.chained(extended, tokens, original, text)  # 武汉 + 鑫晟光电…
    found += tag_name_chains.joined_units(found, original, text, tokens)  # 成都市公安局 + 金牛区分局…
    found = tag_full_names.with_city(found, tokens, original, text)  # 重庆市 + 渝中区餐饮商会
    found += tag_place_heads.place_heads(raw, original, text, generic)  # whole proper names: not closed
    found += tag_place_heads.short_named_places(raw, original, text)
    found += tag_split_places.split_places(raw, original, text, generic)  # 簇/桥/街道, 九里/堤/街道
    found += tag_listed_places.listed_places(raw, original, text, is_generic)  # 五龙潭、黑虎泉…一带
    found = tag_verb_phrases.drop_misread(found, tokens)  # 为旅客指路, 所有街道, 前在机场
    found = tag_name_chains.lowest_place_first(found, text, original)  # 望谟县 + 打易镇卫生院
    out = []
    for f in found:
        quoted = f.reason in ("quoted", "book title")  # the paper's own name for it (“邻里汇”)
        if (f.key in GENERIC_WORDS if quoted else is_generic(f.key)) or f.key in NOT_NAMES:
            continue
        if f.kind == "person" and not plausible_person(f.key):
            continue
        out.append(
            Candidate(f.key, f.name, f.kind, f.reason, 0.0, None, list(f.positions), f.detail, f.extent)
        )
    unsurnamed = [
        *tag_unsurnamed.dotted_people(raw, original, text),
        *tag_unsurnamed.unsurnamed_people(raw, original, text, tag_role_people.ROLES, SURNAMES),
    ]
    for f in unsurnamed:  # names the surname check would refuse (巴特尔, 阿依古丽·买买提)
        if not is_generic(f.key) and f.key not in NOT_NAMES:
            out.append(Candidate(f.key, f.name, f.kind, f.reason, 0.0, None, list(f.positions), f.detail))
    return out


# By jieba's part of speech alone: a place or a body jieba names once is seldom what an archivist
# tags (round 13: 23% and 12% of them were labels, against 90% of places found by their suffix).
_ENTITY_BASE = {"person": 6.0, "place": 4.5, "organisation": 4.0}
_BASE = {"role": 7.0, "suffix": 6.0, "quoted": 6.5, "book title": 6.0, "phrase": 5.0}
_KIND_OF_POS = {"ns": "place", "nt": "organisation"}


def _entities(tokens: Sequence[Token], original: str, text: str) -> list[Candidate]:
    """People, places and organisations among the tokens, cleaned of noise."""
    found: dict[str, Candidate] = {}
    index = tag_person_evidence.TokenIndex.of(tokens)
    for tok in tokens:
        kind = "person" if tok.pos in PERSON_TAGS else _KIND_OF_POS.get(tok.pos)
        if kind == "person" and (
            is_district(tok.word)
            or (len(tok.word) == 3 and tok.word[-1] in NAMED_PLACE_ENDINGS)
            or (len(tok.word) == 2 and tok.word[-1] == "城")
        ):
            kind = "place"  # 越秀区, 张家界, 申城 read as names (越, 张 are surnames): their ends say places
        if kind == "person" and (
            (tok.word[0] in WORD_SURNAMES and not restated(tok.word, text, tokens))  # 和睦, 和为贵
            or not tag_person_evidence.treated_as_person(tok.word, text, tokens, plausible_person, index)
        ):
            continue
        if community_body(tok.word):
            kind = "organisation"  # 社区党建服务中心: generic in the dictionary, yet one body named in full
        elif kind is None or tok.word in found or (kind != "person" and not _plausible_entity(tok.word)):
            continue
        if (kind == "person" and not plausible_person(tok.word)) or (
            kind == "place" and tag_heads.common_word_place(tok.word)
        ):
            continue
        name = original[tok.start : tok.end] if text[tok.start : tok.end] == tok.word else tok.word
        found[tok.word] = Candidate(tok.word, name, kind, kind)
    for key, at in tag_person_evidence.framed_people(tokens, text, SURNAMES - WORD_SURNAMES):
        if key not in found and key not in NOT_NAMES and not is_generic(key):
            found[key] = Candidate(key, original[at : at + 3], "person", "person")
    return list(found.values())


@dataclass(slots=True)
class _Keywords:
    counts: Counter[str] = field(default_factory=Counter)  # a heading occurrence counts three times
    proper: set[str] = field(default_factory=set)  # tagged nz (other proper noun) by jieba


def _keywords(tokens: Sequence[Token], heading_end: int) -> _Keywords:
    """Nouns of the article, generic words left out."""
    found = _Keywords()
    for tok in tokens:
        if tok.pos == PHRASE_TAG and not _noun_phrase(tok.word):
            continue
        if tok.pos not in KEYWORD_TAGS or len(tok.word) < 2 or not _CJK.match(tok.word):
            continue
        if is_generic(tok.word) or tok.word in NOT_NAMES or not segmenter.is_known(tok.word):
            continue
        if tag_candidates.slogan_word(tok.word):
            continue
        found.counts[tok.word] += 3 if tok.start < heading_end else 1
        if tok.pos == "nz":
            found.proper.add(tok.word)
    return found


def _noun_phrase(word: str) -> bool:
    """True for a fixed phrase of four characters or more ending with a noun (食品安全, not 行动不便)."""
    return len(word) >= 4 and segmenter.dictionary_pos(word[-2:]) in NOUN_TAIL_TAGS


def _add_keywords(
    keywords: _Keywords,
    text: str,
    heading_end: int,
    table: Idf,
    add: Callable[[Candidate], None],
) -> None:
    """Topic keywords by TF-IDF, scaled so the best is worth about a twice-named person."""
    counts = keywords.counts
    weights = {term: n * table.of(term) for term, n in counts.items()}
    best = max(weights.values(), default=0.0)
    if best <= 0:
        return
    for term, weight in weights.items():
        once = counts[term] < 2 and weight < best / 2 and len(term) < SPECIFIC_TERM_LENGTH
        proper = term in keywords.proper  # 天山路 (nz) is a place by its suffix; 思路 (n) a topic still
        kind = (tag_candidates.kind_by_suffix(term) or "other") if proper else "topic"
        score = KEYWORD_TOP_SCORE * weight / best * (0.5 + 0.5 * table.rarity(term))
        if counts[term] >= 2 and len(term) >= SPECIFIC_TERM_LENGTH and term[-2:] in COMPOUND_HEADS:
            score = max(score, COMPOUND_TOPIC_SCORE * (0.5 + 0.5 * table.rarity(term)))
        if once or score < MIN_KEYWORD_SCORE:  # by the rules not what the article is about: offered below
            if len(term) < MINOR_TERM_LENGTH or tag_candidates.kind_by_suffix(term):  # all they offer, for
                continue  # the ranker to weigh (糖尿病 named once is tagged), not a body's word (街道办)
            score = MINOR_KEYWORD_SHARE * MIN_KEYWORD_SCORE * (0.5 + 0.5 * table.rarity(term))
        add(Candidate(term, term, kind, "keyword", score, positions=list(occurrences(text, term))))
