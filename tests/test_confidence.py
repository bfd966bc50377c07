"""Segmentation confidence: each reason on its own, the corpus trusted, the review queue across issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import Library
from reader.core.model import Role
from reader.core.segment import segment
from reader.core.segment.confidence import Reason, assess
from reader.services.confidence import article_confidence, doubtful_articles, next_doubtful_article
from reader.services.importing import import_files

BODY = "6月3日,街道召开夏季消防安全工作会议,各居民区书记参加会议,会议部署了下阶段的工作。"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def blocks(*pairs: tuple[Role, str]) -> list[tuple[str, str]]:
    return [(str(role), text) for role, text in pairs]


def test_a_plain_article_is_trusted() -> None:
    found = assess(blocks((Role.TITLE, "街道召开消防安全会议"), (Role.PARAGRAPH, BODY)))
    assert found.reasons == () and not found.doubtful


@pytest.mark.parametrize(
    ("pairs", "reason"),
    [
        (((Role.TITLE, "▲ 居民在活动现场合影"), (Role.PARAGRAPH, BODY)), Reason.CAPTION_TITLE),
        (((Role.TITLE, "街道召开消防安全会议"),), Reason.NO_BODY),
        (
            ((Role.TITLE, "标题"), (Role.SUBHEADING, "坚持问题导向"), (Role.PARAGRAPH, BODY)),
            Reason.HEADING_OPENS_BODY,
        ),
        (
            ((Role.KICKER, "引题一"), (Role.KICKER, "引题二"), (Role.TITLE, "标题"), (Role.PARAGRAPH, BODY)),
            Reason.TWO_KICKERS,
        ),
        (((Role.TITLE, "××街道党工委、办事处 主办"), (Role.PARAGRAPH, BODY)), Reason.MASTHEAD_LIKE),
        (((Role.TITLE, "标题"), (Role.PARAGRAPH, BODY), (Role.FURNITURE, "扫码关注")), Reason.MASTHEAD_LIKE),
        (((Role.TITLE, "标题"), (Role.PARAGRAPH, "很短的正文。")), Reason.VERY_SHORT),
        (((Role.TITLE, "标题"), (Role.PARAGRAPH, BODY * 200)), Reason.VERY_LONG),
        (((Role.PARAGRAPH, BODY), (Role.TITLE, "街道召开消防安全会议")), Reason.TRAILING_HEADING),
        (
            ((Role.TITLE, "标题"), (Role.PARAGRAPH, BODY), (Role.SUBHEADING, "书香"), (Role.PARAGRAPH, BODY)),
            Reason.LONE_SUBHEADING,
        ),
        (
            (
                (Role.TITLE, "社区食堂开张  \u3000 夜间施工扰民问题获解"),
                (Role.PARAGRAPH, "5月10日,社区食堂开张,\u3000\u3000居民反映的夜间施工问题有了回应。"),
            ),
            Reason.COLUMNS_ACROSS,
        ),
    ],
)
def test_each_reason(pairs: tuple[tuple[Role, str], ...], reason: Reason) -> None:
    found = assess(blocks(*pairs))
    assert reason in found.reasons and found.doubtful and found.score < 1


@pytest.mark.corpus
def test_the_corpus_is_trusted() -> None:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("corpus not found")
    for file in files:
        for article in segment(file.read_text(encoding="utf-8")).articles:
            assert not assess([(str(b.role), b.text) for b in article.blocks]).doubtful, article.title


def test_the_review_queue_runs_across_issues(library: Library, tmp_path: Path) -> None:
    good = "\n\n".join(["街道召开消防安全会议", BODY])
    doubtful = "\n\n".join(["街道召开消防安全会议", BODY, "一个落在文末的标题"])
    paths = []
    for name, text in (
        ("a.txt", doubtful),
        ("b.txt", good),
        ("c.txt", "\n\n".join(["只有一个标题", "很短。"])),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with library.write_session() as session:
        import_files(session, paths)
    with library.session() as session:
        queue = doubtful_articles(session)
        assert queue, "a doubtful article is queued"
        assert all(item.confidence.reasons for item in queue)
        issues = sorted({item.issue_id for item in queue})
        assert len(issues) == 2
        first, last = queue[0].id, queue[-1].id
        assert next_doubtful_article(session, None) == first
        assert next_doubtful_article(session, first) == (queue[1].id if len(queue) > 1 else first)
        assert next_doubtful_article(session, last) == first  # wraps round
        assert doubtful_articles(session, issues[-1]) == [
            item for item in queue if item.issue_id == issues[-1]
        ]
        assert article_confidence(session, [first, 10_000]).keys() == {first}
