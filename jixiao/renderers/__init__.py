"""Renderers: the report model (``jixiao.core.report.Document``) to files.

One registry maps a format name to its render function, so the CLI, the web app and the batch
runner render the same way. Every renderer returns bytes; heavy libraries (python-docx, Typst,
matplotlib) are imported only when their format is asked for.

    render(document, "pdf")                    -> PDF bytes
    render(document, "docx", RenderOptions(template=Path("bureau.docx")))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jixiao.core.report import Document

FORMATS: tuple[str, ...] = ("md", "html", "docx", "pdf")
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}


@dataclass(frozen=True)
class RenderOptions:
    """Customisation without code: a bureau's Word template and section wording; PDF/A."""

    template: Path | None = None  # .docx style template (DOCX only)
    wording: Path | None = None  # section-wording YAML (every format)
    pdf_a: bool = False  # PDF/A-2b (PDF only)


def _markdown(document: Document, options: RenderOptions) -> bytes:
    from jixiao.renderers.markdown import render_markdown

    return render_markdown(document).encode("utf-8")


def _html(document: Document, options: RenderOptions) -> bytes:
    from jixiao.renderers.html import render_html

    return render_html(document).encode("utf-8")


def _docx(document: Document, options: RenderOptions) -> bytes:
    from jixiao.renderers.docx import render_docx

    return render_docx(document, template=options.template)


def _pdf(document: Document, options: RenderOptions) -> bytes:
    from jixiao.renderers.pdf import render_pdf

    return render_pdf(document, pdf_a=options.pdf_a)


RENDERERS: dict[str, Callable[[Document, RenderOptions], bytes]] = {
    "md": _markdown,
    "html": _html,
    "docx": _docx,
    "pdf": _pdf,
}


class UnknownFormatError(ValueError):
    """A format name that no renderer handles."""


def render(document: Document, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render *document* as *fmt* (one of FORMATS), applying the wording file if any."""
    if fmt not in RENDERERS:
        raise UnknownFormatError(
            f"不支持的格式“{fmt}”，可用：{'、'.join(FORMATS)} / unknown format {fmt!r};"
            f" expected one of {', '.join(FORMATS)}"
        )
    options = options or RenderOptions()
    if options.wording:
        from jixiao.renderers.wording import apply_wording, load_wording

        document = apply_wording(document, load_wording(options.wording))
    return RENDERERS[fmt](document, options)
