"""The .docx package: prepared once per template, filled per report, written reproducibly."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from jixiao.core.report import Document
from jixiao.renderers.docx import prepared_package, render_docx
from jixiao.renderers.docx_package import png_size
from renderers.sample import REPO

EXAMPLE_TEMPLATE = REPO / "examples" / "bureau-style" / "template.docx"


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return {info.filename: package.read(info) for info in package.infolist()}


def test_the_same_report_gives_the_same_bytes(sample_document: Document) -> None:
    assert render_docx(sample_document) == render_docx(sample_document)


def test_package_parts_are_complete_and_charts_are_stored_pictures(
    sample_document: Document,
) -> None:
    data = render_docx(sample_document)
    parts = members(data)
    assert next(iter(parts)) == "[Content_Types].xml"  # first, as Word writes it
    pictures = [name for name in parts if name.startswith("word/media/")]
    assert pictures, "the sample report has charts"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in pictures:
            assert package.getinfo(name).compress_type == zipfile.ZIP_STORED
    relationships = parts["word/_rels/document.xml.rels"].decode()
    for name in pictures:
        assert f'Target="{name.removeprefix("word/")}"' in relationships
    assert b'Extension="png"' in parts["[Content_Types].xml"]
    word = docx.Document(io.BytesIO(data))
    assert len(word.inline_shapes) == len(pictures)
    ids = [
        element.get("id")
        for element in word.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert len(ids) == len(set(ids))  # drawing ids are unique in the document


def test_pictures_keep_their_aspect_ratio(sample_document: Document) -> None:
    data = render_docx(sample_document)
    word = docx.Document(io.BytesIO(data))
    parts = members(data)
    shape = word.inline_shapes[0]
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    target = word.part.related_parts[blip.embed].partname.lstrip("/")
    width, height = png_size(parts[target])
    assert shape.height == pytest.approx(shape.width * height / width, abs=1)


def test_core_properties_are_the_reports(sample_document: Document) -> None:
    properties = docx.Document(io.BytesIO(render_docx(sample_document))).core_properties
    assert properties.title == sample_document.title + sample_document.subtitle
    assert properties.author == sample_document.cover.department
    assert properties.last_modified_by == "jixiao"


def test_a_department_name_of_300_characters_still_gives_a_document(
    sample_document: Document,
) -> None:
    name = "万载县机关事务管理局" * 30
    long = dataclasses.replace(
        sample_document,
        title=name + "部门评价报告",
        cover=dataclasses.replace(sample_document.cover, department=name),
    )
    document = docx.Document(io.BytesIO(render_docx(long)))
    properties = document.core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert len(properties.author) == 255
    assert any(name in paragraph.text for paragraph in document.paragraphs)


def test_a_changed_template_is_prepared_again(sample_document: Document, tmp_path: Path) -> None:
    template = tmp_path / "bureau.docx"
    template.write_bytes(EXAMPLE_TEMPLATE.read_bytes())
    first = prepared_package(template)
    assert prepared_package(template) is first  # made once per process
    word = docx.Document(str(template))
    word.styles["Normal"].font.size = Pt(14)
    word.save(str(template))
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert prepared_package(template) is not first
    rendered = docx.Document(io.BytesIO(render_docx(sample_document, template=template)))
    assert rendered.styles["Normal"].font.size.pt == 14


def test_placeholders_are_filled_in_tables_and_text_boxes(
    sample_document: Document, tmp_path: Path
) -> None:
    word = docx.Document()
    word.add_paragraph("{{单位名称}}")
    word.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("年度：{{ 年度 }}")
    box = docx.oxml.parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<w:r><w:t>frame</w:t></w:r><w:r><wps:txbx><w:txbxContent><w:p><w:r><w:t>{{评价方式}}"
        "</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:r></w:p>"
    )
    word.element.body.sectPr.addprevious(box)
    template = tmp_path / "cover.docx"
    word.save(str(template))
    rendered = render_docx(sample_document, template=template)
    body = members(rendered)["word/document.xml"].decode()
    assert "{{" not in body
    cover = sample_document.cover
    assert cover.department in body
    assert f"年度：{cover.year}" in body
    assert cover.method in body
    result = docx.Document(io.BytesIO(rendered))
    assert result.paragraphs[0].text == cover.department
    # The template's cover is its own: no default cover lines are added after it.
    assert not any(p.text.startswith("评价方式：") for p in result.paragraphs)


def test_png_size_refuses_other_data() -> None:
    with pytest.raises(ValueError, match="PNG"):
        png_size(b"GIF89a" + b"\0" * 30)
