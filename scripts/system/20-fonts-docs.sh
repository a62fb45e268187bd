#!/usr/bin/env bash
# Documents: the tools and open fonts the DOCX/PDF renderers and their tests need.
#   - poppler-utils (pdffonts, pdftotext, pdftoppm), libreoffice-writer-nogui (DOCX validity and the
#     DOCX→PDF benchmark), fonts-noto-cjk (Noto Serif/Sans CJK), libjemalloc2 (the allocator the
#     batch workers preload: Typst runs ~7 % faster on it, see jixiao/cli/workers.py);
#   - the Fandol fonts (仿宋/宋/黑/楷, the open substitutes for the official 公文 fonts), extracted from
#     Debian's texlive-lang-chinese .deb into <repo>/var/fonts/ (not installed system-wide: the
#     whole TeX package is not needed, only its six .otf files).
# Idempotent: checks before it installs, so a rerun takes well under a second. Runs as root; as another
# user it only reports what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
FONT_DIR="${JIXIAO_FONT_DIR:-$PWD/var/fonts}"
PACKAGES=(poppler-utils fonts-noto-cjk libreoffice-writer-nogui libjemalloc2)
FANDOL=(FandolFang-Regular.otf FandolHei-Regular.otf FandolHei-Bold.otf FandolKai-Regular.otf
        FandolSong-Regular.otf FandolSong-Bold.otf)
NOTO_DIR=/usr/share/fonts/opentype/noto
NOTO=(NotoSerifCJK-Regular.ttc NotoSerifCJK-Bold.ttc NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "$(id -u)" -ne 0 ]; then
  [ ${#missing[@]} -eq 0 ] || echo "20-fonts-docs: not root; missing packages: ${missing[*]}" >&2
else
  updated=0
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && updated=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

mkdir -p "$FONT_DIR"
need_fandol=0
for f in "${FANDOL[@]}"; do [ -s "$FONT_DIR/$f" ] || need_fandol=1; done
if [ "$need_fandol" -eq 1 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (
    cd "$tmp"
    # apt-get download works as any user once the package lists exist; refresh them once if needed.
    if ! apt-get download -qq texlive-lang-chinese 2>/dev/null; then
      if [ "$(id -u)" -eq 0 ] && [ "${updated:-0}" -eq 0 ]; then apt-get update -qq; fi
      apt-get download -qq texlive-lang-chinese
    fi
    dpkg-deb -x texlive-lang-chinese_*.deb extracted
  )
  for f in "${FANDOL[@]}"; do
    src=$(find "$tmp/extracted" -name "$f" -print -quit)
    [ -n "$src" ] || { echo "20-fonts-docs: $f not found in texlive-lang-chinese" >&2; exit 1; }
    cp "$src" "$FONT_DIR/$f"
  done
  # The Fandol fonts are GPL with the font exception; keep their licence beside them.
  lic=$(find "$tmp/extracted" -path '*fandol*' -iname 'README*' -print -quit || true)
  [ -z "$lic" ] || cp "$lic" "$FONT_DIR/README-fandol"
fi

for f in "${NOTO[@]}"; do
  if [ -e "$NOTO_DIR/$f" ] && [ ! -e "$FONT_DIR/$f" ]; then
    ln -sf "$NOTO_DIR/$f" "$FONT_DIR/$f"
  fi
done
echo "20-fonts-docs: ok (fonts in $FONT_DIR)"
