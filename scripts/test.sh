#!/usr/bin/env bash
# The one test command: starts throwaway PostgreSQL and Redis (scripts/services.sh), builds the solution
# in Release, runs every test project against them, and ends with one line:
#
#   tests: N passed, N failed, N skipped
#
# It exits non-zero when anything failed or no test ran. Extra arguments go to `dotnet test`,
# e.g. scripts/test.sh --filter "FullyQualifiedName~Coordination".
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
services="$repo_root/scripts/services.sh"
results_dir="$repo_root/TestResults"
cd "$repo_root"

say() { printf 'test.sh: %s\n' "$*" >&2; }

# Debian packages some tests need, installed when missing with apt-get (update first only if the plain install fails);
# in CI a failure is fatal. The browser tests drive Debian's Chromium at /usr/bin/chromium (Playwright never downloads
# one); the cluster fault test (ClusterFaultTests) runs its nodes behind nginx, which scripts/cluster.sh starts under
# the test's own folder (never the system service).
install_package() { # PACKAGE BINARY WHAT-NEEDS-IT
  [[ -x $2 ]] && return 0
  local sudo=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  fi
  say "installing $1 for $3"
  local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1")
  if "${install[@]}" >/dev/null 2>&1 || { "${sudo[@]}" apt-get update -qq && "${install[@]}" >/dev/null; }; then
    return 0
  fi
  if [[ -n ${CI:-} ]]; then
    say "$1 could not be installed; in CI that is a failure"
    exit 1
  fi
  say "$1 could not be installed; $3 will fail"
}

# Services that were already running belong to whoever started them; only ours are stopped at the end.
stop_services=false
stop_our_services() {
  if [[ $stop_services == true ]]; then
    "$services" stop || say "could not stop the test services; run scripts/services.sh stop"
  fi
}
trap stop_our_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if "$services" status; then
  say "using the PostgreSQL and Redis that are already running"
else
  stop_services=true
  if ! "$services" start >/dev/null; then
    if [[ -n ${CI:-} ]]; then
      say "PostgreSQL and Redis could not be started; in CI that is a failure"
      exit 1
    fi
    say "PostgreSQL and Redis could not be started; the tests that need them will fail"
  fi
fi
if [[ -f .services/env ]]; then
  # shellcheck source=/dev/null
  source .services/env
fi

# The npm projects (the staff app; the mini-program): `npm ci && npm test` in each, whose test script writes a
# Jest-style JSON report (numPassedTests, numFailedTests, numPendingTests — Vitest writes the same keys); their
# counts join the final line. A project that fails or writes no report fails the run. They run after the Release
# build: the mini-program's journey test (miniprogram/test/journey.test.js) starts src/WeLink.Server's Release
# build as the README's local run starts it.
npm_passed=0 npm_failed=0 npm_skipped=0 npm_status=0
run_npm_tests() {
  local dir="$repo_root/$1" report="$repo_root/$1/$2" started=$SECONDS
  rm -f "$report"
  say "npm tests in $1"
  (cd "$dir" && npm ci --no-audit --no-fund && npm test) || npm_status=1
  say "npm tests in $1 took $((SECONDS - started)) s"
  if [[ ! -f $report ]]; then
    say "$1 wrote no test report ($2)"
    npm_status=1
    return
  fi
  local p f s
  read -r p f s < <(node -e 'const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests ?? 0))' "$report")
  npm_passed=$((npm_passed + p)) npm_failed=$((npm_failed + f)) npm_skipped=$((npm_skipped + s))
}

install_package chromium /usr/bin/chromium "the browser tests"
install_package nginx /usr/sbin/nginx "the cluster fault test"

dotnet build WeLink.sln -c Release

# Results of an earlier run must not be counted again.
rm -rf "$results_dir"
test_status=0
dotnet test WeLink.sln -c Release --no-build \
  --logger "trx;LogFilePrefix=welink" --results-directory "$results_dir" \
  --blame-hang-timeout 5m "$@" || test_status=$?

# Sum the <Counters> of every TRX file: passed; failed with errors, timeouts and aborts; skipped as
# total - executed, because the TRX logger leaves notExecuted at 0 for skipped xUnit tests.
read -r passed failed skipped < <(
  find "$results_dir" -name 'welink*.trx' -exec grep -h -o '<Counters [^>]*>' {} + 2>/dev/null |
    awk '
      {
        for (i = 2; i <= NF; i++) {
          split($i, pair, "=")
          gsub(/[^0-9]/, "", pair[2])
          count[pair[1]] += pair[2]
        }
      }
      END {
        print count["passed"] + 0,
          count["failed"] + count["error"] + count["timeout"] + count["aborted"],
          count["total"] - count["executed"]
      }'
)

run_npm_tests wecom-app vitest.json
run_npm_tests miniprogram jest.json
passed=$((passed + npm_passed)) failed=$((failed + npm_failed)) skipped=$((skipped + npm_skipped))

echo "tests: $passed passed, $failed failed, $skipped skipped"
say "wall time $((SECONDS / 60)) min $((SECONDS % 60)) s"

if ((test_status != 0 || npm_status != 0 || failed > 0)); then
  exit 1
fi
if ((passed + failed == 0)); then
  say "no test ran"
  exit 1
fi
