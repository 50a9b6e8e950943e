#!/usr/bin/env bash
# `npm test`: every check, in order; ends with one "N passed, N failed" line and a non-zero exit on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
passed=0
failed=0
failures=()

step() { # step <name> <command...>: a check that passes or fails as a whole
  local name="$1"; shift
  echo "::: $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); echo "::: $name ok ($((SECONDS - t0)) s)"
  else failed=$((failed + 1)); failures+=("$name"); echo "::: $name FAILED ($((SECONDS - t0)) s)"; fi
}

jest_step() { # jest_step <name> <json-out> <jest args...>: counts every test case
  local name="$1" out="$2"; shift 2
  echo "::: $name"
  rm -f "$out"
  npx jest "$@" --json --outputFile="$out"
  local rc=$?
  if [ -f "$out" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$(pwd)/$out")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" != "0" ] || [ $rc -ne 0 ]; then failures+=("$name"); [ "$f" = "0" ] && failed=$((failed + 1)); fi
  else
    failed=$((failed + 1)); failures+=("$name (no report)")
  fi
}

step "format (prettier --check)" npx prettier --check --log-level warn .
step "lint (eslint: typescript-eslint + react-hooks)" npx eslint .
step "typecheck (tsc strict, src + cloudfunctions + types + scripts + tests)" npx tsc --noEmit -p .
jest_step "unit and API integration tests (jest)" .tmp/jest-unit.json
step "build:functions (esbuild bundle + cloudbaserc.json)" npm run -s build:functions
step "build:weapp" npm run -s build:weapp
step "size check (weapp packages)" npm run -s size
step "build:h5 (local mode)" npm run -s build:h5:local
jest_step "E2E in Chromium (playwright-core)" .tmp/jest-e2e.json -c jest.e2e.config.js

echo
if [ ${#failures[@]} -gt 0 ]; then printf 'failed: %s\n' "${failures[@]}"; fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
