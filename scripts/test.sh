#!/usr/bin/env bash
# Every test: import contracts, then the whole pytest suite on SQLite, then the database-backed
# tests again on a throw-away PostgreSQL (scripts/postgres.sh) when that script is present.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
.venv/bin/lint-imports
$PY -m pytest -q -p no:cacheprovider "$@"
if [ -x scripts/postgres.sh ] && [ -d tests/web ]; then
  bash scripts/postgres.sh run-tests
fi
