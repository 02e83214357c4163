#!/usr/bin/env bash
# Debian's chromium for the monitor page's browser test (no browser download works on this kind of
# machine), and a CJK font so the page's Chinese shows as text in its screenshot rather than boxes.
# `ensure`: installed already, or installed now through apt-get when run as root; otherwise one line
# says how to install them.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
CJK_FONT=fonts-wqy-microhei
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
dpkg -s "$CJK_FONT" >/dev/null 2>&1 || missing+=("$CJK_FONT")
if [ "${#missing[@]}" = 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's ${missing[*]} for the monitor's browser test"
  apt-get update -qq && NEEDRESTART_SUSPEND=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "not installed: ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (or set CHROMIUM_PATH) for the monitor's browser test" >&2
