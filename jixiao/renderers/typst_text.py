"""Text into Typst source, safely: every piece of text becomes a Typst *string literal*.

Inside a string literal only ``\\``, ``"`` and control characters need escaping, so no text
(however full of ``#``, ``*``, ``$``, ``<``, ``@``...) can break compilation or turn into markup.
Property-tested in tests/renderers/test_typst_escape.py.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\ud800-\udfff]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    if char == '"':
        return '\\"'
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{{{ord(char):x}}}"


def typst_string(text: str) -> str:
    """*text* as a Typst string literal: ``"…"`` with ``\\``, ``"`` and control characters escaped.

    Lone surrogates (which cannot be encoded as UTF-8) become U+FFFD.
    """
    return f'"{_SPECIAL.sub(_escape, text)}"'
