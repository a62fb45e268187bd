#!/usr/bin/env bash
# Installs the system packages jixiao's documents, browser tests and PostgreSQL tests need.
# Each part lives in scripts/system/*.sh and is idempotent: it checks before it installs.
# Runs as root (CI, fresh machines); as another user it prints what is missing and goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
for part in scripts/system/*.sh; do
  bash "$part"
done
