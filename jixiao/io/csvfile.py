"""CSV that a spreadsheet opens as data: cells that would start a formula are escaped.

Excel, WPS and LibreOffice treat a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, after
their own trimming, a tab or carriage return) as a formula, so user text such as
``=HYPERLINK(...)`` in an audit reason would run when the export is opened (CSV injection).
Following the OWASP rule, such a cell is prefixed with a single quote, which the spreadsheet
shows as text. A plain number such as ``-12.5`` is left as it is: it cannot be a formula.
Every CSV the application writes goes through :func:`writer`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def safe_cell(value: Any) -> Any:
    """*value*, with a leading single quote when it is text a spreadsheet would run as a formula."""
    formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    return "'" + value if formula and not _PLAIN_NUMBER.fullmatch(value) else value


class SafeWriter:
    """``csv.writer`` whose rows have every cell passed through :func:`safe_cell`."""

    def __init__(self, stream: _Writable, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: _Writable, **options: Any) -> SafeWriter:
    return SafeWriter(stream, **options)
