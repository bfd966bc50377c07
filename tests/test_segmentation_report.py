"""bench/segmentation_report.py: articles per issue, doubtful articles with reasons, time per issue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "segmentation_report.py"
BODY = "6月3日,街道召开夏季消防安全工作会议,各居民区书记参加会议,会议部署了下阶段的工作。"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_report_lists_articles_doubtful_ones_and_times(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n".join(["街道召开消防安全会议", BODY]), encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "\n\n".join(["社区举办端午节活动", BODY, "一个落在文末的标题"]), encoding="utf-8"
    )
    result = run(str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.txt: 1 articles, 0 leftovers, ") and lines[0].endswith(" ms")
    assert lines[1].startswith("b.txt: 1 articles")
    assert "社区举办端午节活动" in lines[2] and "trailing_heading" in lines[2]
    assert lines[-1].startswith("issues: 2, articles: 2, doubtful: 1, time per issue: mean ")


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.returncode == 1 and "no .txt files" in result.stderr
