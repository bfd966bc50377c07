"""jieba's tables, kept in the cache folder in small slices, so that loading them never holds the GUI.

jieba keeps its prefix dictionary (half a million words) in one marshal object, and its POS model
in modules whose compiled form is one big constant each.  Loading either is one C call that holds
Python's global lock for 150–770 ms: the window, whose thread needs the lock to paint, froze that
long while jieba loaded in a background worker (and reading the words' parts of speech from its
dictionary file, line by line, cost 0.4 s more at every start).  Here the same tables are written, once, as a
sequence of small marshal objects (:data:`SLICE` entries each) and read back one by one: between
two, the GUI thread takes the lock.

The file starts with a header naming what it was made from (:func:`fingerprint`: this module's
format, jieba's version, and the size and time of jieba's dictionary and model files); a file made
from anything else, or damaged, is ignored and written again (:func:`save`, atomically).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import marshal
import os
import sys
import tempfile
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "jiaokan-jieba-tables-1"
FILE = "jieba.tables"
SLICE = 4096  # entries per marshal object: a few milliseconds each
POS_MODELS = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")  # modules of jieba.posseg


@dataclass(slots=True)
class Tables:
    """jieba's prefix dictionary (``FREQ``, ``total``), its words' parts of speech (the POS
    tokenizer's ``word_tag_tab``) and the ``P`` table of each POS model module."""

    freq: dict[str, int]
    total: int
    word_tag: dict[str, str]
    models: dict[str, dict[Any, Any]]


def _source_files(jieba: Any) -> list[Path]:
    package = Path(jieba.__file__).parent
    return [package / "dict.txt", *(package / "posseg" / f"{name}.py" for name in POS_MODELS)]


def fingerprint(jieba: Any) -> str:
    """What the tables are made from: a change of any of it makes them be written again."""
    parts = [FORMAT, str(getattr(jieba, "__version__", "?"))]
    for path in _source_files(jieba):
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _slices(table: dict[Any, Any]) -> Iterator[dict[Any, Any]]:
    """``table`` in dicts of about :data:`SLICE` entries (a nested table by its inner entries)."""
    part: dict[Any, Any] = {}
    size = 0
    for key, value in table.items():
        part[key] = value
        size += len(value) if isinstance(value, dict) else 1
        if size >= SLICE:
            yield part
            part, size = {}, 0
    if part:
        yield part


_HEAD = 8  # bytes: the length of the header that follows them
_TEMP = ".jieba-tables-"  # a file being written
_STALE_S = 600  # seconds: a file being written that is older was left by a start that was killed


def save(folder: Path, jieba: Any, tables: Tables) -> Path:
    """Write ``tables`` to ``folder`` (atomically: a reader sees the old file or the whole new one).

    The file: the header's length (8 bytes), the header (what the tables are made from, jieba's
    total, the tables' names and the length of each of their slices), then the slices.
    """
    named: dict[str, dict[Any, Any]] = {"freq": tables.freq, "word_tag": tables.word_tag, **tables.models}
    blobs = [[marshal.dumps(part) for part in _slices(table)] for table in named.values()]
    header = marshal.dumps(
        (fingerprint(jieba), tables.total, list(named), [[len(b) for b in t] for t in blobs])
    )
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{_TEMP}*"):  # left by a start killed while saving (not one saving now)
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > _STALE_S:
                stale.unlink()
    fd, temp = tempfile.mkstemp(dir=folder, prefix=_TEMP)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(len(header).to_bytes(_HEAD, "little"))
            out.write(header)
            for table_blobs in blobs:
                out.writelines(table_blobs)
        os.replace(temp, folder / FILE)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return folder / FILE


def load(folder: Path, jieba: Any) -> Tables | None:
    """The tables saved in ``folder`` for this jieba, read a slice at a time; None when there are none
    (or they were made from other files, or are damaged)."""
    try:
        data = memoryview((folder / FILE).read_bytes())  # reading releases the lock
        end = _HEAD + int.from_bytes(data[:_HEAD], "little")
        made_from, total, names, lengths = marshal.loads(data[_HEAD:end])
        if made_from != fingerprint(jieba) or names != ["freq", "word_tag", *POS_MODELS]:
            return None
        read: dict[str, dict[Any, Any]] = {}
        for name, sizes in zip(names, lengths, strict=True):
            table: dict[Any, Any] = {}
            for size in sizes:  # one short C call a slice: the GUI thread gets the lock in between
                table.update(marshal.loads(data[end : end + size]))
                end += size
            read[name] = table
        if end != len(data):
            return None
    except (OSError, EOFError, ValueError, TypeError):
        return None
    freq, word_tag = read.pop("freq"), read.pop("word_tag")
    return Tables(freq, int(total), word_tag, read)


def import_posseg(jieba: Any, tables: Tables) -> Any:
    """Import ``jieba.posseg`` on ``tables``: its model modules and its words' parts of speech come
    from them, not from the compiled modules and the dictionary file."""
    for name, table in tables.models.items():
        module = types.ModuleType(f"jieba.posseg.{name}")
        module.P = table  # type: ignore[attr-defined]
        sys.modules[module.__name__] = module
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")  # the POS tokenizer reads no line of it
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        del jieba.dt.get_dict_file  # the method again
    posseg.dt.word_tag_tab = tables.word_tag
    return posseg


def collect(jieba: Any, posseg: Any) -> Tables:
    """The tables of a jieba loaded its own way (to :func:`save` them)."""
    models = {name: sys.modules[f"{posseg.__name__}.{name}"].P for name in POS_MODELS}
    return Tables(jieba.dt.FREQ, jieba.dt.total, posseg.dt.word_tag_tab, models)
