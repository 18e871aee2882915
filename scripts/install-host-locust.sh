#!/usr/bin/env bash
# Installs Locust on the host, in its own venv (.cache/locust-venv), for the unit test that runs
# the locustfile's RouteUser with real Locust against a local server
# (__tests__/locustfile-routes.test.ts). The load image installs the hash-locked set for Python
# 3.13; the host may run another Python, so this resolves the pinned direct dependency for it.
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/locust-venv
want=$(sed -n 's/^locust==//p' locust/requirements.in)
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -m locust --version 2>/dev/null | awk '{print $2}')" = "$want" ]; then
  echo "install-host-locust: locust $want already in $venv"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r locust/requirements.in
echo "install-host-locust: $("$venv/bin/python" -m locust --version) in $venv"
