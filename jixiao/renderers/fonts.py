"""Official 公文 font names and the open fonts that stand in for them.

The .docx names the official fonts (仿宋_GB2312, 楷体_GB2312, 黑体, 宋体,
方正小标宋简体) so that Word on a user's machine shows them; the PDF and the charts are drawn
on the server, where the official fonts are not installed (they are not free), so each
official name maps to an open font:

- Fandol 仿宋/楷/黑/宋 (GPL + font exception), extracted from Debian's texlive-lang-chinese
  package by ``scripts/system/20-fonts-docs.sh`` into ``<repo>/var/fonts``;
- Noto Serif/Sans CJK SC (SIL OFL, Debian fonts-noto-cjk) for the title face and as the
  fallback for the few characters the Fandol fonts (GB2312-sized) do not cover.

The font directory is ``$JIXIAO_FONT_DIR`` when set, else ``<repo>/var/fonts``, else the
system paths where Debian puts these fonts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jixiao.io.files import write_text_atomically

SETUP_SCRIPT = "scripts/system/20-fonts-docs.sh"
REPO_ROOT = Path(__file__).resolve().parents[2]

SYSTEM_FONT_DIRS = (
    Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
    Path("/usr/share/fonts/opentype/fandol"),
    Path("/usr/share/fonts/opentype/noto"),
)


class FontMissingError(RuntimeError):
    """A font the renderers need is not installed; the message says which and how to install it."""


@dataclass(frozen=True)
class OpenFont:
    """An open font: its family name as font engines see it, its file, and its weight."""

    family: str  # the name Typst / matplotlib know it by
    file: str  # file name inside the font directory
    bold: bool = False
    index: int = 0  # face index inside a .ttc collection


FANG = OpenFont("FandolFang R", "FandolFang-Regular.otf")
KAI = OpenFont("FandolKai", "FandolKai-Regular.otf")
HEI = OpenFont("FandolHei", "FandolHei-Regular.otf")
HEI_BOLD = OpenFont("FandolHei", "FandolHei-Bold.otf", bold=True)
SONG = OpenFont("FandolSong", "FandolSong-Regular.otf")
SONG_BOLD = OpenFont("FandolSong", "FandolSong-Bold.otf", bold=True)
NOTO_SERIF = OpenFont("Noto Serif CJK SC", "NotoSerifCJK-Regular.ttc", index=2)
NOTO_SERIF_BOLD = OpenFont("Noto Serif CJK SC", "NotoSerifCJK-Bold.ttc", bold=True, index=2)
NOTO_SANS = OpenFont("Noto Sans CJK SC", "NotoSansCJK-Regular.ttc", index=2)

# Official name → the open font that stands in for it on the server.
OFFICIAL_TO_OPEN: dict[str, OpenFont] = {
    "仿宋_GB2312": FANG,
    "仿宋": FANG,
    "楷体_GB2312": KAI,
    "楷体": KAI,
    "黑体": HEI,
    "宋体": SONG,
    "方正小标宋简体": NOTO_SERIF_BOLD,  # a heavy Song face, as 小标宋 is
}

# Fallback for characters outside the Fandol fonts' GB2312-sized repertoire (e.g. 〔〕, rare names).
FALLBACK_SERIF = NOTO_SERIF
FALLBACK_SANS = NOTO_SANS

# The Latin face for digits and Latin letters. Word gets Times New Roman (what 公文 use); Typst
# ships Libertinus Serif embedded, a close open Times-like face.
LATIN_DOCX = "Times New Roman"
LATIN_PDF = "Libertinus Serif"

ALL_FONTS = (FANG, KAI, HEI, HEI_BOLD, SONG, SONG_BOLD, NOTO_SERIF, NOTO_SERIF_BOLD, NOTO_SANS)


def candidate_dirs() -> list[Path]:
    """Where fonts are looked for, in order."""
    env = os.environ.get("JIXIAO_FONT_DIR")
    dirs = [Path(env)] if env else []
    dirs.append(REPO_ROOT / "var" / "fonts")
    dirs.extend(SYSTEM_FONT_DIRS)
    return dirs


def open_font_for(official_name: str) -> OpenFont:
    """The open font standing in for an official font name (clear error for an unknown name)."""
    try:
        return OFFICIAL_TO_OPEN[official_name]
    except KeyError:
        known = "、".join(OFFICIAL_TO_OPEN)
        raise FontMissingError(
            f"未知的公文字体名称“{official_name}”，可用：{known}。"
            f" / Unknown official font name {official_name!r}; known: {known}."
        ) from None


@cache
def font_path(font: OpenFont) -> Path:
    """The file of *font*, or FontMissingError naming it and the script that installs it."""
    for folder in candidate_dirs():
        candidate = folder / font.file
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in candidate_dirs())
    raise FontMissingError(
        f"缺少字体 {font.family}（文件 {font.file}）。请以 root 运行 {SETUP_SCRIPT} 安装，"
        f"或设置 JIXIAO_FONT_DIR 指向字体目录。"
        f" / Font {font.family} ({font.file}) is missing; run {SETUP_SCRIPT} as root, or set"
        f" JIXIAO_FONT_DIR. Searched: {searched}."
    )


def official_font_path(official_name: str) -> Path:
    """The file of the open font that stands in for *official_name*."""
    return font_path(open_font_for(official_name))


def font_dirs() -> list[str]:
    """The directories holding every font the renderers use (for Typst's ``font_paths``)."""
    return sorted({str(font_path(font).parent) for font in ALL_FONTS})


def require_fonts() -> None:
    """Fail early, with the clear message, when any needed font is missing."""
    for font in ALL_FONTS:
        font_path(font)


def fontconfig_file(target: Path | None = None) -> Path:
    """A fontconfig file that adds the project's fonts and aliases the official names to them.

    Used for LibreOffice (tests, benchmark): with ``FONTCONFIG_FILE`` pointing here, a .docx that
    names 仿宋_GB2312 is drawn with FandolFang, as the PDF renderer draws it.
    """
    target = target or (REPO_ROOT / "var" / "fontconfig" / "fonts.conf")
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs())
    aliases = "".join(
        f'<alias binding="same"><family>{name}</family><prefer><family>{font.family}</family>'
        f"<family>{FALLBACK_SERIF.family}</family></prefer></alias>"
        for name, font in OFFICIAL_TO_OPEN.items()
    )
    text = (
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"{dirs}{aliases}</fontconfig>\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text("utf-8") != text:
        write_text_atomically(target, text)
    return target
