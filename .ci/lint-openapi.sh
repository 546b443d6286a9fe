#!/usr/bin/env bash
# Lints the API description the build wrote (target/openapi/openapi.json) with Redocly CLI and the rules of
# redocly.yaml (recommended, all kept). Fails on any error or warning. Needs Node.js 20.19+ and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/openapi/openapi.json ] || { echo "no target/openapi/openapi.json: run ./mvnw package first" >&2; exit 2; }
npm ci --prefix .ci/openapi-lint --no-fund --no-audit --loglevel=error
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_NOTIFICATIONS=true
lint=.ci/openapi-lint/node_modules/.bin/redocly
"$lint" lint --config redocly.yaml --format=stylish target/openapi/openapi.json
"$lint" lint --config redocly.yaml --format=json target/openapi/openapi.json 2>/dev/null >target/openapi/lint.json
node -e '
  const totals = require(process.argv[1]).totals;
  console.log(`Redocly lint: ${totals.errors} error(s), ${totals.warnings} warning(s)`);
  process.exit(totals.errors + totals.warnings === 0 ? 0 : 1);' "$PWD/target/openapi/lint.json"
