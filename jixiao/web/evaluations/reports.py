"""Report files (DOCX, PDF, HTML, Markdown) of a dossier version, through the renderers registry.

The core composes the neutral report (``jixiao.core.compose.compose_report``); the registry in
``jixiao.renderers`` turns it into a file. Either may be missing in a partial install: then
:class:`ReportUnavailable` carries a clear bilingual message for the page or API, never a traceback.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from jixiao.web.evaluations import engine

logger = logging.getLogger(__name__)

FORMATS: dict[str, tuple[str, str]] = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    "pdf": ("application/pdf", "PDF"),
    "html": ("text/html; charset=utf-8", "HTML"),
    "md": ("text/markdown; charset=utf-8", "Markdown"),
}


class ReportUnavailable(Exception):
    """Why a report file cannot be had: *message* for whoever asked, in the page's language;
    *detail* what failed inside (a renderer's error, naming files and set-up steps), for the log
    and the administrators only."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


@dataclass
class ReportFile:
    content: bytes
    content_type: str
    filename: str


def compose(assessment: engine.Assessment, links: dict[str, str] | None = None) -> Any:
    """The report Document for an assessment, or ReportUnavailable; *links* (indicator id →
    address of the ledger records behind its actual) makes those actuals links."""
    if assessment.dossier is None:
        raise ReportUnavailable(gettext("档案数据未通过校验，无法生成报告"))
    if assessment.result is None:
        raise ReportUnavailable(gettext("评分引擎尚未就绪，暂无法生成报告"))
    try:
        compose_module = importlib.import_module("jixiao.core.compose")
    except ImportError:
        raise ReportUnavailable(gettext("报告编排模块尚未就绪")) from None
    if links:
        return compose_module.compose_report(assessment.result, links=links)
    return compose_module.compose_report(assessment.result)


def _registry() -> Any:
    try:
        return importlib.import_module("jixiao.renderers")
    except ImportError:
        return None


def _renderer(fmt: str) -> Any:
    """A callable document → bytes|str for *fmt*, or None when that renderer is not installed."""
    registry = _registry()
    if registry is not None and callable(getattr(registry, "render", None)):
        if fmt in getattr(registry, "FORMATS", ()):
            return lambda document: registry.render(document, fmt)
        return None
    module_name, function = _MODULES[fmt]
    try:
        return getattr(importlib.import_module(module_name), function, None)
    except ImportError:
        return None


# where each renderer lives when there is no registry
_MODULES = {
    "docx": ("jixiao.renderers.docx", "render_docx"),
    "pdf": ("jixiao.renderers.pdf", "render_pdf"),
    "html": ("jixiao.renderers.html", "render_html"),
    "md": ("jixiao.renderers.markdown", "render_markdown"),
}


def available_formats() -> list[str]:
    return [fmt for fmt in FORMATS if _renderer(fmt) is not None]


def render(
    assessment: engine.Assessment,
    fmt: str,
    *,
    basename: str,
    links: dict[str, str] | None = None,
) -> ReportFile:
    if fmt not in FORMATS:
        raise ReportUnavailable(
            gettext("不支持的格式 %(fmt)s，可选 %(formats)s")
            % {"fmt": fmt, "formats": ", ".join(FORMATS)}
        )
    renderer = _renderer(fmt)
    if renderer is None:
        raise ReportUnavailable(
            gettext("%(format)s 渲染器尚未安装，请选择其他格式") % {"format": FORMATS[fmt][1]}
        )
    document = compose(assessment, links)
    try:
        output = renderer(document)
    except Exception as error:  # a renderer failure is a message for the user, not a 500
        logger.exception("rendering the %s report failed", fmt)
        raise ReportUnavailable(
            gettext("生成 %(format)s 失败，请稍后再试；如一直失败，请联系系统管理员")
            % {"format": FORMATS[fmt][1]},
            detail=str(error),
        ) from error
    if isinstance(output, str):
        output = output.encode("utf-8")
    elif hasattr(output, "read_bytes"):
        output = output.read_bytes()
    return ReportFile(bytes(output), FORMATS[fmt][0], f"{basename}.{fmt}")


_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"', re.IGNORECASE)


def style_sources(page: str) -> list[str]:
    """The CSP ``style-src`` sources allowing exactly an HTML report's own styles, nothing else.

    A ``'sha256-…'`` hash per ``<style>`` element (the HTML renderer writes one); should the page
    carry ``style`` attributes (the matplotlib chart backend's SVG does), ``'unsafe-hashes'`` and
    a hash per distinct value. Scripts stay forbidden either way.
    """
    hashes = [_sha256(css) for css in _STYLE_ELEMENT.findall(page)]
    attributes = sorted({html.unescape(value) for value in _STYLE_ATTRIBUTE.findall(page)})
    if attributes:
        hashes += ["'unsafe-hashes'", *(_sha256(value) for value in attributes)]
    return hashes


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
