#!/usr/bin/env bash
# Provision a Docker engine + Compose v2 on a Debian machine that has none running,
# and -- only where the public registries are unreachable -- create local stand-ins for
# the two images the product pulls (the base image and Toxiproxy) under the exact tags
# the product files reference. The product's Dockerfiles and compose files are never
# edited: a GitHub runner pulls the real images, this machine builds equivalents.
#
# Idempotent: every step checks first and skips what is already there.
# Non-interactive; must run as root (apt, dockerd).
#
# Environment (all optional):
#   DEBIAN_MIRROR          Debian mirror for debootstrap/trixie download (default http://deb.debian.org/debian)
#   BASE_IMAGE             base image tag to provide (default debian:trixie-slim; must be a trixie tag)
#   PYTHON_BASE_IMAGES     more Debian stand-ins for the generic builder's app.python (default
#                          debian:bookworm-slim: Python 3.11)
#   PYTHON_STAND_INS       official python:<v>-slim names given to them where those cannot be
#                          pulled (default "3.13=debian:trixie-slim 3.11=debian:bookworm-slim"), so
#                          app.python works here as on a runner; the builder installs python3 with apt
#                          in a base that lacks it and checks its version
#   TOXIPROXY_VERSION      Toxiproxy version to provide (default 2.12.0; keep in step with compose/toxiproxy.yml)
#   DOCKERD_LOG            dockerd log file (default /var/log/dockerd.log)
#   DOCKER_DATA_ROOT       dockerd --data-root (default /var/lib/docker)
#   REGISTRY_PROBE_TIMEOUT seconds allowed for the registry probe pull (default 20)
#   SKIP_IMAGES=1          only engine + compose, no image stand-ins
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE_IMAGE=${BASE_IMAGE:-debian:trixie-slim}
PYTHON_BASE_IMAGES=${PYTHON_BASE_IMAGES-debian:bookworm-slim}
PYTHON_STAND_INS=${PYTHON_STAND_INS-3.13=debian:trixie-slim 3.11=debian:bookworm-slim}
TOXIPROXY_VERSION=${TOXIPROXY_VERSION:-2.12.0}
TOXIPROXY_IMAGE="ghcr.io/shopify/toxiproxy:${TOXIPROXY_VERSION}"
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKER_DATA_ROOT=${DOCKER_DATA_ROOT:-/var/lib/docker}
REGISTRY_PROBE_TIMEOUT=${REGISTRY_PROBE_TIMEOUT:-20}
CLI_PLUGIN_DIR=/usr/libexec/docker/cli-plugins

log() { printf '[provision %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# step NAME FUNCTION: run FUNCTION and print how long it took.
step() {
  local name=$1 fn=$2 t0 t1
  t0=$(date +%s.%N)
  log "== $name"
  "$fn"
  t1=$(date +%s.%N)
  printf '[provision] step %-22s %6.1f s\n' "$name" "$(awk "BEGIN{print $t1-$t0}")" >&2
}

[ "$(id -u)" = 0 ] || die "must run as root"
command -v apt-get >/dev/null || die "not a Debian/Ubuntu machine (no apt-get)"

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
}

# --- 1. Debian packages: docker.io (engine: dockerd, containerd, runc), iptables, debootstrap
install_packages() {
  local want=() p
  command -v dockerd >/dev/null || want+=(docker.io)
  command -v iptables >/dev/null || want+=(iptables)
  command -v debootstrap >/dev/null || want+=(debootstrap)
  command -v ip >/dev/null || want+=(iproute2)
  # docker.io's Depends cover containerd/runc/tini; these make 'docker.io' usable without recommends.
  for p in ca-certificates xz-utils; do
    dpkg -s "$p" >/dev/null 2>&1 || want+=("$p")
  done
  if [ ${#want[@]} = 0 ]; then
    log "packages already installed"
    return
  fi
  apt_update_once
  # Keep package scripts from trying to start services (there is no init system here);
  # dockerd is started below with known flags and a known log file.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
  fi
  log "apt-get install ${want[*]}"
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
  [ "$created_policy" = 1 ] && rm -f "$policy"
  return 0
}

# --- 2. Compose v2 as a CLI plugin, from trixie's docker-compose package (v2.x; bookworm only has v1)
install_compose() {
  if docker compose version >/dev/null 2>&1; then
    log "compose plugin present: $(docker compose version --short 2>/dev/null || true)"
    return
  fi
  local tmp
  tmp=$(mktemp -d)
  # A throwaway apt configuration that knows only trixie: used to *download* one .deb,
  # never to install from trixie (the host stays a bookworm system).
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/etc/sources.list.d" "$tmp/etc/preferences.d"
  cat >"$tmp/etc/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${DEBIAN_MIRROR} trixie main
EOF
  local aptopts=(
    -o "Dir::Etc::SourceList=$tmp/etc/sources.list"
    -o "Dir::Etc::SourceParts=$tmp/etc/sources.list.d"
    -o "Dir::Etc::Preferences=$tmp/etc/preferences"
    -o "Dir::Etc::PreferencesParts=$tmp/etc/preferences.d"
    -o "Dir::State::Lists=$tmp/lists"
    -o "Dir::Cache=$tmp/cache"
    -o "Dir::State::status=/dev/null"
    -o "APT::Architecture=amd64"
    -o "Acquire::Languages=none"
    -o "APT::Sandbox::User=root"
  )
  apt-get "${aptopts[@]}" update -qq
  local ver
  ver=$(apt-cache "${aptopts[@]}" show docker-compose | awk '/^Version:/{print $2; exit}')
  log "trixie docker-compose version: ${ver:-?}"
  (cd "$tmp" && apt-get "${aptopts[@]}" download docker-compose >/dev/null)
  local deb
  deb=$(ls "$tmp"/docker-compose_*.deb)
  dpkg-deb -x "$deb" "$tmp/root"
  local bin
  bin=$(find "$tmp/root" -type f -path '*cli-plugins/docker-compose' | head -1)
  [ -n "$bin" ] || bin=$(find "$tmp/root" -type f -name docker-compose | head -1)
  [ -n "$bin" ] || die "no docker-compose binary in $deb"
  install -D -m 0755 "$bin" "$CLI_PLUGIN_DIR/docker-compose"
  rm -rf "$tmp"
  docker compose version >/dev/null || die "compose plugin installed but 'docker compose version' fails"
  log "installed $CLI_PLUGIN_DIR/docker-compose ($(docker compose version --short))"
}

# --- 3. dockerd in the background (no init system), overlay2, log to a file
start_dockerd() {
  if docker info >/dev/null 2>&1; then
    log "docker engine already answering"
    return
  fi
  if pgrep -x dockerd >/dev/null; then
    log "dockerd process exists but does not answer yet; waiting"
  else
    # Containers need forwarding to reach the Debian mirror / PyPI during builds.
    sysctl -qw net.ipv4.ip_forward=1 || true
    mkdir -p "$(dirname "$DOCKERD_LOG")"
    log "starting dockerd (log: $DOCKERD_LOG)"
    setsid nohup dockerd --storage-driver=overlay2 --data-root="$DOCKER_DATA_ROOT" \
      >>"$DOCKERD_LOG" 2>&1 </dev/null &
  fi
  local i
  for i in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then
      log "docker engine up after ~$((i / 2)) s: server $(docker version --format '{{.Server.Version}}')"
      return
    fi
    sleep 0.5
  done
  tail -n 30 "$DOCKERD_LOG" >&2 || true
  die "docker engine did not answer within 60 s"
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

# Probe the registry by pulling the real image; a blocked registry fails fast or times out.
try_pull() {
  local img=$1 out
  if out=$(timeout "$REGISTRY_PROBE_TIMEOUT" docker pull -q "$img" 2>&1); then
    log "pulled $img from its registry"
    return 0
  fi
  log "cannot pull $img: $(printf '%s' "$out" | tail -n 1 | cut -c1-200)"
  return 1
}

# --- 4. Base image stand-ins: debootstrap <suite> (minbase) + docker import under the same tag
base_image() { debian_image "$BASE_IMAGE"; }

# The generic builder's local Pythons (bookworm's python3 is 3.11); about 30 s each here.
python_base_images() {
  local image
  for image in $PYTHON_BASE_IMAGES; do debian_image "$image"; done
}

# python:<v>-slim where the registry is out of reach: a one-layer image FROM the Debian stand-in
# whose python3 is <v>, labelled as a stand-in (the generic builder apt-installs python3 there).
python_stand_ins() {
  local pair version debian image
  for pair in $PYTHON_STAND_INS; do
    version=${pair%%=*} debian=${pair#*=} image="python:${pair%%=*}-slim"
    if image_present "$image"; then
      log "$image present"
      continue
    fi
    try_pull "$image" && continue
    printf 'FROM %s\nLABEL async-bench.stand-in="%s: python3 %s from Debian, installed by the generic builder"\n' "$debian" "$debian" "$version" |
      docker build --quiet --tag "$image" - >/dev/null
    log "$image: stand-in FROM $debian"
  done
}

# debian_image TAG: TAG present, pulled, or built from debootstrap (debian:<suite>-slim tags only).
debian_image() {
  local image=$1 suite
  if image_present "$image"; then
    log "$image present"
    return
  fi
  try_pull "$image" && return
  case "$image" in
    debian:trixie* | debian:bookworm*) suite=${image#debian:}; suite=${suite%%-*} ;;
    *) die "$image cannot be pulled and only debian:trixie/bookworm stand-ins are built here" ;;
  esac
  local dir
  dir=$(mktemp -d /var/tmp/async-bench-rootfs.XXXXXX)
  log "debootstrap --variant=minbase $suite $dir $DEBIAN_MIRROR"
  debootstrap --variant=minbase "$suite" "$dir" "$DEBIAN_MIRROR" >"$dir.debootstrap.log" 2>&1 ||
    { tail -n 30 "$dir.debootstrap.log" >&2; die "debootstrap failed"; }
  # Make it look like the official slim image where Dockerfiles can notice:
  # deb822 sources with updates + security, docker apt/dpkg tweaks, no caches.
  rm -f "$dir/etc/apt/sources.list"
  mkdir -p "$dir/etc/apt/sources.list.d" "$dir/etc/dpkg/dpkg.cfg.d" "$dir/etc/apt/apt.conf.d"
  cat >"$dir/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  cat >"$dir/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  cat >"$dir/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' >"$dir/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$dir/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$dir/etc/apt/apt.conf.d/docker-autoremove-suggests"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/* "$dir"/var/log/*.log \
    "$dir"/usr/share/doc/*/[!c]* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/*
  : >"$dir/etc/resolv.conf"
  echo localhost >"$dir/etc/hostname"
  log "docker import -> $image"
  tar --numeric-owner -C "$dir" -c . |
    docker import --change 'CMD ["bash"]' --message "debootstrap minbase $suite from $DEBIAN_MIRROR (async-bench stand-in)" - "$image" >/dev/null
  rm -rf "$dir" "$dir.debootstrap.log"
  log "$image: $(docker image inspect --format '{{.Id}} {{.Size}}' "$image")"
}

# --- 5. Toxiproxy stand-in: the server and cli from the Go module, laid out like the official image
toxiproxy_image() {
  if image_present "$TOXIPROXY_IMAGE"; then
    log "$TOXIPROXY_IMAGE present"
    return
  fi
  try_pull "$TOXIPROXY_IMAGE" && return
  command -v go >/dev/null || die "go is needed to build $TOXIPROXY_IMAGE"
  local ctx
  ctx=$(mktemp -d)
  log "go install github.com/Shopify/toxiproxy/v2/cmd/{server,cli}@v${TOXIPROXY_VERSION}"
  (
    export GOBIN="$ctx" CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOFLAGS=-buildvcs=false
    go install -trimpath -ldflags "-s -w -X github.com/Shopify/toxiproxy/v2.Version=${TOXIPROXY_VERSION}" \
      "github.com/Shopify/toxiproxy/v2/cmd/server@v${TOXIPROXY_VERSION}" \
      "github.com/Shopify/toxiproxy/v2/cmd/cli@v${TOXIPROXY_VERSION}"
  )
  mv "$ctx/server" "$ctx/toxiproxy"
  mv "$ctx/cli" "$ctx/toxiproxy-cli"
  # Same layout, entrypoint and defaults as upstream's release Dockerfile (FROM scratch).
  cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
EXPOSE 8474
ENTRYPOINT ["/toxiproxy"]
CMD ["-host=0.0.0.0"]
ENV LOG_LEVEL=info
COPY toxiproxy /toxiproxy
COPY toxiproxy-cli /toxiproxy-cli
EOF
  DOCKER_BUILDKIT=0 docker build -q -t "$TOXIPROXY_IMAGE" \
    --label "org.opencontainers.image.version=${TOXIPROXY_VERSION}" \
    --label "async-bench.stand-in=go install github.com/Shopify/toxiproxy/v2@v${TOXIPROXY_VERSION}" \
    "$ctx" >/dev/null 2>&1 || DOCKER_BUILDKIT=0 docker build -t "$TOXIPROXY_IMAGE" "$ctx"
  rm -rf "$ctx"
  log "$TOXIPROXY_IMAGE: $(docker run --rm --entrypoint /toxiproxy "$TOXIPROXY_IMAGE" -version 2>&1 | head -1)"
}

T0=$(date +%s.%N)
step packages install_packages
step compose-plugin install_compose
step dockerd start_dockerd
if [ "${SKIP_IMAGES:-0}" != 1 ]; then
  step base-image base_image
  step python-base-images python_base_images
  step python-stand-ins python_stand_ins
  step toxiproxy-image toxiproxy_image
fi
printf '[provision] total %27.1f s\n' "$(awk "BEGIN{print $(date +%s.%N)-$T0}")" >&2
docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}}), client {{.Client.Version}}' >&2
docker compose version >&2
