"""Five processes on one PostgreSQL library: four editors and an importer, no lost update.

Two editors share two articles, two others edit one article each, and a fifth
process imports issues (one transaction per file) all the while.  The editors
are ``tests/test_concurrency.py`` run as a script: every acknowledged save
appends the editor's own token to an article's first block, so a lost update
would show as a missing token, and a stale save must carry both texts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.integrity import verify_hashes
from db.models import Article, Block, Issue
from db.opening import open_library
from tests.conftest import SAMPLE_ISSUE
from tests.safety_support import add_articles
from tests.test_concurrency import EDITS, REPO

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

IMPORTS = 6
EDITOR = "tests/test_concurrency.py"
_IMPORTER = """
import json, sys, time
from db.opening import open_library
from reader.services.importing import import_files
library = open_library(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
ids = []
for path in sys.argv[3:]:
    with library.write_session() as session:
        [result] = import_files(session, [path]).results
    ids.append(result.issue_id)
library.close()
print(json.dumps(ids))
"""


def test_four_editors_and_an_importer_lose_nothing(postgres_url: str, tmp_path: Path) -> None:
    library = open_library(postgres_url)
    shared_a, shared_b, own_w, own_x = add_articles(library, articles=4, blocks=2)
    library.close()
    files = []
    for n in range(IMPORTS):
        path = tmp_path / f"issue{n}.txt"
        path.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + f"\n第{n}号补记。\n", encoding="utf-8")
        files.append(str(path))
    start_at = time.time() + 2.5
    timing = [str(start_at)]
    plan = {"W": [shared_a, shared_b], "X": [shared_a, shared_b], "Y": [own_w], "Z": [own_x]}
    editors = [
        subprocess.Popen(
            [
                sys.executable,
                "tests/test_concurrency.py",
                postgres_url,
                name,
                json.dumps(ids),
                *timing,
                str(seed),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for seed, (name, ids) in enumerate(plan.items())
    ]
    importer = subprocess.Popen(
        [sys.executable, "-c", _IMPORTER, postgres_url, str(start_at), *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    results = []
    for process in editors:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err  # zero unhandled errors
        results.append(json.loads(out))
    out, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    imported = json.loads(out)
    assert len(imported) == IMPORTS and None not in imported

    assert [r["problems"] for r in results] == [[]] * 4
    print("conflicts detected:", [r["conflicts"] for r in results])
    library = open_library(postgres_url)
    with library.session() as session:
        for article in (shared_a, shared_b, own_w, own_x):
            first = session.scalars(
                select(Block.text).where(Block.article_id == article, Block.position == 0)
            ).one()
            tokens = [t for r in results for t in r["saved"].get(str(article), [])]
            for token in tokens:  # every acknowledged save is present, exactly once
                assert first.count(token) == 1, f"article {article} lost the update {token}"
            assert session.get_one(Article, article).version == 1 + len(tokens)
        assert sum(len(t) for r in results for t in r["saved"].values()) == 4 * EDITS
        assert session.scalar(select(func.count()).select_from(Issue)) == 1 + IMPORTS
        assert verify_hashes(session) == []
    library.close()
