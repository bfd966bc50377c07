"""Every block exported: over the corpus in every shape, each article's exported text holds exactly
the Han characters of its span, in the cleaned text, Markdown, TEI and the JSON fields."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from db.engine import Library
from reader.core.exporters import markdown
from reader.core.exporters.options import ExportOptions
from reader.core.exporters.tei import TEI_NS, tei_element
from reader.core.render_text import CAPTION_MARK, render_article
from reader.services.export_formats.full_document import issue_documents
from reader.services.importing import import_files
from tests.corpus_shapes import MASTHEAD, hard_wrap, indent_wrap, with_masthead

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_HAN = re.compile(r"[\u3400-\u9fff]")
FIELDS = ("section", "kicker", "title", "subtitle", "byline", "source")


def han(text: str) -> Counter[str]:
    return Counter(_HAN.findall(text))


def json_fields_text(article: Mapping[str, Any]) -> str:
    lists = [*article["paragraphs"], *article["captions"], *article["furniture"]]
    return "".join([*(article[key] or "" for key in FIELDS), *lists])


def shapes() -> dict[str, str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"corpus not found at {CORPUS}")
    out: dict[str, str] = {}
    for file in files:
        text = file.read_text(encoding="utf-8")
        stem = file.stem[:3]
        out[f"{stem}_original.txt"] = text
        out[f"{stem}_wrapped.txt"] = hard_wrap(text, 16)
        out[f"{stem}_indented.txt"] = indent_wrap(text, 19)
        out[f"{stem}_masthead.txt"] = with_masthead(hard_wrap(text, 21), MASTHEAD)
    # A layout of its own: two kickers, a furniture line and a subheading inside one article.
    out["own_layout.txt"] = "\n\n".join(
        [
            "迎端午 促和谐",
            "喜迎端午 粽香满社区",
            "街道举办端午节主题活动",
            "——居民一起包粽子",
            "□ 记者 张三",
            "6月20日,街道举办端午节主题活动,居民们一起包粽子。",
            "【结语】",
            "活动增进了邻里感情,居民们纷纷点赞。",
            "一个落在文末的标题",
        ]
    )
    return out


@pytest.mark.corpus
def test_every_block_of_every_article_is_exported(library: Library, tmp_path: Path) -> None:
    paths = []
    for name, text in shapes().items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with library.write_session() as session:
        import_files(session, paths)
    checked = 0
    with library.session() as session:
        issue_ids = list(range(1, len(paths) + 1))
        for document in issue_documents(session, issue_ids):
            original = document["original_text"]
            divs = tei_element(document).iter(f"{{{TEI_NS}}}div")
            tei_text = {div.get("n"): "".join(div.itertext()) for div in divs if div.get("type") == "article"}
            for article in document["articles"]:
                start, end = article["span"]
                want = han(original[start:end])
                assert want
                assert han(render_article(article).replace(CAPTION_MARK, "")) == want  # the mark is added
                md = markdown.render_article(article, ExportOptions()).replace(markdown.CAPTION_LABEL, "")
                assert han(md) == want  # the caption label is added
                assert han(json_fields_text(article)) == want
                assert han(tei_text[str(article["position"])]) == want
                checked += 1
    assert checked > 50


def test_the_own_layout_keeps_its_second_kicker_subheading_and_furniture(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "own.txt"
    path.write_text(shapes()["own_layout.txt"], encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [path])
    with library.session() as session:
        [document] = list(issue_documents(session, [1]))
    [article] = document["articles"]
    assert article["kicker"] == "迎端午 促和谐\n喜迎端午 粽香满社区"
    assert article["furniture"] == ["一个落在文末的标题"]
    text = render_article(article)
    order = [
        "迎端午 促和谐",
        "喜迎端午",
        "街道举办端午节主题活动",
        "【结语】",
        "邻里感情",
        "一个落在文末的标题",
    ]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
