"""Customisation without code: a bureau's Word template and its section wording."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from jixiao.core.errors import InputError
from jixiao.core.report import Document
from jixiao.renderers import RenderOptions, render
from jixiao.renderers.wording import apply_wording, load_wording, wording_from_data
from renderers.sample import REPO

EXAMPLE = REPO / "examples" / "bureau-style"


def test_example_wording_renames_title_sections_and_cover(sample_document: Document) -> None:
    changed = apply_wording(sample_document, load_wording(EXAMPLE / "wording.yaml"))
    assert changed.title == "万载县机关事务管理局2021年度部门整体支出绩效自评报告"
    assert changed.subtitle == ""
    titles = {s.key or s.title: s.title for s in changed.walk()}
    assert titles["profile"] == "部门基本情况"
    headings = [s.heading for s in changed.walk()]
    assert "四、自评结果应用及信息公开情况" in headings  # renamed by title, label kept
    assert changed.cover.method == "部门整体支出绩效自评"
    assert changed.tables() == sample_document.tables()  # data untouched


def test_wording_with_an_unknown_section_is_an_error(sample_document: Document) -> None:
    wording = wording_from_data({"sections": {"no.such.section": "x"}}, "w.yaml")
    with pytest.raises(InputError) as caught:
        apply_wording(sample_document, wording)
    assert "sections.no.such.section" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"titel": "x"}, "titel"),
        ({"cover": {"colour": "red"}}, "cover.colour"),
        ({"sections": {"profile": 3}}, "sections.profile"),
        ({"cover_labels": {"部门名称": ["a"]}}, "cover_labels.部门名称"),
        (["a"], ""),
    ],
)
def test_bad_wording_names_the_entry(data: object, where: str) -> None:
    with pytest.raises(InputError) as caught:
        wording_from_data(data, "w.yaml")
    assert all(p.path == where for p in caught.value.problems) or where in str(caught.value)


def test_wording_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("title: a\nsections: [\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_wording(path)
    assert caught.value.problems[0].line is not None


def test_bureau_template_keeps_its_styles_header_and_fills_its_cover(
    sample_document: Document,
) -> None:
    options = RenderOptions(template=EXAMPLE / "template.docx", wording=EXAMPLE / "wording.yaml")
    word = docx.Document(io.BytesIO(render(sample_document, "docx", options)))
    normal = word.styles["Normal"]
    assert normal.font.size.pt == 15  # the bureau's body size, not ours
    assert normal.paragraph_format.line_spacing.pt == 27
    heading = word.styles["Heading 1"]
    assert heading.font.bold  # the bureau's heading
    assert word.styles["Heading 2"].element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    texts = [p.text for p in word.paragraphs]
    assert "万载县机关事务管理局2021年度部门整体支出绩效自评报告" in texts  # {{标题}} filled
    assert "单位名称（盖章）：万载县机关事务管理局" in texts
    assert not any("{{" in t for t in texts)
    for section in word.sections[1:]:
        for header in (section.header, section.even_page_header):
            assert "万载县财政局" in "".join(p.text for p in header.paragraphs)
    body = word.sections[1]
    assert "PAGE" in body.footer._element.xml  # page numbers added: the template had none
    assert "一、部门基本情况" in texts


def test_example_wording_fits_the_composed_seed_report(seed_report: Document) -> None:
    changed = apply_wording(seed_report, load_wording(EXAMPLE / "wording.yaml"))
    assert changed.walk()[0].title == "部门基本情况"
