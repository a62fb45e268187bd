"""One Typst compiler per process, with the project's fonts, shared by the PDF and the charts.

Creating a compiler loads and indexes the font files (the slow part, ~0.1 s); compiling a report
with a warm compiler takes tens of milliseconds. Compilation is serialised with a lock: the
compiler object is not meant to be used from several threads at once.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

import typst

from jixiao.renderers import fonts

PDF_A_STANDARD = "a-2b"
_compiler_lock = threading.Lock()


class PdfRenderError(RuntimeError):
    """Typst refused the generated source (a bug here, never the user's text)."""


@cache
def _compiler() -> typst.Compiler:
    """One compiler per process: it keeps the loaded fonts between documents (the slow part)."""
    return typst.Compiler(font_paths=fonts.font_dirs(), ignore_system_fonts=True)


def compile_typst(
    source: str,
    inputs: dict[str, str] | None = None,
    *,
    pdf_a: bool = False,
    fmt: str = "pdf",
    ppi: float | None = None,
) -> bytes:
    """Compile Typst source with the project's fonts to PDF (or to PNG/SVG of a one-page source)."""
    options: dict[str, Any] = {"format": fmt, "sys_inputs": inputs or {}}
    if pdf_a:
        options["pdf_standards"] = [PDF_A_STANDARD]
    if ppi is not None:
        options["ppi"] = ppi
    try:
        with _compiler_lock:
            result = _compiler().compile(source.encode("utf-8"), **options)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        # Typst raises its own error types with the compiler's messages; a panic inside the Rust
        # library arrives as pyo3's PanicException, a BaseException that would otherwise pass
        # every ``except Exception`` (a batch worker, a web request) and crash the process.
        raise PdfRenderError(f"Typst 排版失败 / Typst failed: {error}") from error
    if isinstance(result, list):  # PNG/SVG export gives one image per page
        if len(result) != 1:
            raise PdfRenderError(f"expected one page, Typst made {len(result)}")
        result = result[0]
    if not isinstance(result, bytes):
        raise PdfRenderError("Typst returned no output")
    return result
