#!/usr/bin/env bash
# PostgreSQL for the web tests on a real server database: the server binaries only (initdb, pg_ctl);
# scripts/postgres.sh starts a throw-away cluster from them. Idempotent: checks first.
# Runs as root; as another user it only reports what is missing.
set -euo pipefail
PACKAGES=(postgresql)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "40-postgresql: not root; missing packages: ${missing[*]}" >&2
    exit 0
  fi
  apt-get update -qq
  # The Debian package would start a cluster on port 5432; the tests never use it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
id postgres >/dev/null 2>&1 || { echo "40-postgresql: user postgres missing after install" >&2; exit 1; }
echo "40-postgresql: ok ($(ls -d /usr/lib/postgresql/*/bin | tail -1))"
