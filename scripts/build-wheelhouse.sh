#!/usr/bin/env bash
# Download the pinned wheels of the app and Locust images on the host, into their build
# contexts (compose/app/wheels, locust/wheels), so `docker build` installs them offline.
#
# Only for machines whose containers cannot reach PyPI themselves (here: a TLS-
# intercepting egress proxy whose CA only the host trusts). The Dockerfiles are the same
# everywhere: with wheels present they install these files, otherwise the same pins from
# PyPI. pip on the host downloads from PyPI with the host's own trust settings.
#
# The wheels are for the host's architecture (`uname -m`: x86_64 or aarch64), which is
# what Docker builds for by default; on any other the script does nothing and the images
# install from PyPI. Each folder ends up holding exactly the wheels of its current
# requirements.txt: the set is downloaded into a scratch folder (pip's cache makes a
# repeat run fast) and then replaces the old one, so a stale pin never lingers and a
# build running meanwhile never sees an empty folder. Idempotent: unchanged files are
# left as they are. PYTHON_VERSION must match the base image's python3 (trixie: 3.13).
# Set CLEAN=1 to empty the wheel folders instead.
# Any other project's folder (holding requirements.txt, e.g. examples/shop) may be named
# as arguments: `scripts/build-wheelhouse.sh examples/shop` fills examples/shop/wheels.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_VERSION=${PYTHON_VERSION:-3.13}
PIP=${PIP:-pip}
abi="cp${PYTHON_VERSION/./}"
dirs=(compose/app locust)
if [ "$#" -gt 0 ]; then dirs=("$@"); fi
for d in "${dirs[@]}"; do
  [ -f "$d/requirements.txt" ] || { echo "build-wheelhouse: $d has no requirements.txt" >&2; exit 2; }
  mkdir -p "$d/wheels"
done

if [ "${CLEAN:-0}" = 1 ]; then
  for d in "${dirs[@]}"; do rm -f "$d"/wheels/*.whl; done
  echo "build-wheelhouse: removed wheels" >&2
  exit 0
fi

arch=$(uname -m)
case "$arch" in
  x86_64) ;;
  aarch64 | arm64) arch=aarch64 ;;
  *)
    echo "build-wheelhouse: no wheel platform for architecture '$arch'; nothing downloaded, the images will install from PyPI" >&2
    exit 0
    ;;
esac
platforms=()
for tag in manylinux_2_39 manylinux_2_28 manylinux2014; do platforms+=(--platform "${tag}_$arch"); done
platforms+=(--platform any)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

t0=$(date +%s)
for d in "${dirs[@]}"; do
  new="$scratch/${d//\//_}"
  mkdir -p "$new"
  # requirements.txt is the complete resolved set, hence --no-deps; every file is checked
  # against its hashes there (--require-hashes), as the image build checks it again.
  env -u PIP_FIND_LINKS "$PIP" download --quiet --disable-pip-version-check \
    --dest "$new" --no-deps --only-binary=:all: --require-hashes \
    --python-version "$PYTHON_VERSION" --implementation cp \
    --abi "$abi" --abi abi3 --abi none \
    "${platforms[@]}" \
    -r "$d/requirements.txt"
  # Replace the set: drop wheels no longer pinned, move in new or changed ones.
  # README.md and .gitignore stay.
  removed=0
  for f in "$d"/wheels/*.whl; do
    [ -e "$f" ] || continue
    if [ ! -e "$new/${f##*/}" ]; then rm -f "$f"; removed=$((removed + 1)); fi
  done
  for f in "$new"/*.whl; do
    cmp -s "$f" "$d/wheels/${f##*/}" || mv -f "$f" "$d/wheels/"
  done
  echo "build-wheelhouse: $d/wheels: $(ls "$d"/wheels/*.whl | wc -l) wheels for $arch ($removed stale removed)" >&2
done
echo "build-wheelhouse: done in $(($(date +%s) - t0)) s" >&2
