#!/usr/bin/env bash
# Case transitions per second on PostgreSQL: the engine (load, evaluate, then update on version, history, timers and
# outbox in one transaction) side by side with plain-Dapper contenders making the same SQL writes: the baseline (BEGIN,
# one command, COMMIT), one command per write, and the floor (one batch, no BEGIN/COMMIT, no guard). Prints each rate
# and the engine's ratio to each. Uses the PostgreSQL of scripts/services.sh (started here when it is not running) and
# a throwaway database. Arguments: [seconds per run, default 8] [concurrent workers, default 8] [cases per worker, default 8].
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${WELINK_TEST_POSTGRES:-}" ]]; then
  [[ -f .services/env ]] || scripts/services.sh start
  # shellcheck source=/dev/null
  source .services/env
fi

dotnet run -c Release --project tests/WeLink.Cases.Benchmarks -- "$@"
