#!/usr/bin/env bash
# Case transitions per second on PostgreSQL: the engine (load, evaluate, update on version, history, timers and outbox
# in one transaction) side by side with a baseline making the same SQL writes with plain Dapper. Prints both and the
# ratio. Uses the PostgreSQL of scripts/services.sh (started here when it is not running) and a throwaway database.
# Arguments: [seconds per run, default 8] [concurrent workers, default 8].
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${WELINK_TEST_POSTGRES:-}" ]]; then
  [[ -f .services/env ]] || scripts/services.sh start
  # shellcheck source=/dev/null
  source .services/env
fi

dotnet run -c Release --project tests/WeLink.Cases.Benchmarks -- "$@"
