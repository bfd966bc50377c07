"""Two processes on one library: no lost update, no unhandled "database is locked".

Each worker process (this file run as a script) makes edits through the real
save path (``save_or_recover``: ``save_article_text`` with its version check
in a ``BEGIN IMMEDIATE`` transaction, retried while locked).  Every edit
appends the worker's own token to an article's first block, so a lost update
would show as a missing token.  A save based on a stale version must raise
StaleVersion carrying both texts; the worker then reloads and edits again.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

EDITS = 30


def worker(library_path: str, name: str, articles: list[int], start_at: float, seed: int) -> dict[str, Any]:
    """Make ``EDITS`` edits on ``articles``; returns what was saved and every conflict seen."""
    from sqlalchemy import select

    from db.models import Article, Block
    from db.opening import open_library
    from reader.services.recovery import save_or_recover
    from reader.services.tracking.saving import StaleVersion

    rng = random.Random(seed)
    library = open_library(library_path)
    saved: dict[int, list[str]] = {a: [] for a in articles}
    conflicts = 0
    problems: list[str] = []
    time.sleep(max(0.0, start_at - time.time()))
    for n in range(EDITS):
        article = rng.choice(articles)
        token = f"[{name}{n}]"
        while True:
            with library.session() as session:
                version = session.get_one(Article, article).version
                texts = list(
                    session.scalars(
                        select(Block.text).where(Block.article_id == article).order_by(Block.position)
                    )
                )
            time.sleep(rng.uniform(0, 0.004))  # the user types
            edit = [texts[0] + token, *texts[1:]]
            try:
                attempt = save_or_recover(library, article, edit, author=name, base_version=version)
            except StaleVersion as stale:
                conflicts += 1
                mine, theirs = list(stale.submitted.values()), list(stale.stored.values())
                if mine != edit or theirs == texts or stale.stored_version <= version:
                    problems.append(f"StaleVersion without both texts: {stale}")
                continue
            if not attempt.saved:
                problems.append(f"save kept in a recovery file instead: {attempt.error}")
            saved[article].append(token)
            break
    library.close()
    return {"saved": saved, "conflicts": conflicts, "problems": problems}


def _run_workers(library: Path, plan: dict[str, list[int]]) -> list[dict[str, Any]]:
    start_at = time.time() + 1.5  # both start writing together, after their imports
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, str(library), name, json.dumps(articles), str(start_at), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for seed, (name, articles) in enumerate(plan.items())
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err  # no unhandled error, "database is locked" included
        assert "locked" not in err
        results.append(json.loads(out))
    return results


def test_two_processes_editing_same_and_different_articles_lose_nothing(tmp_path: Path) -> None:
    from sqlalchemy import select

    from db.integrity import verify_hashes
    from db.models import Article, Block
    from db.opening import open_library
    from tests.safety_support import add_articles

    path = tmp_path / "shared.sqlite3"
    library = open_library(path)
    shared_a, shared_b, own_x, own_y = add_articles(library, articles=4, blocks=2)
    library.close()
    results = _run_workers(path, {"X": [shared_a, shared_b, own_x], "Y": [shared_a, shared_b, own_y]})
    assert [r["problems"] for r in results] == [[], []]

    library = open_library(path)
    with library.session() as session:
        for article in (shared_a, shared_b, own_x, own_y):
            first = session.scalars(
                select(Block.text).where(Block.article_id == article, Block.position == 0)
            ).one()
            tokens = [t for r in results for t in r["saved"].get(str(article), [])]
            for token in tokens:
                assert first.count(token) == 1, f"article {article} lost the update {token}"
            assert session.get_one(Article, article).version == 1 + len(tokens)
        assert verify_hashes(session) == []
    library.close()
    total = sum(len(t) for r in results for t in r["saved"].values())
    assert total == 2 * EDITS


def test_a_stale_save_reports_both_texts_and_overwrites_nothing(tmp_path: Path) -> None:
    import pytest

    from db.opening import open_library
    from reader.services.recovery import save_or_recover
    from reader.services.tracking.saving import StaleVersion
    from tests.safety_support import add_articles

    path = tmp_path / "shared.sqlite3"
    first, second = open_library(path), open_library(path)  # two independent connections, as two processes
    [article] = add_articles(first, articles=1, blocks=1)
    assert save_or_recover(first, article, ["甲的修改"], author="甲", base_version=1).saved
    with pytest.raises(StaleVersion) as raised:
        save_or_recover(second, article, ["乙的修改"], author="乙", base_version=1)
    assert list(raised.value.submitted.values()) == ["乙的修改"]
    assert list(raised.value.stored.values()) == ["甲的修改"]
    assert raised.value.stored_version == 2
    with second.session() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT text FROM block")).scalar() == "甲的修改"
    first.close()
    second.close()


def test_two_processes_opening_a_new_library_at_once(tmp_path: Path) -> None:
    """Both create (migrate) the same new library at the same moment: neither fails."""
    path = tmp_path / "new.sqlite3"
    start_at = time.time() + 1.0
    code = (
        "import sys, time\n"
        "from db.opening import open_library\n"
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
        "open_library(sys.argv[1]).close()\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path), str(start_at)],
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(2)
    ]
    errors = [p.communicate(timeout=60)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], errors


if __name__ == "__main__":
    _path, _name, _articles, _start, _seed = sys.argv[1:]
    print(json.dumps(worker(_path, _name, json.loads(_articles), float(_start), int(_seed))))
