"""The synthetic archive generator used by the benchmarks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import synth
from bench.synth import build_archive
from reader.core.decoding import read_issue_file

CUT = re.compile(r"[^\n]\n{4,}[^\n]")  # a paragraph continued after a run of blank lines
HAN = re.compile(r"[\u4e00-\u9fff]+")


def texts(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def test_same_seed_same_archive(tmp_path: Path) -> None:
    one = build_archive(tmp_path / "one", n_issues=5, seed=3)
    two = build_archive(tmp_path / "two", n_issues=5, seed=3)
    other = build_archive(tmp_path / "other", n_issues=5, seed=4)
    assert [p.name for p in one] == [p.name for p in two] == sorted(p.name for p in one)
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]
    assert all(a.read_bytes() != b.read_bytes() for a, b in zip(one, other, strict=True))
    fewer = build_archive(tmp_path / "fewer", n_issues=2, seed=3)
    assert [p.read_bytes() for p in fewer] == [p.read_bytes() for p in one[:2]]


def test_issues_look_like_issues(tmp_path: Path) -> None:
    paths = build_archive(tmp_path, n_issues=40, seed=0)
    assert len(paths) == 40 and all(p.parent == tmp_path for p in paths)
    issues = texts(paths)
    lengths = [len(t) for t in issues]
    assert 7000 <= sum(lengths) / len(lengths) <= 9000
    for path, text in zip(paths, issues, strict=True):
        assert read_issue_file(path).encoding == "utf-8"
        bylines = len(re.findall(r"^(?:□ 通讯员|□文|记者) \S", text, flags=re.M))
        assert 3 <= bylines <= 10
        assert "\r" not in text and "\t" not in text
    assert sum("图片新闻" in t for t in issues) >= 5
    assert sum(bool(CUT.search(t)) for t in issues) >= 10
    assert sum(bool(re.search(r"\([^()\n]{1,12}办\)$", t, flags=re.M)) for t in issues) >= 20
    assert sum(bool(re.search(r"^——", t, flags=re.M)) for t in issues) >= 20
    assert sum(bool(re.search(r"^● ", t, flags=re.M)) for t in issues) >= 10


def test_vocabulary_is_not_tiny(tmp_path: Path) -> None:
    issues = texts(build_archive(tmp_path, n_issues=20, seed=1))
    bigrams = {run[i : i + 2] for text in issues for run in HAN.findall(text) for i in range(len(run) - 1)}
    bylines = {m for text in issues for m in re.findall(r"^□ 通讯员 (\S+)$", text, flags=re.M)}
    assert len(bigrams) > 5000
    assert len(bylines) > 40


def test_without_corpus_falls_back_to_built_in_words(tmp_path: Path) -> None:
    paths = build_archive(tmp_path / "out", n_issues=5, seed=0, corpus_dir=tmp_path / "no-corpus")
    issues = texts(paths)
    assert all(6000 <= len(t) <= 10000 for t in issues)
    assert all("□ 通讯员" in t or "□文" in t or "记者" in t for t in issues)
    assert issues != texts(build_archive(tmp_path / "again", n_issues=5, seed=1, corpus_dir=tmp_path / "x"))


@pytest.mark.corpus
def test_uses_the_corpus_without_copying_it(tmp_path: Path, corpus_files: list[Path]) -> None:
    corpus_lines = [
        line.strip()
        for path in corpus_files
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) >= 12
    ]
    source = Path(synth.__file__).read_text(encoding="utf-8")
    assert not [line for line in corpus_lines if line[:12] in source]
    archive = "".join(texts(build_archive(tmp_path, n_issues=5, seed=0)))
    sentences = {s for line in corpus_lines for s in re.findall(r"[^。]{12,}。", line)}
    assert sum(s in archive for s in sentences) >= 5


def test_two_hundred_issues_are_written(tmp_path: Path) -> None:
    assert len(build_archive(tmp_path, n_issues=200, seed=0)) == 200


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "archive"
    assert synth.main(["--n", "3", "--out", str(out), "--seed", "7"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["synth_00000.txt", "synth_00001.txt", "synth_00002.txt"]
    assert "wrote 3 issues" in capsys.readouterr().err


def test_negative_count_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="negative"):
        build_archive(tmp_path, n_issues=-1)
