"""The ``tags`` command line: list, add, remove, rename, merge, suggest (with JSON output)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from db.opening import open_library
from reader.cli import main
from reader.services.importing import import_files
from reader.services.library import list_articles
from tests.conftest import REPO, SAMPLE_ISSUE
from tests.template_library import new_library_file

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A library holding the sample issue."""
    path = str(new_library_file(tmp_path / "lib.sqlite3"))
    library = open_library(path)
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    library.close()
    return path


@pytest.fixture
def articles(db: str) -> list[int]:
    library = open_library(db)
    with library.session() as session:
        ids = [a.id for a in list_articles(session, 1)]
    library.close()
    return ids


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return _run


def test_add_list_rename_merge_remove(run: Run, db: str, articles: list[int]) -> None:
    a, b = str(articles[0]), str(articles[1])
    status, out, _ = run("tags", "add", "梅園街道", "--article", a, b, "--kind", "place", "--db", db)
    assert status == 0 and out.strip() == "tagged 2 articles with 梅園街道 (0 had it already)"
    status, out, _ = run("--db", db, "tags", "add", "梅园街道", "--article", a)  # one tag in any script
    assert "tagged 0 articles" in out and "1 had it already" in out
    assert run("tags", "add", "上海/梅园", "--article", a, "--article", b, "--db", db)[0] == 0

    status, out, _ = run("tags", "list", "--db", db)
    assert status == 0
    assert out.splitlines() == ["梅園街道\tplace\t2", "上海\ttopic\t0", "上海/梅园\ttopic\t2"]
    status, out, _ = run("tags", "list", "--json", "--db", db)
    records = [json.loads(line) for line in out.splitlines()]
    assert records[2] == {
        "id": records[2]["id"],
        "name": "梅园",
        "path": "上海/梅园",
        "kind": "topic",
        "parent": "上海",
        "colour": None,
        "articles": 2,
    }

    assert run("tags", "rename", "梅园", "梅园社区", "--db", db)[1].strip() == "renamed 梅园 to 梅园社区"
    status, out, _ = run("tags", "merge", "梅园社区", "梅园街道", "--db", db)
    assert status == 0 and out.strip() == "merged 梅园社区 into 梅園街道: 0 articles moved, 2 had both"
    status, out, _ = run("tags", "remove", "梅园街道", "--article", a, "--db", db)
    assert status == 0 and out.strip() == "removed 梅園街道 from 1 article"
    _, out, _ = run("tags", "list", "--db", db)
    assert out.splitlines() == ["梅園街道\tplace\t1", "上海\ttopic\t0"]


def test_the_tag_name_may_follow_the_article_ids(run: Run, db: str, articles: list[int]) -> None:
    a, b = str(articles[0]), str(articles[1])
    status, out, _ = run("tags", "add", "--article", a, b, "外滩", "--kind", "place", "--db", db)
    assert status == 0 and out.strip() == "tagged 2 articles with 外滩 (0 had it already)"
    assert run("tags", "list", "--db", db)[1].splitlines() == ["外滩\tplace\t2"]
    status, out, _ = run("tags", "remove", "--article", a, "--article", b, "外滩", "--db", db)
    assert status == 0 and out.strip() == "removed 外滩 from 2 articles"
    status, out, _ = run("tags", "add", "黄浦", "--article", a, "--db", db)  # the name first, as before
    assert status == 0 and "with 黄浦" in out


def test_a_missing_or_doubled_tag_name_is_a_usage_error(
    run: Run, db: str, articles: list[int], tmp_path: Path
) -> None:
    a = str(articles[0])
    status, _, err = run("tags", "add", "--article", a, "--db", db)
    assert status == 2 and "required: NAME" in err
    with pytest.raises(SystemExit) as usage:
        run("tags", "add", "外滩", "--article", a, "黄浦", "--db", db)  # a name before and after
    assert usage.value.code == 2
    status, _, err = run("tags", "add", "--article", a, "外滩", "--kind", "place", "黄浦", "--db", db)
    assert status == 2 and "外滩" in err and "黄浦" in err
    with pytest.raises(SystemExit) as usage:
        run("tags", "add", "--article", a, "外滩", "黄浦", "--db", db)  # two names after the ids
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        run("tags", "add", "--article", "外滩", a, "--db", db)  # the ids come first
    assert usage.value.code == 2
    assert run("tags", "list", "--db", db)[1] == ""  # nothing was tagged
    missing = tmp_path / "none.sqlite3"
    assert run("tags", "add", "--article", a, "--db", str(missing))[0] == 2
    assert not missing.exists()  # a usage error opens no library


def test_errors_exit_1_with_a_message(run: Run, db: str, articles: list[int]) -> None:
    a = str(articles[0])
    status, _, err = run("tags", "remove", "没有", "--article", a, "--db", db)
    assert status == 1 and err.startswith("error: no tag")
    status, _, err = run("tags", "add", "外滩", "--article", "999", "--db", db)
    assert status == 1 and "999" in err
    run("tags", "add", "甲", "--article", a, "--db", db)
    run("tags", "add", "乙", "--article", a, "--db", db)
    status, _, err = run("tags", "rename", "甲", "乙", "--db", db)
    assert status == 1 and "merge" in err
    with pytest.raises(SystemExit) as usage:
        run("tags", "add", "甲", "--db", db)  # --article is required
    assert usage.value.code == 2


def test_suggest_json_lines(run: Run, db: str, articles: list[int]) -> None:
    status, out, err = run("tags", "suggest", "--article", str(articles[0]), "--json", "--db", db)
    assert status == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert 0 < len(records) <= 10
    assert all({"name", "kind", "score"} <= set(r) for r in records)
    assert [r["score"] for r in records] == sorted((r["score"] for r in records), reverse=True)
    status, out, _ = run(
        "tags", "suggest", "--article", str(articles[0]), "--json", "--limit", "50", "--db", db
    )
    every = [json.loads(line) for line in out.splitlines()]
    assert every[: len(records)] == records  # a longer list starts with the same ten
    # the byline's people are offered, after the people the article is about
    assert {"林晓岚", "周启明"} <= {r["name"] for r in every if r["reason"] == "byline"}
    status, out, _ = run("tags", "suggest", "--article", str(articles[0]), "--limit", "2", "--db", db)
    assert status == 0 and len(out.splitlines()) == 2 and out.split("\t")[0] == records[0]["name"]


def test_output_stays_clean_in_a_fresh_process(db: str, articles: list[int], tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "main.py"),
            "tags",
            "suggest",
            "--article",
            str(articles[-1]),
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=dict(os.environ, JIAOKAN_CACHE_DIR=str(tmp_path / "cache")),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no jieba log lines
    assert result.stdout.strip()
    assert (tmp_path / "cache" / "jieba.cache").is_file()


def test_aliases_and_rules_on_the_command_line(run: Run, db: str, articles: list[int]) -> None:
    status, out, _ = run("tags", "rule", "add", "梅园街道", "梅园街道", "--kind", "place", "--db", db)
    assert status == 0 and out.strip() == "rule 1: tag every article that mentions 梅园街道 with 梅园街道"
    status, out, _ = run("tags", "rule", "list", "--json", "--db", db)
    assert json.loads(out) == {
        "id": 1,
        "tag": "梅园街道",
        "kind": "place",
        "pattern": "梅园街道",
        "regex": False,
    }
    status, out, _ = run("tags", "rule", "apply", "1", "--preview", "--db", db)
    assert status == 0 and out.startswith("rule 1 matches ")
    matched = int(out.split()[3])
    assert matched > 0 and f"{matched} article" in out.split(";")[1]
    status, out, _ = run("tags", "rule", "apply", "1", "--db", db)
    assert status == 0 and out.startswith(f"tagged {matched} article")
    status, out, _ = run("tags", "list", "--json", "--db", db)
    assert json.loads(out.splitlines()[0])["articles"] == matched
    status, out, _ = run("tags", "alias", "add", "梅园街道", "梅园", "--db", db)
    assert status == 0 and "梅园" in out
    status, out, _ = run("tags", "alias", "list", "--json", "--db", db)
    assert json.loads(out) == {"alias": "梅园", "tag": "梅园街道", "tag_id": 1}
    status, out, _ = run("tags", "list", "--filter", "梅园", "--db", db)  # found through the alias too
    assert out.startswith("梅园街道\tplace")
    status, _, err = run("tags", "alias", "add", "梅园街道", "梅园", "--db", db)
    assert status == 1 and "already an alias" in err
    status, out, _ = run("tags", "rule", "undo", "1", "--db", db)
    assert status == 0 and out.strip() == f"took the tag of rule 1 off {matched} articles"
    status, out, _ = run("tags", "rule", "remove", "1", "--db", db)
    assert out.strip() == "removed rule 1 (the tags it added stay)"  # its alias keeps the tag
    assert status == 0 and run("tags", "rule", "list", "--db", db)[1] == ""
    typo = run("tags", "rule", "add", "梅圆街道", "梅园街道", "--db", db)[1].split(":")[0].split()[1]
    status, out, _ = run("tags", "rule", "remove", typo, "--db", db)  # a typo, never applied
    assert status == 0 and out.strip() == (
        f"removed rule {typo} (the tags it added stay);"
        " its tag 梅圆街道, which nothing else has, went with it"
    )
    assert "梅圆街道" not in run("tags", "list", "--db", db)[1]
    status, _, err = run("tags", "rule", "apply", "7", "--db", db)
    assert status == 1 and "no tag rule 7" in err


def test_suggest_finds_the_librarys_phrases_first(run: Run, db: str, articles: list[int]) -> None:
    from reader.services.tag_phrases import library_phrases

    status, out, _ = run("tags", "suggest", "--article", str(articles[-1]), "--json", "--db", db)
    assert status == 0 and all("detail" in json.loads(line) for line in out.splitlines())
    library = open_library(db)
    with library.session() as session:
        assert "梅园街道" in library_phrases(session)
    library.close()


def test_a_regular_expression_rule_is_said_as_one(run: Run, db: str, articles: list[int]) -> None:
    status, out, _ = run("tags", "rule", "add", "河道", "河长?制", "--regex", "--db", db)
    assert status == 0
    assert out.strip() == "rule 1: tag every article that matches the regular expression 河长?制 with 河道"
    status, _, err = run("tags", "rule", "add", "每篇", ".*", "--regex", "--db", db)
    assert status == 1 and "matches empty text" in err


def test_a_name_after_each_article_option_is_a_usage_error_not_the_last_kept(
    run: Run, db: str, articles: list[int]
) -> None:
    a, b = str(articles[0]), str(articles[1])
    for action in ("add", "remove"):
        with pytest.raises(SystemExit) as usage:
            run("tags", action, "--article", a, "外滩", "--article", b, "黄浦", "--db", db)
        assert usage.value.code == 2
    assert run("tags", "list", "--db", db)[1] == ""  # 黄浦 was not added in place of 外滩


def test_a_missing_name_shows_the_usage_and_how_to_give_a_name_of_digits(
    run: Run, db: str, articles: list[int]
) -> None:
    a = str(articles[0])
    status, _, err = run("tags", "add", "--article", a, "2024", "--db", db)
    assert status == 2
    assert err.startswith("usage: jiaokan tags add ")  # as argparse's usage errors
    assert "jiaokan tags add: error: the following arguments are required: NAME" in err
    assert "-- 2024" in err
    status, out, _ = run("tags", "add", "--db", db, "--article", a, "--", "2024")
    assert status == 0 and "with 2024" in out


def test_a_name_str_isdigit_calls_digits_may_follow_the_ids(run: Run, db: str, articles: list[int]) -> None:
    status, out, _ = run("tags", "add", "--article", str(articles[0]), "①", "--db", db)
    assert status == 0 and out.strip() == "tagged 1 article with ① (0 had it already)"


def test_the_usage_line_shows_the_name_as_required(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("add", "remove"):
        with pytest.raises(SystemExit) as done:
            main(["tags", action, "--help"])
        assert done.value.code == 0
        usage = " ".join(capsys.readouterr().out.split("\n\n")[0].split())
        assert usage.startswith(
            f"usage: jiaokan tags {action} [-h] [--db PATH_OR_URL] NAME --article ID [ID ...]"
        )
        assert "[NAME]" not in usage


def test_ids_are_ascii_digits_only_full_width_digits_are_a_name(
    run: Run, db: str, articles: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    a = str(articles[0])
    status, out, _ = run("tags", "add", "--article", a, "１２", "--db", db)  # full-width 12: a name
    assert status == 0 and out.strip() == "tagged 1 article with １２ (0 had it already)"
    status, out, _ = run("tags", "remove", "--article", a, "１２", "--db", db)
    assert status == 0 and out.strip() == "removed １２ from 1 article"
    for not_an_id in ("１２", "٣", "+1", " 1", "1_0"):  # full-width, Arabic-Indic, sign, space, underscore
        with pytest.raises(SystemExit) as usage:
            run("tags", "add", "外滩", "--article", not_an_id, "--db", db)
        assert usage.value.code == 2
        assert f"not a whole number: {not_an_id!r}" in capsys.readouterr().err
