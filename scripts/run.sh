#!/usr/bin/env bash
# `make run`: the main job on the embedded SQLite default with the seed department loaded.
#   1. checks and scores the seed department (examples/wanzai-2021) and writes its report
#      (Markdown, HTML, Word, PDF) into ./out/;
#   2. starts the web application at http://127.0.0.1:8000 with the seed department and the demo
#      county loaded, and prints the demo accounts (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
JX=.venv/bin/jixiao
SEED=examples/wanzai-2021/dossier.yaml
OUT=${OUT:-out}

bash scripts/system/20-fonts-docs.sh >/dev/null   # the open fonts the PDF needs (idempotent)
mkdir -p "$OUT"
echo "== jixiao check $SEED"
$JX check "$SEED" || [ $? -eq 1 ]                 # exit 1 only means error-level findings
$JX check "$SEED" --json > "$OUT/findings.json" || [ $? -eq 1 ]
$JX score "$SEED" --json > "$OUT/score.json"
$JX figures "$SEED" --json > "$OUT/figures.json"
echo "== jixiao report $SEED -f all -o $OUT"
$JX report "$SEED" -f all -o "$OUT"
echo
echo "报告已生成 / report written to $(cd "$OUT" && pwd):"
ls -1 "$OUT" | sed 's/^/  /'
if [ -x scripts/run-web.sh ] && [ -z "${JIXIAO_NO_WEB:-}" ]; then
  echo
  exec bash scripts/run-web.sh
fi
