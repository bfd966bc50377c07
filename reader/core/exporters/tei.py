"""TEI P5 XML of an issue document, built with lxml (see ``resources/schemas/jiaokan-tei.rng``).

One ``TEI`` document per issue: a ``teiHeader`` from the issue's metadata and
tags, each article a ``div type="article"`` with its headings, byline,
paragraphs, captions (``figure/figDesc``), source (``note type="source"``),
tracked corrections inline as ``choice/sic/corr`` and notes as ``note
type="annotation"`` placed after their passage, pointing back to an
``anchor`` at its start.  Text is always in the library's own script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from reader.core.diffing import Change, diff_changes
from reader.core.exporters.passages import note_place

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PUBLICATION_NOTE = "Converted from OCR text with Jiaokan (校勘)."
TOP_ROLES = ("section", "kicker", "title", "subtitle", "byline")
_HEAD_TYPES = {"section": "section", "kicker": "kicker", "subtitle": "subtitle"}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def clean(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _t(name), {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + clean(text)
    else:
        parent.text = (parent.text or "") + clean(text)


@dataclass(frozen=True, slots=True)
class _Ids:
    """xml:id values of one issue (``prefix`` keeps them unique inside a teiCorpus)."""

    prefix: str
    resp: dict[str, str]
    tags: dict[str, str]

    def article(self, position: int) -> str:
        return f"{self.prefix}article-{position}"

    def note(self, position: int, number: int) -> str:
        return f"{self.prefix}note-{position}-{number}"


def _authors(document: Mapping[str, Any]) -> list[str]:
    names: dict[str, None] = {}
    for article in document["articles"]:
        for change in article.get("corrections", {}).get("changes", []):
            if change.get("author"):
                names[change["author"]] = None
        for note in article.get("notes", []):
            names[note["author"]] = None
    return list(names)


def _tag_paths(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for article in document["articles"]:
        for tag in article.get("tags", []):
            seen.setdefault(tag.get("path") or tag["name"], tag)
    return list(seen.values())


def _header(document: Mapping[str, Any], ids: _Ids, tags: Sequence[Mapping[str, Any]]) -> etree._Element:
    issue = document["issue"]
    header = etree.Element(_t("teiHeader"))
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", issue.get("title") or issue["source_name"])
    for author, resp_id in ids.resp.items():
        resp_stmt = _sub(title_stmt, "respStmt", **{XML_ID: resp_id})
        _sub(resp_stmt, "resp", "proofreading")
        _sub(resp_stmt, "name", author)
    _sub(_sub(file_desc, "publicationStmt"), "p", PUBLICATION_NOTE)
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    if issue.get("title"):
        _sub(bibl, "title", issue["title"])
    if issue.get("publication_date"):
        _sub(bibl, "date", issue["publication_date"], type="publication")
    _sub(bibl, "idno", issue["source_name"], type="filename")
    _sub(bibl, "idno", issue["sha256"], type="sha256")
    _sub(bibl, "note", issue["encoding"], type="encoding")
    _sub(bibl, "date", issue["imported_at"], type="imported", when=issue["imported_at"])
    _sub(bibl, "extent", f"{issue['char_count']} characters")
    if tags:
        keywords = _sub(_sub(_sub(header, "profileDesc"), "textClass"), "keywords")
        for tag in tags:
            key = tag.get("path") or tag["name"]
            attributes = {XML_ID: ids.tags[key], "type": tag["kind"]}
            if tag.get("path") and tag["path"] != tag["name"]:
                attributes["n"] = tag["path"]
            _sub(keywords, "term", tag["name"], **attributes)
    return header


@dataclass(frozen=True, slots=True)
class _Event:
    offset: int
    order: int  # at one offset: note ends, then anchors, then a correction
    kind: str
    payload: Any


def _inline(
    parent: etree._Element,
    text: str,
    changes: Sequence[tuple[Change, str | None]],
    anchors: Sequence[tuple[int, str]],
    notes: Sequence[tuple[int, etree._Element]],
) -> None:
    """Fill ``parent`` with ``text``, corrections as choice/sic/corr, anchors and notes at their offsets."""

    def outside(offset: int) -> int:
        for change, _ in changes:
            if change.new_start < offset < change.new_end:
                return change.new_end
        return offset

    events = [_Event(c.new_start, 2, "choice", (c, resp)) for c, resp in changes]
    events += [_Event(outside(o), 1, "anchor", ident) for o, ident in anchors]
    events += [_Event(outside(o), 0, "note", element) for o, element in notes]
    cursor = 0
    for event in sorted(events, key=lambda e: (e.offset, e.order)):
        _append_text(parent, text[cursor : event.offset])
        cursor = max(cursor, event.offset)
        if event.kind == "choice":
            change, resp = event.payload
            choice = _sub(parent, "choice")
            _sub(choice, "sic", change.old or None)
            corr = _sub(choice, "corr", change.new or None)
            if resp:
                corr.set("resp", "#" + resp)
            cursor = change.new_end
        elif event.kind == "anchor":
            _sub(parent, "anchor", **{XML_ID: event.payload})
        else:
            parent.append(event.payload)
    _append_text(parent, text[cursor:])


def _note_element(note: Mapping[str, Any], ids: _Ids, target: str | None, number: int) -> etree._Element:
    status = "orphaned" if note.get("orphaned") else ("resolved" if note.get("resolved") else "open")
    attributes = {
        "type": "annotation",
        "subtype": status,
        "n": str(number),
        "resp": "#" + ids.resp[note["author"]],
    }
    if target:
        attributes["target"] = "#" + target
    element = etree.Element(_t("note"), {k: clean(v) for k, v in attributes.items()})
    if target is None:
        _sub(element, "quote", note["quote"])
        _append_text(element, note["body"])
    else:
        element.text = clean(note["body"])
    return element


def _article_div(body: etree._Element, article: Mapping[str, Any], original: str, ids: _Ids) -> None:
    position = int(article["position"])
    attributes = {"type": "article", "n": str(position), XML_ID: ids.article(position)}
    tag_refs = [ids.tags[t.get("path") or t["name"]] for t in article.get("tags", [])]
    if tag_refs:
        attributes["ana"] = " ".join("#" + ref for ref in tag_refs)
    div = _sub(body, "div", **attributes)
    blocks = article.get("blocks", [])
    changes_by_block: dict[int, list[Mapping[str, Any]]] = {}
    for change in article.get("corrections", {}).get("changes", []):
        changes_by_block.setdefault(int(change["block"]), []).append(change)
    anchors: dict[int, list[tuple[int, str]]] = {}
    notes: dict[int, list[tuple[int, etree._Element]]] = {}
    orphans: list[etree._Element] = []
    for number, note in enumerate(article.get("notes", []), start=1):
        place = note_place(note, blocks)
        if place is None:
            orphans.append(_note_element(note, ids, None, number))
            continue
        block, start, end = place
        anchor = ids.note(position, number)
        anchors.setdefault(block, []).append((start, anchor))
        notes.setdefault(block, []).append((end, _note_element(note, ids, anchor, number)))
    in_top = True
    for index, block in enumerate(blocks):
        role, text = block["role"], block["text"]
        hunks = diff_changes("".join(original[s:e] for s, e in block["pieces"]), text)
        recorded = changes_by_block.get(index, [])
        authors = [c.get("author") for c in recorded] if len(recorded) == len(hunks) else [None] * len(hunks)
        inline = [(h, ids.resp.get(a) if a else None) for h, a in zip(hunks, authors, strict=True)]
        in_top = in_top and role in TOP_ROLES
        trailing: list[etree._Element] = []
        if in_top and role == "byline":
            element = _sub(div, "byline")
        elif in_top:
            element = _sub(div, "head", **({"type": _HEAD_TYPES[role]} if role in _HEAD_TYPES else {}))
        elif role == "caption":
            element = _sub(_sub(div, "figure"), "figDesc")
            trailing = [n for _, n in notes.pop(index, [])]  # figDesc holds no notes: they follow it
            anchors.pop(index, None)
        elif role == "source":
            element = _sub(div, "note", type="source")
        elif role == "furniture":
            element = _sub(div, "fw", type="furniture")
        elif role == "paragraph":
            element = _sub(div, "p")
        else:  # subheadings, and headings or bylines after the body began
            element = _sub(div, "p", rend=role)
        _inline(element, text, inline, anchors.get(index, []), notes.get(index, []))
        for note_element in trailing:
            div.append(note_element)
    for orphan in orphans:
        div.append(orphan)


def tei_element(document: Mapping[str, Any], id_prefix: str = "") -> etree._Element:
    """The ``TEI`` element of one issue document (``id_prefix`` makes its xml:ids unique in a corpus)."""
    tags = _tag_paths(document)
    ids = _Ids(
        id_prefix,
        {name: f"{id_prefix}resp-{n}" for n, name in enumerate(_authors(document), start=1)},
        {tag.get("path") or tag["name"]: f"{id_prefix}tag-{n}" for n, tag in enumerate(tags, start=1)},
    )
    root = etree.Element(_t("TEI"), {XML_LANG: "zh"}, nsmap={None: TEI_NS})
    root.append(_header(document, ids, tags))
    text = _sub(root, "text")
    body = _sub(text, "body")
    for article in document["articles"]:
        _article_div(body, article, document["original_text"], ids)
    if not len(body):
        _sub(body, "p")
    leftovers = document.get("leftovers", [])
    if leftovers:
        div = _sub(_sub(text, "back"), "div", type="leftovers")
        for leftover in leftovers:
            _sub(div, "fw", leftover["text"], type=leftover["kind"])
    return root


def corpus_header(count: int) -> etree._Element:
    """The ``teiHeader`` of a ``teiCorpus`` holding ``count`` issues."""
    header = etree.Element(_t("teiHeader"), nsmap={None: TEI_NS})
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", f"Jiaokan export of {count} issues")
    _sub(_sub(file_desc, "publicationStmt"), "p", PUBLICATION_NOTE)
    _sub(
        _sub(file_desc, "sourceDesc"),
        "p",
        "OCR'd community newspapers; each TEI element describes its source.",
    )
    return header


def document_bytes(document: Mapping[str, Any]) -> bytes:
    """One issue as a standalone TEI file (UTF-8, with an XML declaration)."""
    return bytes(
        etree.tostring(tei_element(document), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    )


def corpus_bytes(documents: Iterable[Mapping[str, Any]], count: int) -> bytes:
    """Several issues as one ``teiCorpus`` file, written incrementally with ``lxml.etree.xmlfile``."""
    import io

    buffer = io.BytesIO()
    with etree.xmlfile(buffer, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(_t("teiCorpus"), nsmap={None: TEI_NS}):  # xml:lang: on each TEI
            xf.write("\n")
            xf.write(corpus_header(count), pretty_print=True)
            for n, document in enumerate(documents, start=1):
                xf.write(tei_element(document, id_prefix=f"i{n}-"), pretty_print=True)
    buffer.write(b"\n")
    return buffer.getvalue()
