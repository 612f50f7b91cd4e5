#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, and nothing twice: Debian packages (Chromium,
# Prometheus, Alertmanager, kubectl, python3-venv), Debian's own kubectl kept under .cache, the
# pinned MLflow in .venv-mlflow, and npm dependencies. Where it may not install (not root, no
# apt), it says exactly what to install and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v prometheus >/dev/null 2>&1 || need_apt+=(prometheus)
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need_apt+=(prometheus-alertmanager)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
# Any kubectl serves the tests; Debian's kubernetes-client is installed when there is none.
command -v kubectl >/dev/null 2>&1 || need_apt+=(kubernetes-client)

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing system packages: $*"
    say "install them with: sudo apt-get install -y $*   (Debian/Ubuntu), then run npm test again"
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ${#need_apt[@]} -gt 0 ]; then
  mapfile -t unique < <(printf '%s\n' "${need_apt[@]}" | sort -u)
  say "installing ${unique[*]}"
  apt_install "${unique[@]}"
fi

# Debian's kubectl (kubernetes-client) is also kept unpacked under .cache, so the simulator is
# tested against it even where another kubectl owns /usr/bin/kubectl.
debian_kubectl=.cache/kubernetes-client/usr/bin/kubectl
if [ ! -x "$debian_kubectl" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "unpacking Debian's kubernetes-client into .cache"
  mkdir -p .cache/debs
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  (cd .cache/debs && apt-get download -qq kubernetes-client)
  dpkg-deb -x .cache/debs/kubernetes-client_*.deb .cache/kubernetes-client
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (better-sqlite3 compiles from source: about 2 minutes)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

bash scripts/services/mlflow-venv.sh
say "ready"
