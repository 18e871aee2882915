#!/usr/bin/env bash
# Download pinned wheels on the host so `docker build` installs them offline.
#
# Two forms:
#   scripts/build-wheelhouse.sh [FOLDER...]
#     Folder mode: each FOLDER holds requirements.txt (pinned, with hashes) and gets
#     FOLDER/wheels/. Without arguments: async-bench's own images (compose/app,
#     compose/derived, locust). Any other project folder may be named, e.g.
#     `scripts/build-wheelhouse.sh examples/shop` fills examples/shop/wheels (the shop's
#     Dockerfile variant copies it). PYTHON_VERSION (default 3.13) must match the images'
#     python3 (trixie: 3.13).
#   scripts/build-wheelhouse.sh --python 3.11 --out DIR FILE
#     Any requirements file (or pyproject.toml: its dependencies and its build backend)
#     for any Python version, into DIR: the wheelhouse of async-bench's generic builder
#     (ASYNC_BENCH_WHEELHOUSE=DIR; docs/stack.md). Hashes are required only when FILE has
#     them; without them pip resolves the dependencies itself.
#
# Only for machines whose containers cannot reach PyPI themselves (here: a TLS-
# intercepting egress proxy whose CA only the host trusts). The Dockerfiles are the same
# everywhere: with wheels present they install these files, otherwise the same pins from
# PyPI. pip on the host downloads from PyPI with the host's own trust settings.
#
# The wheels are for the host's architecture (`uname -m`: x86_64 or aarch64), which is
# what Docker builds for by default; on any other the script does nothing and the images
# install from PyPI. Each folder ends up holding exactly the wheels of its current
# requirements: the set is downloaded into a scratch folder (pip's cache makes a repeat
# run fast) and then replaces the old one, so a stale pin never lingers and a build
# running meanwhile never sees an empty folder. Idempotent: unchanged files are left as
# they are. Set CLEAN=1 to empty the wheel folders instead.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 [FOLDER...]   or   $0 --python X.Y --out DIR REQUIREMENTS_FILE|pyproject.toml" >&2
  exit 2
}

PYTHON_VERSION=${PYTHON_VERSION:-3.13}
PIP=${PIP:-pip}
out=''
folders=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --python) [ "$#" -ge 2 ] || usage; PYTHON_VERSION=$2; shift 2 ;;
    --out) [ "$#" -ge 2 ] || usage; out=$2; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "build-wheelhouse: unknown option $1" >&2; usage ;;
    *) folders+=("$1"); shift ;;
  esac
done
[[ "$PYTHON_VERSION" =~ ^3\.[0-9]+$ ]] || { echo "build-wheelhouse: --python $PYTHON_VERSION is not a version such as 3.13" >&2; exit 2; }
abi="cp${PYTHON_VERSION/./}"

# Pairs of (requirements file, wheel folder).
files=()
dests=()
if [ -n "$out" ]; then
  [ "${#folders[@]}" -eq 1 ] || { echo "build-wheelhouse: --out takes exactly one requirements file" >&2; usage; }
  [ -f "${folders[0]}" ] || { echo "build-wheelhouse: ${folders[0]} is not a file" >&2; exit 2; }
  files=("${folders[0]}")
  dests=("$out")
else
  [ "${#folders[@]}" -gt 0 ] || folders=(compose/app compose/derived locust)
  for d in "${folders[@]}"; do
    [ -f "$d/requirements.txt" ] || { echo "build-wheelhouse: $d has no requirements.txt" >&2; exit 2; }
    files+=("$d/requirements.txt")
    dests+=("$d/wheels")
  done
fi
for dest in "${dests[@]}"; do mkdir -p "$dest"; done

if [ "${CLEAN:-0}" = 1 ]; then
  for dest in "${dests[@]}"; do rm -f "$dest"/*.whl; done
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
for i in "${!files[@]}"; do
  file=${files[$i]}
  dest=${dests[$i]}
  new="$scratch/$i"
  mkdir -p "$new"
  case "$file" in
    pyproject.toml | */pyproject.toml)
      # The project's dependencies and its build backend (pip builds the project itself
      # inside the image, offline, from these wheels).
      python3 - "$file" >"$scratch/$i.txt" <<'PY'
import sys, tomllib
with open(sys.argv[1], 'rb') as f:
    data = tomllib.load(f)
for line in data.get('project', {}).get('dependencies', []) + data.get('build-system', {}).get('requires', ['setuptools>=40.8.0']):
    print(line)
PY
      req="$scratch/$i.txt"
      ;;
    *) req=$file ;;
  esac
  # A file with hashes is a complete, resolved set (pip-compile): --no-deps, every file
  # checked against its hashes, as the image build checks it again. Otherwise pip
  # resolves the dependencies for the target Python.
  if grep -q -- '--hash=' "$req"; then mode=(--no-deps --require-hashes); else mode=(); fi
  env -u PIP_FIND_LINKS "$PIP" download --quiet --disable-pip-version-check \
    --dest "$new" --only-binary=:all: "${mode[@]}" \
    --python-version "$PYTHON_VERSION" --implementation cp \
    --abi "$abi" --abi abi3 --abi none \
    "${platforms[@]}" \
    -r "$req"
  # Replace the set: drop wheels no longer pinned, move in new or changed ones.
  # README.md and .gitignore stay.
  removed=0
  for f in "$dest"/*.whl; do
    [ -e "$f" ] || continue
    if [ ! -e "$new/${f##*/}" ]; then rm -f "$f"; removed=$((removed + 1)); fi
  done
  for f in "$new"/*.whl; do
    [ -e "$f" ] || continue
    cmp -s "$f" "$dest/${f##*/}" || mv -f "$f" "$dest/"
  done
  echo "build-wheelhouse: $dest: $(find "$dest" -maxdepth 1 -name '*.whl' | wc -l) wheels of $file for Python $PYTHON_VERSION on $arch ($removed stale removed)" >&2
done
echo "build-wheelhouse: done in $(($(date +%s) - t0)) s" >&2
