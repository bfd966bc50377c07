"""Export formats (text, Markdown, JSON, CSV, TEI, Web Annotation), options, scopes and safe writing.

Everything runs on a real library: the sample issue imported by the real
importer, then edited through the real services (a tracked correction, a
note, tags, a status change).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]
from sqlalchemy import select, update

from db.engine import Library
from db.models import Article, Issue
from reader.core.errors import ExportError
from reader.core.exporters import markdown
from reader.core.exporters.csv_table import COLUMNS
from reader.core.exporters.options import ExportFormat, ExportOptions, Part
from reader.core.exporters.tei import tei_element
from reader.core.paths import resources_dir
from reader.core.render_text import render_issue
from reader.core.script import Script
from reader.services import notes, tagging
from reader.services.export_formats.full_document import issue_documents
from reader.services.exporting import ExportScope, export, export_issues, preview
from reader.services.importing import import_files
from reader.services.library import NotFoundError
from reader.services.proofreading_export import BLOCK_SEPARATOR
from reader.services.review import set_status
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
RIVER_TITLE = "梅园街道河长制工作再上新台阶"
CAPTION = "志愿者在青溪河沿岸开展巡河活动"


@dataclass(frozen=True)
class Edited:
    """What ``make_edits`` did, for the tests to look for."""

    issue_id: int
    corrected_article: int  # article with a tracked correction by 张三 and a note by 李四
    note_quote: str
    proofread_article: int
    tagged_articles: tuple[int, ...]


def make_edits(library: Library, issue_id: int) -> Edited:
    """Correct a paragraph, note a passage, tag two articles, mark one proofread, resolve nothing."""
    with library.writing() as session:
        articles = list(
            session.scalars(select(Article).where(Article.issue_id == issue_id).order_by(Article.position))
        )
        river = (
            next(a for a in articles if a.title == RIVER_TITLE)
            if any(a.title == RIVER_TITLE for a in articles)
            else max(articles, key=lambda a: a.span_end - a.span_start)
        )
        blocks = article_blocks(session, river.id)
        texts = [b.text for b in blocks]
        index = max(range(len(blocks)), key=lambda i: len(texts[i]) if blocks[i].role == "paragraph" else -1)
        old = texts[index]
        texts[index] = old[:4] + "〔校〕" + old[6:]
        save_article_text(session, river.id, texts, author="张三", base_version=river.version)
        note_start = 10
        note = notes.add_note(
            session, river.id, blocks[index].id, note_start, note_start + 5, "核对*原报*", author="李四"
        )
        other = next(a for a in articles if a.id != river.id)
        set_status(session, [other.id], "proofread", author="王五")
        tagging.add_tag(session, [river.id, other.id], "浦东/陆家嘴", kind="place", author="李四")
        tagging.add_tag(session, [river.id], "陈思远", kind="person", author="李四", from_suggestion=True)
        tagging.add_tag(session, [river.id], "河长制", author="张三")
        tagging.set_colour(session, tagging.get_tag(session, "河长制").id, "#22aa88")
        return Edited(issue_id, river.id, note.quote, other.id, (river.id, other.id))


@pytest.fixture
def edited(library: Library) -> Edited:
    with library.write_session() as session:
        [result] = import_files(session, [SAMPLE_ISSUE]).results
    assert result.issue_id is not None
    return make_edits(library, result.issue_id)


def _tei_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(resources_dir() / "schemas" / "jiaokan-tei.rng")))


def assert_valid_tei(data: bytes) -> Any:
    tree = etree.fromstring(data)
    schema = _tei_schema()
    assert schema.validate(tree), schema.error_log
    return tree


def _export_one(
    library: Library, out: Path, options: ExportOptions, scope: ExportScope | None = None
) -> Path:
    with library.session() as session:
        report = export(session, out, options, scope)
    [path] = report.files
    return path


# ------------------------------------------------------------------------------------- text


def test_default_text_export_is_unchanged_by_the_options(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    path = _export_one(library, tmp_path, ExportOptions())
    with library.session() as session:
        legacy = render_issue(next(issue_documents(session, [edited.issue_id])))
    assert path.read_text(encoding="utf-8") == legacy
    assert "[图片说明] " + CAPTION in legacy
    assert "\n\n* * *\n\n" in legacy


def test_text_parts_can_be_left_out_and_separators_changed(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    options = ExportOptions(
        parts=frozenset({Part.SECTION, Part.SOURCE}),
        paragraph_separator="\n",
        article_separator="\n=====\n",
    )
    with library.session() as session:
        text = preview(session, options)
    assert RIVER_TITLE not in text and "□文 陈思远" not in text and CAPTION not in text
    assert "(街道城建办)" in text and "【党政】" in text
    assert "\n=====\n" in text and "* * *" not in text and "\n\n" not in text


def test_notes_become_numbered_footnotes(edited: Edited, library: Library) -> None:
    with library.session() as session:
        text = preview(session, ExportOptions(parts=frozenset(Part)))
        md = preview(session, ExportOptions(format=ExportFormat.MD, parts=frozenset(Part)))
    assert edited.note_quote + "[1]" in text
    assert "\n[1] 核对*原报*" in text
    position = _position(library, edited.corrected_article) + 1
    assert f"[^{position}-1]: 核对\\*原报\\*" in md
    assert f"[^{position}-1]" in md.split(f"[^{position}-1]:")[0]


def test_text_in_traditional_script(edited: Edited, library: Library) -> None:
    with library.session() as session:
        text = preview(session, ExportOptions(script=Script.TRADITIONAL))
    assert "梅園街道河長制工作再上新" in text


def _position(library: Library, article_id: int) -> int:
    with library.session() as session:
        return session.get_one(Article, article_id).position


# ------------------------------------------------------------------------------------- Markdown


def test_markdown_headings_byline_captions_and_source(edited: Edited, library: Library) -> None:
    with library.session() as session:
        md = preview(session, ExportOptions(format=ExportFormat.MD))
    lines = md.splitlines()
    assert lines[:3] == ["# 梅园社区报", "", "*2021年4月16日*"]  # the issue, its date below
    assert sum(line.startswith("# ") for line in lines) == 1
    assert f"## {RIVER_TITLE}" in lines
    assert lines.index("*守护一江碧水*") == lines.index(f"## {RIVER_TITLE}") - 2  # kicker on its own line
    assert "*——梅园街道推进社区服务站点标准化建设*" in lines  # so is a subtitle
    assert "*□文 陈思远*" in lines  # byline
    assert "### ● 对标找差" in lines  # subheading
    assert f"> **图片说明** {CAPTION}" in lines
    assert "**【党政】**" in lines
    assert "*(街道城建办)*" in lines  # source in italics
    assert "* * *" in lines


def test_the_issue_header_names_title_date_publication_and_number(edited: Edited, library: Library) -> None:
    with library.writing() as session:
        issue = session.get_one(Issue, edited.issue_id)
        issue.title, issue.publication, issue.number = None, "滨海日报", "第12期"
    with library.session() as session:
        text = preview(session, ExportOptions())
        md = preview(session, ExportOptions(format=ExportFormat.MD))
        bare = preview(session, ExportOptions(issue_header=False))
    assert text.startswith("sample_issue.txt\n2021年4月16日 · 滨海日报 · 第12期\n========\n\n【党政】")
    assert md.startswith("# sample\\_issue.txt\n\n*2021年4月16日 · 滨海日报 · 第12期*\n\n")
    assert bare.startswith("【党政】")


def test_markdown_escapes_what_would_be_markup() -> None:
    article = {
        "position": 0,
        "blocks": [
            {"role": "title", "text": "*重要* #1 [链接](x)", "pieces": [[0, 1]]},
            {"role": "paragraph", "text": "1. 不是列表\n- 也不是\n> 不是引用", "pieces": [[0, 1]]},
        ],
        "notes": [],
    }
    md = markdown.render_article(article, ExportOptions(format=ExportFormat.MD))
    assert md.startswith("## \\*重要\\* \\#1 \\[链接\\](x)")
    assert "1\\. 不是列表\n\\- 也不是\n\\> 不是引用" in md


# ------------------------------------------------------------------------------------- CSV


def test_csv_has_a_bom_the_columns_and_readable_chinese(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    path = _export_one(library, tmp_path, ExportOptions(format=ExportFormat.CSV))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert RIVER_TITLE.encode("utf-8") in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert COLUMNS[:11] == (
        "issue_id",
        "issue_source_name",
        "issue_title",
        "article_id",
        "position",
        "kicker",
        "title",
        "subtitle",
        "byline",
        "source",
        "status",
    )
    assert COLUMNS[-4:] == ("char_count", "corrections", "open_notes", "text")
    river = next(r for r in rows if r["title"] == RIVER_TITLE)
    assert river["issue_source_name"] == "sample_issue.txt" and river["issue_title"] == "梅园社区报"
    assert int(river["article_id"]) == edited.corrected_article
    assert river["kicker"] == "守护一江碧水"
    assert any(r["subtitle"] == "——梅园街道推进社区服务站点标准化建设" for r in rows)
    assert river["byline"] == "□文 陈思远" and river["source"] == "(街道城建办)"
    assert river["place"] == "陆家嘴" and river["person"] == "陈思远" and river["topic"] == "河长制"
    assert river["corrections"] == "1" and river["open_notes"] == "1"
    assert int(river["char_count"]) > 100
    assert "〔校〕" in river["text"] and "[图片说明] " + CAPTION in river["text"]
    assert sum(r["status"] == "proofread" for r in rows) == 1
    assert sum(r["open_notes"] == "0" for r in rows) == len(rows) - 1


def test_csv_without_the_text_column(edited: Edited, library: Library) -> None:
    with library.session() as session:
        text = preview(session, ExportOptions(format=ExportFormat.CSV, csv_text=False))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert tuple(rows[0]) == COLUMNS[:-1]
    assert all(len(row) == len(COLUMNS) - 1 for row in rows)


def test_csv_in_traditional_script_keeps_file_names(edited: Edited, library: Library) -> None:
    with library.session() as session:
        text = preview(session, ExportOptions(format=ExportFormat.CSV, script=Script.TAIWAN))
    assert "梅園街道河長制工作再上新" in text and "sample_issue.txt" in text


# ------------------------------------------------------------------------------------- TEI


def test_tei_is_valid_and_marks_corrections_captions_notes_and_tags(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    path = _export_one(library, tmp_path, ExportOptions(format=ExportFormat.TEI))
    assert path.name == "sample_issue.tei.xml"
    tree = assert_valid_tei(path.read_bytes())
    [choice] = tree.findall(".//t:choice", TEI_NS)
    corr = choice.find("t:corr", TEI_NS)
    assert corr is not None and corr.text == "〔校〕"
    resp = corr.get("resp", "")[1:]
    assert tree.xpath(f"//t:respStmt[@xml:id='{resp}']/t:name/text()", namespaces=TEI_NS) == ["张三"]
    assert tree.xpath("//t:figure/t:figDesc/text()", namespaces=TEI_NS) == [CAPTION]
    [note] = tree.findall(".//t:note[@type='annotation']", TEI_NS)
    assert note.text == "核对*原报*"
    anchor = note.get("target", "")[1:]
    assert tree.xpath(f"//t:anchor[@xml:id='{anchor}']", namespaces=TEI_NS)
    terms = tree.xpath("//t:profileDesc//t:keywords/t:term/text()", namespaces=TEI_NS)
    assert set(terms) == {"陆家嘴", "陈思远", "河长制", "浦东"} - {"浦东"}
    [river] = tree.xpath(f"//t:div[t:head='{RIVER_TITLE}']", namespaces=TEI_NS)
    assert len(river.get("ana").split()) == 3
    assert river.find("t:head[@type='kicker']", TEI_NS).text == "守护一江碧水"
    assert river.find("t:byline", TEI_NS).text == "□文 陈思远"
    assert river.find("t:note[@type='source']", TEI_NS).text == "(街道城建办)"
    assert tree.xpath("//t:sourceDesc//t:idno[@type='sha256']/text()", namespaces=TEI_NS)
    assert tree.xpath("//t:back//t:fw[@type='masthead']", namespaces=TEI_NS)


def _reading(element: Any, *, original: bool) -> str:
    """An element's text as read: corr (or sic) in a choice, notes left out."""
    skip = "corr" if original else "sic"
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        if name not in (skip, "note", "anchor"):
            parts.append(_reading(child, original=original))
        parts.append(child.tail or "")
    return "".join(parts)


def test_tei_reads_as_the_current_text_and_its_sic_as_the_original(edited: Edited, library: Library) -> None:
    with library.session() as session:
        [document] = issue_documents(session, [edited.issue_id])
    tree = tei_element(document)
    article = next(a for a in document["articles"] if a["id"] == edited.corrected_article)
    div = tree.find(f".//t:div[@n='{article['position']}']", TEI_NS)
    assert div is not None
    paragraphs = div.findall("t:p", TEI_NS)
    blocks = [b for b in article["blocks"] if b["role"] in ("paragraph", "subheading")]
    original = document["original_text"]
    assert [_reading(p, original=False) for p in paragraphs] == [b["text"] for b in blocks]
    assert [_reading(p, original=True) for p in paragraphs] == [
        "".join(original[s:e] for s, e in b["pieces"]) for b in blocks
    ]


def test_tei_of_several_issues_in_one_file_is_a_valid_corpus(library: Library, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("第二期\n\n标题一\n\n正文\x0b有控制字符。\n", encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE, second])
    path = _export_one(library, tmp_path / "out", ExportOptions(format=ExportFormat.TEI, single_file=True))
    assert path.name == "jiaokan-export.tei.xml"
    tree = assert_valid_tei(path.read_bytes())
    assert etree.QName(tree).localname == "teiCorpus"
    assert len(tree.findall("t:TEI", TEI_NS)) == 2


# ------------------------------------------------------------------------------------- Web Annotation


def test_web_annotation_selectors_resolve_to_the_quoted_text(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    options = ExportOptions(format=ExportFormat.JSON, annotations=True)
    with library.session() as session:
        files = export(session, tmp_path, options).files
    assert [f.name for f in files] == ["sample_issue.json", "sample_issue.annotations.jsonld"]
    document = json.loads(files[0].read_text(encoding="utf-8"))
    collection = json.loads(files[1].read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    [item] = collection["first"]["items"]
    assert item["type"] == "Annotation"
    assert item["body"] == {
        "type": "TextualBody",
        "value": "核对*原报*",
        "format": "text/plain",
        "language": "zh",
    }
    assert item["creator"]["name"] == "李四"
    sha = document["issue"]["sha256"]
    article = next(a for a in document["articles"] if a["id"] == edited.corrected_article)
    assert item["target"]["source"] == f"urn:jiaokan:article:{sha}:{article['position']}"
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    text = article["corrections"]["current_text"]
    assert text == BLOCK_SEPARATOR.join(b["text"] for b in article["blocks"])
    assert text[position["start"] : position["end"]] == quote["exact"] == edited.note_quote
    assert text[: position["start"]].endswith(quote["prefix"])
    assert text[position["end"] :].startswith(quote["suffix"])


# ------------------------------------------------------------------------------------- scopes


def _md(library: Library, scope: ExportScope) -> str:
    with library.session() as session:
        return preview(session, ExportOptions(format=ExportFormat.MD), scope)


def test_scope_by_tag_status_and_article(edited: Edited, library: Library) -> None:
    both = _md(library, ExportScope(tags=["陸家嘴"]))  # any script finds the tag
    assert both.count("* * *") == 1
    assert f"# {RIVER_TITLE}" in both
    only_river = _md(library, ExportScope(tags=["陆家嘴", "河长制"]))
    assert "* * *" not in only_river and f"# {RIVER_TITLE}" in only_river
    under_parent = _md(library, ExportScope(tags=["浦东"]))  # a tag matches through the tags below it
    assert under_parent == both
    proofread = _md(library, ExportScope(statuses=["proofread"]))
    assert "* * *" not in proofread and RIVER_TITLE not in proofread
    assert _md(library, ExportScope(article_ids=[edited.corrected_article])) == only_river
    assert _md(library, ExportScope(statuses=["approved"])) == ""
    with library.session() as session, pytest.raises(NotFoundError, match="no tag"):
        preview(session, ExportOptions(), ExportScope(tags=["没有这个标签"]))
    with library.session() as session, pytest.raises(NotFoundError, match="999999"):
        preview(session, ExportOptions(), ExportScope(article_ids=[999999]))


def test_a_filtered_json_export_says_it_is_incomplete(edited: Edited, library: Library) -> None:
    with library.session() as session:
        text = preview(session, ExportOptions(format=ExportFormat.JSON), ExportScope(statuses=["proofread"]))
        whole = preview(session, ExportOptions(format=ExportFormat.JSON))
    partial = json.loads(text)
    assert partial["complete"] is False and len(partial["articles"]) == 1
    assert json.loads(whole)["complete"] is True


# ------------------------------------------------------------------------------------- files


def test_preview_is_exactly_the_first_file(edited: Edited, library: Library, tmp_path: Path) -> None:
    for fmt in ExportFormat:
        options = ExportOptions(format=fmt, parts=frozenset(Part))
        path = _export_one(library, tmp_path / fmt.value, options)
        with library.session() as session:
            assert preview(session, options).encode("utf-8") == path.read_bytes(), fmt


def test_single_file_holds_every_issue(library: Library, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("标题\n\n第二期正文。\n", encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE, second])
    for fmt in (ExportFormat.TXT, ExportFormat.MD, ExportFormat.CSV, ExportFormat.JSON):
        path = _export_one(library, tmp_path / fmt.value, ExportOptions(format=fmt, single_file=True))
        text = path.read_text(encoding="utf-8-sig")
        assert RIVER_TITLE in text and ("second.txt" if fmt is ExportFormat.CSV else "第二期正文") in text
    bundle = json.loads((tmp_path / "json" / "jiaokan-export.json").read_text(encoding="utf-8"))
    assert bundle["format"] == "jiaokan-issues" and len(bundle["issues"]) == 2
    rows = (tmp_path / "csv" / "jiaokan-export.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("issue_id,") and sum(r.startswith("issue_id") for r in rows) == 1


def test_a_cancelled_export_leaves_no_files(edited: Edited, library: Library, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("标题\n\n第二期正文。\n", encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [second])
    out = tmp_path / "out"
    out.mkdir()
    (out / "sample_issue.txt").write_text("earlier export", encoding="utf-8")
    for single in (False, True):
        calls: list[int] = []

        def stop_after_one(calls: list[int] = calls) -> bool:
            calls.append(1)
            return len(calls) > 1

        with library.session() as session:
            report = export(session, out, ExportOptions(single_file=single), cancelled=stop_after_one)
        assert report.cancelled and report.files == []
        assert sorted(p.name for p in out.iterdir()) == ["sample_issue.txt"]
        assert (out / "sample_issue.txt").read_text(encoding="utf-8") == "earlier export"


def test_a_target_that_cannot_be_written_is_named_and_nothing_is_left(
    edited: Edited, library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "sample_issue.json").mkdir(parents=True)
    with library.session() as session, pytest.raises(ExportError) as caught:
        export(session, out, ExportOptions(format=ExportFormat.JSON, annotations=True))
    assert caught.value.target == str(out / "sample_issue.json")
    assert "folder" in caught.value.reason
    assert [p.name for p in out.iterdir()] == ["sample_issue.json"]
    assert not list((out / "sample_issue.json").iterdir())


def test_names_from_hostile_metadata_are_safe_and_distinct(library: Library, tmp_path: Path) -> None:
    hostile = [
        "../../etc/passwd",
        "a/b\\c",
        "CON",
        "",
        "  . . ",
        "x" * 400,
        "\u202eevil\u200b",
        "Issue",
        "issue",
    ]
    for n in range(len(hostile)):
        (tmp_path / f"in{n}.txt").write_text(f"标题{n}\n\n正文{n}。\n", encoding="utf-8")
    with library.write_session() as session:
        import_files(session, sorted(tmp_path.glob("in*.txt")))
    with library.writing() as session:
        ids = list(session.scalars(select(Issue.id).order_by(Issue.id)))
        for issue_id, stem in zip(ids, hostile, strict=True):
            session.execute(update(Issue).where(Issue.id == issue_id).values(source_stem=stem))
    out = tmp_path / "out"
    with library.session() as session:
        paths = export_issues(session, out, ExportFormat.TXT)
    assert len(paths) == len(hostile) == len({p.name.casefold() for p in paths})
    for path in paths:
        assert path.parent == out and path.is_file()
        assert len(path.name.encode("utf-8")) <= 255
        assert not path.name.startswith(".") and "/" not in path.name and "\\" not in path.name
    assert "CON_.txt" in {p.name for p in paths}
    assert {"_._etc_passwd.txt", "a_b_c.txt", "issue.txt", "issue-2.txt"} <= {p.name for p in paths}
    assert sorted(out.iterdir()) == sorted(paths)


def test_overwrite_false_keeps_files_already_there(edited: Edited, library: Library, tmp_path: Path) -> None:
    (tmp_path / "sample_issue.md").write_text("mine", encoding="utf-8")
    path = _export_one(library, tmp_path, ExportOptions(format=ExportFormat.MD, overwrite=False))
    assert path.name == "sample_issue-2.md"
    assert (tmp_path / "sample_issue.md").read_text(encoding="utf-8") == "mine"
    again = _export_one(library, tmp_path, ExportOptions(format=ExportFormat.MD))
    assert again.name == "sample_issue.md" and again.read_text(encoding="utf-8") != "mine"


@pytest.mark.slow
def test_worker_processes_convert_exactly_like_one(library: Library, tmp_path: Path) -> None:
    from bench.synth import build_archive

    build_archive(tmp_path / "archive", 10, seed=3)
    with library.write_session() as session:
        import_files(session, [tmp_path / "archive"])
    for fmt in (ExportFormat.TXT, ExportFormat.CSV):
        options = ExportOptions(format=fmt, script=Script.TRADITIONAL)
        with library.session() as session:
            serial = export(session, tmp_path / f"one-{fmt}", options, workers=1).files
            parallel = export(session, tmp_path / f"two-{fmt}", options, workers=2).files
        assert len(serial) == len(parallel) == 10
        for a, b in zip(serial, parallel, strict=True):
            assert a.name == b.name and a.read_bytes() == b.read_bytes()
