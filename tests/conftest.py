"""Shared fixtures: an isolated data folder per test, the corpus, a real temporary library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Library, open_library

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO.parent / "shared" / "corpus"
SAMPLE_ISSUE = REPO / "resources" / "samples" / "sample_issue.txt"


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real library, settings or cache from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JIAOKAN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JIAOKAN_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def corpus_files() -> list[Path]:
    """The three real issues in ../shared/corpus (skips when the corpus is absent)."""
    files = sorted(CORPUS_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"corpus not found at {CORPUS_DIR} (it lives in ../shared/corpus beside the clone)")
    return files


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """A real, empty library in a temporary SQLite file."""
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()
