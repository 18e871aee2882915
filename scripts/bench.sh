#!/usr/bin/env bash
# Runs the benchmark from a checkout: makes sure a Docker engine answers (on a Debian or
# Ubuntu machine without one, scripts/provision-docker.sh installs and starts it), then
# `async-bench run` with the arguments given (default: the study, profile paper).
#   npm run bench                       # the study: 27 cells x 3 min
#   npm run bench -- --profile quick    # a pull-request-sized run
set -euo pipefail
cd "$(dirname "$0")/.."

if ! docker info >/dev/null 2>&1 || ! docker compose version >/dev/null 2>&1; then
  echo "bench: no Docker engine with Compose v2 answers; provisioning one (scripts/provision-docker.sh)" >&2
  if [ "$(id -u)" = 0 ]; then bash scripts/provision-docker.sh; else sudo bash scripts/provision-docker.sh; fi
fi
# Pinned wheels downloaded on the host, so image builds also work where containers
# cannot reach PyPI; the images install the same pins either way.
if command -v pip >/dev/null 2>&1 || command -v pip3 >/dev/null 2>&1; then
  PIP=${PIP:-$(command -v pip || command -v pip3)} bash scripts/build-wheelhouse.sh
fi
exec node dist/cli.js run "$@"
