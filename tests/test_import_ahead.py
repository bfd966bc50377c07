"""An import whose first files were handed to the preparing workers before it began (as the CLI does)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.models import Block
from db.opening import open_library
from reader.core.files import collect_inputs
from reader.core.preparing import Preparing
from reader.core.workers import PARALLEL_THRESHOLD, worker_pool
from reader.services.importing import Outcome, Workers, import_files


def issue_folder(tmp_path: Path) -> Path:
    """Enough small text issues for the import to prepare them in workers, and one empty file."""
    folder = tmp_path / "issues"
    folder.mkdir()
    for i in range(PARALLEL_THRESHOLD + 4):
        text = f"第{i}期标题\n\n□ 通讯员 张{i}\n\n正文第{i}段,提高学习理\n\n\n\n论知识的主动性。(街道办)\n"
        (folder / f"issue{i:02}.txt").write_text(text, encoding="utf-8")
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


def _stored(tmp_path: Path, name: str, folder: Path, workers: Workers) -> list[tuple[str, str, str, str]]:
    lib = open_library(tmp_path / f"{name}.sqlite3")
    try:
        with lib.write_session() as session:
            report = import_files(session, [folder], workers=workers)
        assert [r.outcome for r in report.results].count(Outcome.FAILED) == 1
        assert [r.outcome for r in report.results].count(Outcome.IMPORTED) == PARALLEL_THRESHOLD + 4
        with lib.session() as session:
            return [
                (b.article.issue.source_name, b.role, b.text, b.pieces)
                for b in session.scalars(select(Block).order_by(Block.id))
            ]
    finally:
        lib.close()


def test_files_prepared_before_the_import_began_are_stored_as_when_prepared_here(tmp_path: Path) -> None:
    folder = issue_folder(tmp_path)
    serial = _stored(tmp_path, "serial", folder, 0)
    files = collect_inputs([folder])[0]
    pool = worker_pool(2)
    try:
        ahead = Preparing(pool, files)
        assert _stored(tmp_path, "ahead", folder, ahead) == serial
        # Given other files than the import asks for (here in another order), its results are dropped
        # and the files handed out again: the same rows, in the import's order.
        other = Preparing(pool, list(reversed(files)))
        assert _stored(tmp_path, "other", folder, other) == serial
        other.close()
    finally:
        pool.shutdown()
    assert any(text.endswith("提高学习理论知识的主动性。") for _, _, text, _ in serial)


def test_the_cli_imports_a_folder_through_files_handed_out_early_in_the_encoding_forced(
    tmp_path: Path,
) -> None:
    """``python main.py import`` gives the workers the files before it opens the library: all stored once."""
    import subprocess
    import sys

    from tests.conftest import REPO

    folder = tmp_path / "gbk"
    folder.mkdir()
    for i in range(PARALLEL_THRESHOLD + 2):
        text = f"第{i}期标题\n\n正文第{i}段，提高学习理论知识的主动性。\n"
        (folder / f"issue{i:02}.txt").write_bytes(text.encode("gb18030"))
    db = tmp_path / "lib.sqlite3"
    command = [sys.executable, str(REPO / "main.py"), "--db", str(db), "import", "--encoding", "gb18030"]
    done = subprocess.run([*command, str(folder)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert f"{PARALLEL_THRESHOLD + 2} imported, 0 skipped as duplicates, 0 failed" in done.stdout
    lib = open_library(db)
    try:
        with lib.session() as session:
            texts = set(session.scalars(select(Block.text)))
    finally:
        lib.close()
    assert {f"正文第{i}段，提高学习理论知识的主动性。" for i in range(PARALLEL_THRESHOLD + 2)} <= texts
