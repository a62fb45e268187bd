#!/usr/bin/env bash
# Browser tests: Debian's chromium, which Playwright drives through executable_path
# (`playwright install` cannot download browsers on offline machines). Idempotent: checks first,
# so a rerun takes well under a second. Runs as root; as another user it only reports what is missing.
set -euo pipefail
PACKAGES=(chromium)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "30-chromium: ok ($(command -v chromium))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "30-chromium: not root; missing packages: ${missing[*]}" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "30-chromium: installed ${missing[*]}"
