#!/usr/bin/env bash
# Installs the headless browser the report checks use (__tests__/report-html.test.ts,
# scripts/screenshot-report.mjs): Debian's or Ubuntu's chromium, and a colour emoji font so
# the report's marks (🔴 🟢 ✅) render in screenshots. Idempotent: does nothing when both
# are there. Without root it uses sudo when it can; set CHROMIUM_BIN to use another browser.
set -euo pipefail

packages=()
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  packages+=(chromium)
fi
if ! dpkg-query -W -f='${Status}' fonts-noto-color-emoji 2>/dev/null | grep -q 'install ok installed'; then
  packages+=(fonts-noto-color-emoji)
fi
if [ ${#packages[@]} -eq 0 ]; then
  echo "install-chromium: chromium and the emoji font are already installed ($(command -v chromium || command -v chromium-browser))."
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-chromium: needs root (or sudo) to install ${packages[*]}." >&2
    exit 1
  fi
fi
echo "install-chromium: installing ${packages[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
# Ubuntu's chromium package is a snap wrapper; say so rather than fail later in the test.
if ! chromium --version >/dev/null 2>&1 && ! chromium-browser --version >/dev/null 2>&1; then
  echo "install-chromium: chromium was installed but does not start; set CHROMIUM_BIN to a Chrome or Chromium binary." >&2
  exit 1
fi
echo "install-chromium: $(chromium --version 2>/dev/null || chromium-browser --version)"
