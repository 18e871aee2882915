#!/usr/bin/env bash
# Download the pinned wheels of the app and Locust images on the host, into their build
# contexts (compose/app/wheels, locust/wheels), so `docker build` installs them offline.
#
# Only for machines whose containers cannot reach PyPI themselves (here: a TLS-
# intercepting egress proxy whose CA only the host trusts). The Dockerfiles are the same
# everywhere: with wheels present they install these files, otherwise the same pins from
# PyPI. pip on the host downloads from PyPI with the host's own trust settings.
#
# Idempotent (pip skips files already there). PYTHON_VERSION must match the base image's
# python3 (trixie: 3.13). Set CLEAN=1 to empty the wheel folders instead.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_VERSION=${PYTHON_VERSION:-3.13}
PIP=${PIP:-pip}
abi="cp${PYTHON_VERSION/./}"
dirs=(compose/app locust)

if [ "${CLEAN:-0}" = 1 ]; then
  for d in "${dirs[@]}"; do rm -f "$d"/wheels/*.whl; done
  echo "build-wheelhouse: removed wheels" >&2
  exit 0
fi

t0=$(date +%s)
for d in "${dirs[@]}"; do
  # requirements.txt is the complete resolved set, hence --no-deps.
  env -u PIP_FIND_LINKS "$PIP" download --quiet --disable-pip-version-check \
    --dest "$d/wheels" --no-deps --only-binary=:all: \
    --python-version "$PYTHON_VERSION" --implementation cp \
    --abi "$abi" --abi abi3 --abi none \
    --platform manylinux_2_39_x86_64 --platform manylinux_2_28_x86_64 \
    --platform manylinux2014_x86_64 --platform any \
    -r "$d/requirements.txt"
  echo "build-wheelhouse: $d/wheels: $(ls "$d"/wheels/*.whl | wc -l) wheels" >&2
done
echo "build-wheelhouse: done in $(($(date +%s) - t0)) s" >&2
