#!/usr/bin/env bash
# Members per second on PostgreSQL: resolving the member of an identity and linking a new identity of a known person
# through Members (IMemberLinks), side by side with plain Dapper making the same reads and writes. Prints each rate and
# Members' ratio to plain (target: at least 0.7). Uses the PostgreSQL of scripts/services.sh (started here when it is not
# running) and a throwaway database. Arguments: [seconds per run, default 8] [concurrent workers, default 8] [people, default 2000].
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${WELINK_TEST_POSTGRES:-}" ]]; then
  [[ -f .services/env ]] || scripts/services.sh start
  # shellcheck source=/dev/null
  source .services/env
fi

dotnet run -c Release --project tests/WeLink.Members.Benchmarks -- "$@"
