#!/usr/bin/env bash
# Creates .venv-mlflow (git-ignored) with the pinned MLflow server the integration tests start.
# Idempotent: does nothing when the venv already has the pinned version and its extras.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.venv-mlflow"
requirements="$root/scripts/services/mlflow-requirements.txt"
pinned="$(sed -n 's/^mlflow\(\[[^]]*\]\)\?==\([^[:space:]]*\).*/\2/p' "$requirements" | head -n1)"

if [[ -z "$pinned" ]]; then
  echo "mlflow-venv: no 'mlflow==VERSION' line in $requirements" >&2
  exit 1
fi

if [[ ! -x "$venv/bin/python" ]]; then
  echo "mlflow-venv: creating $venv"
  python3 -m venv "$venv"
fi

# The server's version and the basic-auth app's Flask-WTF are what the tests need.
if "$venv/bin/python" - "$pinned" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version
assert version("mlflow") == sys.argv[1]
import flask_wtf  # noqa: F401  (the [auth] extra)
PY
  echo "mlflow-venv: mlflow $pinned already installed in $venv"
  exit 0
fi

echo "mlflow-venv: installing mlflow $pinned into $venv (a few minutes the first time)"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements"
"$venv/bin/mlflow" --version
