"""Benchmark the bigram FTS5 search index on synthetic articles.

Builds N synthetic articles (Zipf-distributed words over a fixed alphabet of
common characters, some traditional, with punctuation and line breaks), indexes
them into a fresh SQLite file and prints the indexing rate, query latencies
(p50/p95 over 20 queries of each kind) and whether every result equals a
plain substring scan over the folded texts.

    .venv/bin/python bench/search_bench.py --articles 20000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.script import search_fold
from reader.core.search_index import create_index_ddl, index_rows, search_ids

# ~500 common characters, most frequent first, plus a few traditional forms.
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
    "队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单"
    "风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土"
    "许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
    "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置"
    "派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严陸家嘴社區書報導們國說時東會發"
)
PUNCTUATION = "，，，，。。。、；：“”（）"
FIRST_PAGE = 100  # what a results list shows first


def synthesize(count: int, length: int, seed: int) -> list[str]:
    """``count`` articles of about ``length`` characters each."""
    rng = random.Random(seed)
    char_weights = [1 / (rank + 1) for rank in range(len(ALPHABET))]
    vocab = list(
        dict.fromkeys(
            "".join(rng.choices(ALPHABET, weights=char_weights, k=rng.choice((1, 2, 2, 2, 3, 4))))
            for _ in range(8000)
        )
    )
    word_cum = list(_cumulative([1 / (rank + 1) ** 0.9 for rank in range(len(vocab))]))
    articles = []
    for _ in range(count):
        words = rng.choices(vocab, cum_weights=word_cum, k=length // 2)
        parts: list[str] = []
        size = 0
        for i, word in enumerate(words):
            parts.append(word)
            size += len(word)
            if i % 7 == 6:
                parts.append("\n" if rng.random() < 0.15 else rng.choice(PUNCTUATION))
                size += 1
            if size >= length:
                break
        articles.append("".join(parts))
    return articles


def _cumulative(weights: list[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


def _engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def _queries(rng: random.Random, articles: list[str]) -> dict[str, list[str]]:
    def piece(size: int) -> str:
        while True:
            text = rng.choice(articles)
            start = rng.randrange(len(text) - size)
            word = text[start : start + size]
            if len(word.split()) == 1 and len(word) == size:
                return word

    return {
        "1-char": [piece(1) for _ in range(20)],
        "2-char": [piece(2) for _ in range(20)],
        "4-char": [piece(4) for _ in range(20)],
        "2-word": [f"{piece(2)} {piece(2)}" for _ in range(20)],
        "1+2": [f"{piece(1)} {piece(2)}" for _ in range(20)],  # one-character words join the other table
    }


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=80_000)
    parser.add_argument("--chars", type=int, default=1_000, help="characters per article")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--verify", type=int, default=0, help="articles to scan (0 = all)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    articles = synthesize(args.articles, args.chars, args.seed)
    total_chars = sum(map(len, articles))
    elapsed = time.perf_counter() - start
    print(f"synthesised {len(articles):,} articles, {total_chars:,} chars in {elapsed:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite3"
        engine = _engine(path)
        with engine.begin() as conn:
            for statement in create_index_ddl():
                conn.exec_driver_sql(statement)
        start = time.perf_counter()
        with engine.begin() as conn:
            index_rows(conn, enumerate(articles, start=1))
        elapsed = time.perf_counter() - start
        print(
            f"indexed in {elapsed:.1f} s: {total_chars / elapsed:,.0f} chars/s; "
            f"database {path.stat().st_size / 1e6:,.0f} MB"
        )

        rng = random.Random(args.seed + 1)
        scan_count = args.verify or len(articles)
        folded = [search_fold(text) for text in articles[:scan_count]]
        all_equal = True
        with engine.connect() as conn:
            search_ids(conn, "的")  # warm the page cache once
            for kind, queries in _queries(rng, articles).items():
                times: list[float] = []
                limited: list[float] = []
                cpu: list[float] = []  # CPU time: comparable while other processes load the machine
                cpu_limited: list[float] = []
                hits = []
                for query in queries:
                    t0, c0 = time.perf_counter(), time.process_time()
                    ids = search_ids(conn, query)
                    times.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                    t0, c0 = time.perf_counter(), time.process_time()
                    first = search_ids(conn, query, limit=FIRST_PAGE)
                    limited.append((time.perf_counter() - t0) * 1000)
                    cpu_limited.append((time.process_time() - c0) * 1000)
                    hits.append(len(ids))
                    words = search_fold(query).split()
                    expected = [
                        i + 1 for i in range(scan_count - 1, -1, -1) if all(w in folded[i] for w in words)
                    ]
                    all_equal &= [i for i in ids if i <= scan_count] == expected
                    all_equal &= first == ids[:FIRST_PAGE]
                print(
                    f"{kind:>7}: all hits p50 {statistics.median(times):6.2f} ms p95 {_p95(times):6.2f} ms | "
                    f"first {FIRST_PAGE} p50 {statistics.median(limited):5.2f} ms p95 {_p95(limited):5.2f} ms"
                    f" | median hits {statistics.median(hits):,.0f}"
                )
                print(
                    f"{'':>7}  CPU: all hits p50 {statistics.median(cpu):6.2f} ms p95 {_p95(cpu):6.2f} ms | "
                    f"first {FIRST_PAGE} p50 {statistics.median(cpu_limited):5.2f} ms "
                    f"p95 {_p95(cpu_limited):5.2f} ms"
                )
        engine.dispose()
    print(f"results equal a substring scan over {scan_count:,} articles: {all_equal}")
    return 0 if all_equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
