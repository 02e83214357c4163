#!/usr/bin/env bash
# Debian's chromium for the monitor page's browser test (no browser download works on this kind of
# machine). `ensure`: installed already, or installed now through apt-get when run as root;
# otherwise one line says how to install it.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium is not installed: installing Debian's package for the monitor's browser test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium is not installed at $CHROMIUM: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH) for the monitor's browser test" >&2
