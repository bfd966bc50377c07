"""``show`` and ``structure``: the front page repaired from the command line, clear errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.opening import open_library
from reader.cli import main
from reader.services.library import list_articles
from reader.services.segmentation_rows import issue_coverage
from tests.structure_support import BAD_CUT, BODY, FRONT_PAGE, KICKER, LEAD_TITLE, MASTHEAD, build_issue
from tests.template_library import new_library_file


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The badly cut front page: its masthead article and lead-body article are ``A`` and ``B``."""
    path = tmp_path / "lib.sqlite3"
    library = open_library(new_library_file(path))
    issue = build_issue(library, tmp_path, FRONT_PAGE, BAD_CUT)
    with library.session() as session:
        assert [a.id for a in list_articles(session, issue)] == [int(A), int(B)]
    library.close()
    return str(path)


A, B, C = "2", "3", "4"  # the import's article (1) was replaced by the two of the bad cut


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", db])
    out, err = capsys.readouterr()
    return code, out, err


def show(capsys: pytest.CaptureFixture[str], db: str, article: int) -> dict[str, object]:
    code, out, _ = run(capsys, db, "show", str(article), "--json")
    assert code == 0
    record: dict[str, object] = json.loads(out)
    return record


def test_show_prints_blocks_tags_and_status(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert main(["tags", "add", "社区", "--article", B, "--db", db]) == 0
    capsys.readouterr()
    record = show(capsys, db, int(B))
    assert record["status"] == "new" and record["tags"] == [{"name": "社区", "kind": "topic", "parent": None}]
    blocks = record["blocks"]
    assert isinstance(blocks, list)
    assert blocks[0] == {"position": 0, "role": "paragraph", "text": BODY[0]}
    code, out, _ = run(capsys, db, "show", B)
    assert code == 0 and "status: new\ttags: 社区" in out and "3\tsource\t（街道党群办）" in out


def test_the_front_page_repaired_from_the_command_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    for _line in MASTHEAD:
        code, out, _ = run(capsys, db, "structure", "leftover", A, "0", "--kind", "masthead")
        assert code == 0 and out == f"article {A} block 0 is now a leftover (masthead)\n"
    code, out, _ = run(capsys, db, "structure", "role", A, "1", "title")
    assert (code, out) == (0, f"article {A} block 1: subtitle -> title\n")
    code, out, _ = run(capsys, db, "structure", "merge", B, "--into", "previous")
    assert (code, out) == (0, f"merged article {B} into previous: article {A} now has 8 blocks\n")
    record = show(capsys, db, int(A))
    assert record["title"] == LEAD_TITLE
    blocks = record["blocks"]
    assert isinstance(blocks, list) and blocks[0]["text"] == KICKER
    library = open_library(db)
    with library.session() as session:
        assert issue_coverage(session, 1) == []
    library.close()


def test_split_move_and_reorder(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, db, "structure", "split", B, "--at", "2")
    assert (code, out) == (0, f"split article {B} at block 2: its blocks from there are now article {C}\n")
    code, out, _ = run(capsys, db, "structure", "move", C, "0", "--to", A, "--at", "0")
    assert (code, out) == (0, f"moved block 0 of article {C} to article {A} at position 0\n")
    assert [b["text"] for b in show(capsys, db, int(A))["blocks"]][:2] == [BODY[2], MASTHEAD[0]]  # type: ignore[index]
    code, out, _ = run(capsys, db, "structure", "move", A, "0", "--to", A)
    assert (code, out) == (0, f"moved block 0 of article {A} to article {A} at position 8\n")
    assert show(capsys, db, int(A))["blocks"][-1]["text"] == BODY[2]  # type: ignore[index]
    code, out, _ = run(capsys, db, "structure", "merge", C, "--into", A)
    assert code == 0 and f"article {A} now has" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "99"], "error: there is no article 99"),
        (
            ["structure", "split", B, "--at", "9"],
            f"error: article {B} has no block at position 9 (it has 4 blocks",
        ),
        (["structure", "split", B, "--at", "0"], "error: the article already starts at this block"),
        (["structure", "merge", A, "--into", "previous"], "error: this is the issue's first article"),
        (["structure", "merge", A, "--into", "77"], "error: there is no article 77"),
        (["structure", "role", B, "5", "title"], f"error: article {B} has no block at position 5"),
        (["structure", "move", B, "0", "--to", A, "--at", "20"], "error: position 20 is outside"),
        (["structure", "leftover", "77", "0"], "error: there is no article 77"),
    ],
)
def test_bad_ids_and_positions_exit_1_and_change_nothing(
    capsys: pytest.CaptureFixture[str], db: str, argv: list[str], message: str
) -> None:
    before = [show(capsys, db, int(A)), show(capsys, db, int(B))]
    code, out, err = run(capsys, db, *argv)
    assert (code, out) == (1, "") and err.startswith(message)
    assert [show(capsys, db, int(A)), show(capsys, db, int(B))] == before


@pytest.mark.parametrize(
    "argv",
    [
        ["structure", "merge", "1", "--into", "elsewhere"],
        ["structure", "role", "1", "0", "headline"],
        ["structure", "split", "1"],
        ["structure", "move", "1", "0"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], db: str, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([*argv, "--db", db])
    assert raised.value.code == 2
