"""Shared helpers of the tag-suggestion tests: a flat IDF and the suggestions for one article."""

from __future__ import annotations

from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def suggested(body: str, title: str = "社区新闻") -> dict[str, tuple[str, str]]:
    """The first 40 suggestions for an article, by folded name: (kind, reason); the bundled ranker."""
    found = suggest(ArticleContent(title, body), FLAT_IDF, limit=40, ranker=default_ranker())
    return {fold(s.name): (s.kind, s.reason) for s in found}
