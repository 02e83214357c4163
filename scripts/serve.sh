#!/usr/bin/env bash
# Runs one service from the build (`npm run build` compiles apps/ and libs/ to dist/), the way its
# container runs it: SERVICE=intake scripts/serve.sh. `npm run start:service` runs the same service
# from its TypeScript sources for development; that keeps the compiler in the process, ≈ 70–90 MB
# more resident memory (docs/benchmarks.md, "Service memory").
#
# The process replaces this script (exec), so its PID is the service's and signals reach it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICE="${SERVICE:?set SERVICE to intake, workflow, knowledge, kpi, data or platform}"
MAIN="$ROOT/dist/apps/$SERVICE/src/main.js"
[[ -f "$MAIN" ]] || { printf 'serve: %s is not built; run npm run build\n' "$MAIN" >&2; exit 1; }

# V8's heap sizing for a process that mostly waits on I/O, put before the operator's NODE_OPTIONS
# so that a later flag there wins. Without a limit V8 sizes the heap for the machine (≈ 4 GB here)
# and then lets the old generation grow to about 4× what survived the last full collection before
# collecting again: ≈ 55 MB live became ≈ 200 MB of old space in the contacts benchmark. With a
# limit of 256 MB or less, V8 grows it by about 1.3× instead (collecting a little more often), and
# still has the whole 256 MB for a burst that needs it. Semi-spaces of 8 MB instead of 16 MB halve
# the young generation (32 → 16 MB resident) at the cost of more frequent, equally short scavenges.
export NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=8${NODE_OPTIONS:+ $NODE_OPTIONS}"
exec node "$MAIN"
