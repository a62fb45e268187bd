"""OCR misreads folded inside the labels the readers know, and a letter O read for a digit 0.

An OCR reads a character as one that looks like it: "预箅" for 预算, "编別数" for 编制数, "实有人敎"
for 实有人数, "执彳亍率" for 执行率 (行 split in two), and a digit 0 as the letter O ("4,2O6.00").
The misreads (lexicon.yaml, ``ocr_misreads``) are folded only where the whole of a known label
(``ocr_labels``) then reads right: "预箅执行率" → 预算执行率, while a 箅 or 休 anywhere else stays.
A letter O becomes 0 only inside an amount whose other characters are digits and separators and
which, with the O a 0, is a well-formed amount ("4,2O6.00", "1O2.50"): words and codes ("GB2O19",
"COVID") stay. Sources quote the original either way.
"""

from __future__ import annotations

import re
from functools import cache

from jixiao.importers.lexicon import lexicon

# an amount with a letter O among its digits: thousands-separated or with decimals
_HAS_O = r"(?=[\d,.]{0,20}O)"  # an O among the amount's first characters (bounded look-ahead)
_O_AMOUNT = re.compile(
    rf"(?<![A-Za-z\d.,]){_HAS_O}\d[\dO]{{0,2}}(?:,[\dO]{{3}})*\.[\dO]{{1,4}}(?![A-Za-z\d.])"
)
_O_THOUSANDS = re.compile(
    rf"(?<![A-Za-z\d.,]){_HAS_O}\d[\dO]{{0,2}}(?:,[\dO]{{3}})+(?![A-Za-z\d.,])"
)


@cache
def _labels() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """(the known labels, longest first; a pattern of them, one group a label, each character as
    written or as an OCR misreads it)."""
    words = lexicon()
    if not words.ocr_misreads or not words.ocr_labels:
        return (), None
    readings: dict[str, list[str]] = {}
    for misread, standard in words.ocr_misreads.items():
        readings.setdefault(standard, []).append(misread)

    def character(c: str) -> str:
        choices = [re.escape(c), *map(re.escape, readings.get(c, []))]
        return f"(?:{'|'.join(choices)})" if len(choices) > 1 else choices[0]

    labels = tuple(sorted(words.ocr_labels, key=len, reverse=True))
    return labels, re.compile("|".join(f"({''.join(map(character, label))})" for label in labels))


@cache
def _glyphs() -> re.Pattern[str] | None:
    misreads = sorted(lexicon().ocr_misreads, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, misreads))) if misreads else None


def misread_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each known label written with a misread glyph in *text*: looked
    for only around the glyphs (a window of the longest label's length), so a text without any
    costs one scan."""
    labels, pattern = _labels()
    glyphs = _glyphs()
    if pattern is None or glyphs is None:
        return []
    longest = max(map(len, labels)) + max(map(len, lexicon().ocr_misreads)) - 1
    found: list[tuple[int, int, str]] = []
    for glyph in glyphs.finditer(text):
        if found and glyph.start() < found[-1][1]:
            continue
        for start in range(
            max(0, glyph.start() - longest + 1, found[-1][1] if found else 0), glyph.start() + 1
        ):
            match = pattern.match(text, start)
            if match is None or match.end() <= glyph.start():
                continue
            label = labels[match.lastindex - 1]
            if label != match.group(0):
                found.append((match.start(), match.end(), label))
                break
    return found


def o_amounts() -> tuple[re.Pattern[str], ...]:
    """Amounts with a letter O among their digits, the O to be read as 0 (`zero_for_o`)."""
    return _O_AMOUNT, _O_THOUSANDS


def zero_for_o(match: re.Match[str]) -> str:
    """The amount with its letter O read as the digit 0."""
    return match.group(0).replace("O", "0")
