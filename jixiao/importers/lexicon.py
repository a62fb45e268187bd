"""The lexicon of label variants (lexicon.yaml), loaded once and applied while normalising.

Two kinds of entry: ``characters`` (traditional → simplified, one for one, so offsets are
unchanged) and ``words`` (a variant word → the standard word the readers recognise). Both rewrite
only the normalised text; sources quote the original. Two more, for OCR output: ``ocr_misreads``
(a glyph an OCR reads for a character, "箅" for "算") and ``ocr_labels`` (the labels such a misread
is folded inside, and nowhere else: ocr_labels.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

LEXICON = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Lexicon:
    characters: dict[int, int]  # str.translate table
    words: dict[str, str]
    pattern: re.Pattern[str] | None  # any variant word, longest first
    ocr_misreads: dict[str, str] = field(default_factory=dict)  # misread glyph(s) → character
    ocr_labels: tuple[str, ...] = ()  # the labels an OCR misread is folded inside (ocr_labels.py)


def parse_lexicon(text: str) -> Lexicon:
    """A Lexicon from YAML text; ValueError naming the entry that is not one for one."""
    data = yaml.safe_load(text) or {}
    characters: dict[int, int] = {}
    for variant, standard in (data.get("characters") or {}).items():
        if len(str(variant)) != 1 or len(str(standard)) != 1:
            raise ValueError(f"lexicon characters: {variant!r} → {standard!r} is not one for one")
        characters[ord(str(variant))] = ord(str(standard))
    words = {str(k): str(v) for k, v in (data.get("words") or {}).items()}
    for variant, standard in words.items():
        if variant == standard or not variant:
            raise ValueError(f"lexicon words: {variant!r} → {standard!r} changes nothing")
    ordered = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
    misreads = {str(k): str(v) for k, v in (data.get("ocr_misreads") or {}).items()}
    for misread, standard in misreads.items():
        if len(standard) != 1 or not misread or misread == standard:
            raise ValueError(
                f"lexicon ocr_misreads: {misread!r} → {standard!r} is not one character"
            )
    labels = tuple(str(label) for label in data.get("ocr_labels") or ())
    return Lexicon(characters, words, pattern, misreads, labels)


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return parse_lexicon(LEXICON.read_text(encoding="utf-8"))
