#!/usr/bin/env bash
# Compile compose/app, locust and examples/shop requirements.txt from their requirements.in:
# the full pinned set with sha256 hashes of every file PyPI has for each version, which the
# Dockerfiles install with --require-hashes.
#
# Runs pip-compile on the images' Python (Debian trixie's python3: 3.13), so environment
# markers resolve as in the images; PYTHON names that interpreter (default python3.13).
# Existing pins are kept; extra arguments go to pip-compile, e.g. --upgrade or
# --upgrade-package Django. pip-tools is installed into a throwaway venv, at the version
# below, so every run writes the same header and layout.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.13}
PIP_TOOLS_VERSION=7.6.2

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'; then
  echo "lock-requirements: '$PYTHON' is not Python 3.13 (the images' python3); set PYTHON" >&2
  exit 1
fi
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"$PYTHON" -m venv "$venv"
# PIP_FIND_LINKS (a local wheel folder on some machines) would end up in the output.
unset PIP_FIND_LINKS
"$venv/bin/pip" install --quiet --disable-pip-version-check "pip-tools==$PIP_TOOLS_VERSION"
for d in compose/app locust examples/shop; do
  (cd "$d" && "$venv/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras "$@" requirements.in)
  echo "lock-requirements: $d/requirements.txt: $(grep -c '^[A-Za-z0-9]' "$d/requirements.txt") packages" >&2
done
