#!/usr/bin/env bash
# Checks deploy/edge/nginx.conf with a local nginx (`nginx -t`), without Docker: the compose
# service names are mapped to 127.0.0.1 in a temporary copy, since nginx resolves upstream
# hosts while checking. Older nginx (Debian 12 ships 1.22) gets the copy rewritten to the
# equivalent older syntax (`listen … http2`, no `resolve`); everything else is checked as is.
#   bash deploy/edge/check-config.sh        (needs nginx on PATH, e.g. apt-get install nginx-light)
#   bash deploy/edge/check-config.sh deploy/k8s/edge/nginx.conf      the Kubernetes edge, likewise
set -euo pipefail

conf="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/nginx.conf}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(nginx -v 2>&1 | sed -E 's|.*nginx/([0-9.]+).*|\1|')"
oldest="$(printf '%s\n1.27.3\n' "$version" | sort -V | head -n1)"

sed -E 's/server (intake|workflow|knowledge|kpi|data):/server 127.0.0.1:/' "$conf" >"$work/nginx.conf"
if [[ "$oldest" != "1.27.3" ]]; then
  echo "nginx $version is older than 1.27.3: checking with the older spelling of http2 and resolve"
  perl -0pi -e 's/listen (\d+);\n(\s*)http2 on;/listen $1 http2;/g; s/ resolve;/;/g' "$work/nginx.conf"
fi

nginx -t -p "$work" -c "$work/nginx.conf" -g "pid $work/nginx.pid;"
