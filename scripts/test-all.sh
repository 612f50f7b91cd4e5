#!/usr/bin/env bash
# `npm test`: sets up what the tests need, then runs every check: types, lint, format, unit and
# integration tests (real Prometheus, Alertmanager, MLflow; the Kubernetes simulator with real
# kubectl and client-node), and the end-to-end tests in Chromium. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step 'typecheck'
npx tsc --noEmit -p tsconfig.json
step 'lint'
npx eslint --max-warnings 0 .
step 'format'
npx prettier --check . --log-level warn
step 'unit and integration tests'
npx vitest run
step 'build'
npm run --silent build
step 'end-to-end tests (Chromium, browser mode)'
npx playwright test
