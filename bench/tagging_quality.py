"""Tag suggestion quality on a labelled set: recall@10, precision@5, fragments and generic words.

    python bench/tagging_quality.py [--corpus ../shared/corpus] [--held-out]
        [--verbose [--show-held-out]] [--warm]

Builds a library from the three corpus issues and the articles written for
``bench/tagging_labels.py``, lets the library's IDF and recurring phrases be
computed (as the application does in the background), then asks for ten
suggestions per labelled article and compares them with the archivist's tags
(names compared script- and width-insensitively).  The parts are reported
separately (corpus, written, new: tuned on; new2 … new13, new18, new19: development sets of the
fifth to fifteenth and eighteenth rounds; a held-out part, when ``HELD_OUT`` names one), then corpus
and written together ("old", the set of the first rounds) and the whole set.  A
held-out part is always in the library (so the IDF does not depend on the
options) but is suggested for and counted only with ``--held-out``, and its
articles are printed by ``--verbose`` only with ``--show-held-out`` too (so that
tuning does not look at them); with no held-out part the two options add nothing.

Prints the figures; exits 1 when recall@10 < 0.85 or a top-5 suggestion is a
generic word or a fragment.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import sys
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from tagging_labels import CORPUS, NEW, WRITTEN, WrittenArticle  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new2 import NEW2  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new3 import NEW3  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new4 import NEW4  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new5 import NEW5  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new6 import NEW6  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new7 import NEW7  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new8 import NEW8  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new9 import NEW9  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new10 import NEW10  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new11 import NEW11  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new12 import NEW12  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new13 import NEW13  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new18 import NEW18  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new19 import NEW19  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new21 import NEW21  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new24 import NEW24  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new27 import NEW27  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new30 import NEW30  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new33 import NEW33  # type: ignore[import-not-found]  # noqa: E402
from tagging_labels_new35 import NEW35  # type: ignore[import-not-found]  # noqa: E402

# The held-out parts: a name ``newN`` reads ``NEWN`` from ``bench/tagging_labels_newN.py`` (one adds one).
HELD_OUT: tuple[str, ...] = (
    "new14", "new15", "new16", "new17", "new20", "new22", "new23", "new25", "new26", "new28", "new29",
    "new31", "new32", "new34", "new36", "new37", "new38", "new39",
)  # fmt: skip
DEVELOPMENT = {
    "new2": NEW2,
    "new3": NEW3,
    "new4": NEW4,
    "new5": NEW5,
    "new6": NEW6,
    "new7": NEW7,
    "new8": NEW8,
    "new9": NEW9,
    "new10": NEW10,
    "new11": NEW11,
    "new12": NEW12,
    "new13": NEW13,
    "new18": NEW18,  # held out until round 18 counted them once (recall@10 0.564 and 0.607), then trained on
    "new19": NEW19,
    "new21": NEW21,  # held out until round 19 counted it once (recall@10 0.500), then trained on
    "new24": NEW24,  # held out until round 20 counted it once (recall@10 0.563), then trained on
    "new27": NEW27,  # held out until round 21 counted it once (recall@10 0.584), then trained on
    "new30": NEW30,  # held out until round 22 counted it once (recall@10 0.608), then trained on
    "new33": NEW33,  # held out until round 23 counted it once (recall@10 0.587), then trained on
    "new35": NEW35,  # held out until round 24 counted it once (recall@10 0.597), then trained on
}

from db.engine import Library  # noqa: E402
from db.models import Article, Block, Contributor, Issue, utcnow  # noqa: E402
from db.opening import open_library  # noqa: E402
from reader.core.script import fold  # noqa: E402
from reader.core.tag_spans import positions_in  # noqa: E402
from reader.core.tag_suggestions import TagSuggestion  # noqa: E402

_GENERIC_WORDS = "社区 街道 工作 活动 服务 居民 开展 进行 建设 问题 发展 群众 党员 居委会 志愿者"
GENERIC = frozenset(_GENERIC_WORDS.split())
RECALL_GOAL = 0.85


@dataclass(slots=True)
class Part:
    """Figures of one part of the set."""

    name: str
    found: int = 0  # labels in the top 10
    labels: int = 0
    reachable: int = 0  # labels ten suggestions can hold: an article's labels beyond ten never count
    right_top5: int = 0  # top-5 suggestions that are labels
    shown_top5: int = 0
    bad: list[str] = field(default_factory=list)  # generic words and fragments in the top 5

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 0.0

    @property
    def ceiling(self) -> float:
        """The highest recall@10 possible: below 1 when articles have more than ten labels."""
        return self.reachable / self.labels if self.labels else 0.0

    @property
    def precision(self) -> float:
        return self.right_top5 / self.shown_top5 if self.shown_top5 else 0.0


def _insert_written(session: Session, articles: tuple[WrittenArticle, ...], stem: str) -> list[int]:
    """One issue holding written articles (inserted as the importer would leave them)."""
    now = utcnow()
    issue_id = session.scalars(
        insert(Issue).returning(Issue.id),
        [
            {
                "source_name": f"{stem}.txt",
                "source_stem": stem,
                "sha256": hashlib.sha256(stem.encode()).hexdigest(),
                "encoding": "utf-8",
                "char_count": 0,
                "imported_at": now,
            }
        ],
    ).one()
    ids: list[int] = []
    for position, art in enumerate(articles):
        article_id = session.scalars(
            insert(Article).returning(Article.id),
            [
                {
                    "issue_id": issue_id,
                    "position": position,
                    "title": art.title,
                    "source": art.source,
                    "span_start": 0,
                    "span_end": 0,
                    "updated_at": now,
                }
            ],
        ).one()
        blocks = [("title", art.title), *(("paragraph", p) for p in art.paragraphs)]
        session.execute(
            insert(Block),
            [
                {"article_id": article_id, "position": i, "role": role, "text": text, "pieces": []}
                for i, (role, text) in enumerate(blocks)
            ],
        )
        if art.people:
            session.execute(
                insert(Contributor),
                [
                    {"article_id": article_id, "position": i, "name": name, "role": role}
                    for i, (name, role) in enumerate(art.people)
                ],
            )
        ids.append(article_id)
    return ids


def build_library(work: Path, corpus: Path) -> tuple[Library, dict[str, list[tuple[int, frozenset[str]]]]]:
    """The library and, per part, (article id, archivist's tags)."""
    from reader.core import segmenter
    from reader.services.importing import import_files
    from reader.services.tag_idf import refresh_idf
    from reader.services.tag_phrases import recompute_phrases

    library = open_library(work / "quality.sqlite3")
    files = sorted(corpus.glob("*.txt"))
    with library.write_session() as session:
        report = import_files(session, files)
    if not report.ok:
        raise SystemExit(f"the corpus did not import: {report}")
    with library.writing() as session:
        written_ids = _insert_written(session, WRITTEN, "written")
        new_ids = _insert_written(session, NEW, "new")
        written_parts = {**DEVELOPMENT, **{name: held_out(name) for name in HELD_OUT}}
        part_ids = {name: _insert_written(session, arts, name) for name, arts in written_parts.items()}
    segmenter.ensure_loaded()
    with library.writing() as session:
        refresh_idf(session)
        recompute_phrases(session)
    parts: dict[str, list[tuple[int, frozenset[str]]]] = {"corpus": [], "written": [], "new": []}
    with library.session() as session:
        issues = {i.source_name[:3]: i.id for i in session.scalars(select(Issue))}
        for label in CORPUS:
            found = None
            for article in session.scalars(
                select(Article)
                .where(Article.issue_id == issues[label.issue_prefix])
                .order_by(Article.position)
            ):
                first = " ".join(b.text for b in article.blocks[:2])
                if first.startswith(label.starts) or label.starts in first[:60]:
                    found = article.id
                    break
            if found is None:
                raise SystemExit(f"no corpus article starts with {label.starts!r}")
            parts["corpus"].append((found, label.tags))
    parts["written"] = [(i, art.tags) for i, art in zip(written_ids, WRITTEN, strict=True)]
    parts["new"] = [(i, art.tags) for i, art in zip(new_ids, NEW, strict=True)]
    for name, arts in written_parts.items():
        parts[name] = [(i, art.tags) for i, art in zip(part_ids[name], arts, strict=True)]
    return library, parts


def held_out(name: str) -> tuple[WrittenArticle, ...]:
    """The articles of the held-out part ``name`` (``NEW7`` of ``bench/tagging_labels_new7.py``)."""
    module = importlib.import_module(f"tagging_labels_{name}")
    articles: tuple[WrittenArticle, ...] = getattr(module, name.upper())
    return articles


def _bad(top5: list[str], top10: list[str], labels: set[str], text: str = "") -> list[str]:
    """Generic words, and fragments: a part of another suggestion or of a label that is no label itself
    ("fragment"; "fragment only inside" when the article never names it but inside that longer name,
    the issue's sense: 金项目 of 自治金项目, not 黄浦区 of 黄浦区城管执法局 when 黄浦区 stands alone too)."""
    out = []
    for name in top5:
        key = fold(name)
        if key in GENERIC:
            out.append(f"{name} (generic)")
            continue
        longer = [o for o in {*map(fold, top10), *labels} if key != o and key in o]
        if key not in labels and longer:
            inside = bool(text) and all(_inside(text, at, key, longer) for at in positions_in(text, key))
            out.append(f"{name} (fragment only inside)" if inside else f"{name} (fragment)")
    return out


def _inside(text: str, at: int, key: str, longer: list[str]) -> bool:
    """Whether the mention of ``key`` at ``at`` is part of a mention of one of the ``longer`` names."""
    for name in longer:
        for offset in positions_in(name, key):
            start = at - offset
            if start >= 0 and text[start : start + len(name)] == name:
                return True
    return False


def _warm_suggestions(
    session: Session, article_id: int, others: set[str], limit: int, learned: bool
) -> list[TagSuggestion]:
    """Suggestions when the library already has the tags the archivist gave the *other* labelled articles."""
    from reader.core.tag_ranker import default_ranker
    from reader.core.tag_suggestions import KnownTag, suggest
    from reader.services.tag_idf import article_contents, library_idf
    from reader.services.tag_phrases import phrases_in

    content = article_contents(session, [article_id])[article_id]
    tags = [KnownTag(-n, name, fold(name), "topic") for n, name in enumerate(sorted(others), start=1)]
    return suggest(
        content,
        lambda terms: library_idf(session, terms),
        tags=tags,
        limit=limit,
        phrases=phrases_in(session, fold(content.headings + "\n" + content.body)),
        ranker=default_ranker() if learned else None,
    )


def evaluate(
    library: Library,
    parts: dict[str, list[tuple[int, frozenset[str]]]],
    verbose: Collection[str],
    warm: bool = False,
    learned: bool = True,
) -> list[Part]:
    from reader.services.tag_idf import article_contents
    from reader.services.tag_suggesting import suggest_for_article

    everything = [(a, tags) for articles in parts.values() for a, tags in articles]
    results = []
    with library.session() as session:
        for name, articles in parts.items():
            part = Part(name)
            for article_id, tags in articles:
                labels = {fold(t) for t in tags}
                if warm:
                    others = {t for a, ts in everything if a != article_id for t in ts}
                    found10 = _warm_suggestions(session, article_id, others, 10, learned)
                else:
                    found10 = suggest_for_article(session, article_id, limit=10, learned=learned)
                top10 = [s.name for s in found10]
                keys10 = [fold(n) for n in top10]
                found = labels & set(keys10)
                part.found += len(found)
                part.labels += len(labels)
                part.reachable += min(len(labels), 10)
                part.right_top5 += sum(1 for k in keys10[:5] if k in labels)
                part.shown_top5 += len(keys10[:5])
                content = article_contents(session, [article_id])[article_id]
                text = fold(content.headings + "\n" + content.body)
                bad = _bad(top10[:5], top10, labels, text)
                part.bad.extend(bad)
                if name in verbose:
                    shown = " ".join(f"{s.name}({s.reason[:3]},{s.kind[:3]})" for s in found10)
                    print(f"[{name} {article_id}] {len(found)}/{len(labels)}  top10: {shown}")
                    missed = sorted(labels - set(keys10))
                    if missed:
                        print(f"      missed: {' '.join(missed)}")
                    if bad:
                        print(f"      bad: {' '.join(bad)}")
            results.append(part)
    return results


def _sum(name: str, parts: Iterable[Part]) -> Part:
    out = Part(name)
    for part in parts:
        out.found += part.found
        out.labels += part.labels
        out.reachable += part.reachable
        out.right_top5 += part.right_top5
        out.shown_top5 += part.shown_top5
        out.bad.extend(part.bad)
    return out


def _with_totals(parts: list[Part]) -> list[Part]:
    """The parts, then corpus and written together ("old", the first rounds' set), then all ("all")."""
    old = _sum("old", (p for p in parts if p.name in ("corpus", "written")))
    return [*parts, old, _sum("all", parts)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument(
        "--verbose", action="store_true", help="print the tuned and development articles' suggestions"
    )
    parser.add_argument(
        "--held-out", action="store_true", help="also suggest for the held-out parts and count them"
    )
    parser.add_argument(
        "--show-held-out",
        action="store_true",
        help="with --verbose --held-out, print the held-out articles' too",
    )
    parser.add_argument(
        "--warm", action="store_true", help="also rank with the other articles' labels as the library's tags"
    )
    parser.add_argument(
        "--rules", action="store_true", help="rank by the rules' scores alone (without the learned ranker)"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        library, parts = build_library(Path(tmp), args.corpus)
        if not args.held_out:
            for name in HELD_OUT:
                del parts[name]
        try:
            shown_held_out = set(HELD_OUT) if args.show_held_out else set()
            visible = {"corpus", "written", "new", *DEVELOPMENT} | shown_held_out
            shown = visible if args.verbose else set()
            results = evaluate(library, parts, shown, learned=not args.rules)
            warm = evaluate(library, parts, shown, warm=True, learned=not args.rules) if args.warm else []
        finally:
            library.close()
    if warm:
        print("with the library's tags (the labels of the other articles, as an archivist's library has):")
        for part in _with_totals(warm):
            print(f"  {part.name:<8} recall@10 {part.recall:.3f}  precision@5 {part.precision:.3f}")
        print("without any tag in the library (a new library):")
    sizes = {name: len(articles) for name, articles in parts.items()}
    sizes["old"] = sizes["corpus"] + sizes["written"]
    sizes["all"] = sum(len(a) for a in parts.values())
    for part in _with_totals(results):
        print(
            f"{part.name:<8} {sizes[part.name]:>3} articles  recall@10 {part.recall:.3f}"
            f"  precision@5 {part.precision:.3f}  generic/fragments in top 5: {len(part.bad)}"
            f" ({sum(b.endswith('only inside)') for b in part.bad)} only inside)"
            + (f"  (recall@10 at most {part.ceiling:.3f})" if part.reachable < part.labels else "")
        )
    total = _with_totals(results)[-1]
    ok = True
    if total.bad:
        named = [bad for part in results if part.name in visible for bad in part.bad]
        hidden = sum(len(part.bad) for part in results if part.name not in visible)
        more = f" (and {hidden} in the held-out part: --show-held-out names them)" if hidden else ""
        print("in the top 5: " + (", ".join(named) or "none in the tuned parts") + more)
        ok = False
    if total.recall < RECALL_GOAL:
        print(f"recall@10 below the goal of {RECALL_GOAL}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
