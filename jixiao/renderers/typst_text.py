"""Text into Typst source, safely: every piece of text becomes a Typst *string literal*.

Inside a string literal only ``\\``, ``"`` and control characters need escaping, so no text
(however full of ``#``, ``*``, ``$``, ``<``, ``@``...) can break compilation or turn into markup.
Property-tested in tests/renderers/test_typst_escape.py.
"""

from __future__ import annotations


def typst_string(text: str) -> str:
    """*text* as a Typst string literal: ``"…"`` with ``\\``, ``"`` and control characters escaped.

    Lone surrogates (which cannot be encoded as UTF-8) become U+FFFD.
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(f"\\u{{{code:x}}}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
