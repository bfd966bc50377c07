"""jieba's tables saved in slices: a later start loads them and cuts exactly as jieba's own load does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jieba

from reader.core import jieba_tables
from tests.conftest import SAMPLE_ISSUE

REPO = Path(__file__).resolve().parents[1]

_LOAD = """
import hashlib, json, sys
from reader.core import segmenter
segmenter.ensure_loaded()
import jieba, jieba.posseg
text = open(sys.argv[1], encoding="utf-8").read()
cut = [(t.word, t.pos) for t in segmenter.tokens(text)]
freq = hashlib.sha256(repr(sorted(jieba.dt.FREQ.items())).encode()).hexdigest()
tags = hashlib.sha256(repr(sorted(jieba.posseg.dt.word_tag_tab.items())).encode()).hexdigest()
emit = hashlib.sha256(repr(sorted((k, sorted(v.items())) for k, v in jieba.posseg.emit_P.items())).encode())
print(json.dumps({"cache": str(segmenter.loaded_cache_file()), "cut": cut, "total": jieba.dt.total,
                  "freq": freq, "tags": tags, "emit": emit.hexdigest()}))
"""


def _load(cache: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _LOAD, str(SAMPLE_ISSUE)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=dict(os.environ, JIAOKAN_CACHE_DIR=str(cache)),
        check=True,
        timeout=180,
    )
    assert result.stderr == ""
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def test_a_later_start_loads_the_sliced_tables_and_cuts_as_jieba_does(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _load(cache)  # jieba's own way; its tables are saved
    assert first["cache"] == str(cache / "jieba.cache")
    assert (cache / jieba_tables.FILE).is_file()
    later = _load(cache)
    assert later["cache"] == str(cache / jieba_tables.FILE)
    assert later == {**first, "cache": later["cache"]}  # the same dictionary, tags, model and cut
    assert len(first["cut"]) > 500  # type: ignore[arg-type]


def test_damaged_or_foreign_tables_are_not_used(tmp_path: Path) -> None:
    tables = jieba_tables.Tables(
        {"社区": 10, "社": 0}, 10, {"社区": "n"}, {name: {"x": 1.0} for name in jieba_tables.POS_MODELS}
    )
    path = jieba_tables.save(tmp_path, jieba, tables)
    loaded = jieba_tables.load(tmp_path, jieba)
    assert loaded is not None and loaded.freq == tables.freq and loaded.word_tag == tables.word_tag
    assert loaded.total == 10 and loaded.models == tables.models

    whole = path.read_bytes()
    path.write_bytes(whole[:-3])  # cut short
    assert jieba_tables.load(tmp_path, jieba) is None
    path.write_bytes(whole + b"\0")  # something after the last slice
    assert jieba_tables.load(tmp_path, jieba) is None
    path.write_bytes(b"not tables at all")
    assert jieba_tables.load(tmp_path, jieba) is None

    path.write_bytes(whole)
    other = tmp_path / "other jieba"  # the same files, another dictionary: made from something else
    (other / "posseg").mkdir(parents=True)
    package = Path(jieba.__file__).parent
    (other / "dict.txt").write_text("社区 10 n\n", encoding="utf-8")
    for name in jieba_tables.POS_MODELS:
        (other / "posseg" / f"{name}.py").write_bytes((package / "posseg" / f"{name}.py").read_bytes())

    class OtherJieba:
        __file__ = str(other / "__init__.py")
        __version__ = jieba.__version__

    assert jieba_tables.load(tmp_path, OtherJieba()) is None
    assert jieba_tables.load(tmp_path, jieba) is not None


def test_a_file_left_by_a_start_killed_while_saving_is_removed(tmp_path: Path) -> None:
    tables = jieba_tables.Tables(
        {"社区": 10}, 10, {"社区": "n"}, {name: {} for name in jieba_tables.POS_MODELS}
    )
    stale, fresh = tmp_path / ".jieba-tables-old", tmp_path / ".jieba-tables-now"
    stale.write_bytes(b"half written")
    fresh.write_bytes(b"being written by another start")
    os.utime(stale, (1_000_000, 1_000_000))
    jieba_tables.save(tmp_path, jieba, tables)
    assert not stale.exists() and fresh.exists()
    assert jieba_tables.load(tmp_path, jieba) is not None
