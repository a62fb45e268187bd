"""Text is written into Typst source as string literals: no text can break compilation or
become markup. Property-tested with hypothesis against the real Typst compiler."""

from __future__ import annotations

import json

import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.report import Cell, Column, Cover, Document, Paragraph, Section, Table
from jixiao.renderers.pdf import render_pdf, typst_string

MARKUP = st.sampled_from(list("\\\"#*_`$<>@[]{}()=~/-+'\n\r\t\x00\u2028"))
TEXT = st.lists(st.one_of(st.characters(), MARKUP), max_size=40).map("".join)


def _round_trip(text: str) -> str:
    literal = typst_string(text)
    source = f"#metadata({literal}) <t>\n#{literal}\n".encode()
    return json.loads(typst.query(source, "<t>", field="value", one=True, ignore_system_fonts=True))


def _expected(text: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def test_known_awkward_strings_round_trip() -> None:
    for text in ['a\\b"c', "#set text(red)", "*粗*_斜_ $x$ <label> @ref", "}{)](", "x\ny\x00z"]:
        assert _round_trip(text) == text


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_text_compiles_and_reads_back_unchanged(text: str) -> None:
    assert _round_trip(text) == _expected(text)


@settings(max_examples=15, deadline=None)
@given(TEXT, TEXT)
def test_any_text_in_a_whole_document_compiles(heading: str, body: str) -> None:
    document = Document(
        title=heading or "标题",
        subtitle=body,
        cover=Cover(department=body or "部门", year=2021, method=heading),
        sections=(
            Section(
                title=heading,
                level=1,
                label="一、",
                blocks=(
                    Paragraph(body),
                    Table(title=body, columns=(Column(heading),), rows=((Cell(body),),), note=body),
                ),
            ),
        ),
    )
    assert render_pdf(document).startswith(b"%PDF")
