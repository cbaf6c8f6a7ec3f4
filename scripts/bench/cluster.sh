#!/usr/bin/env bash
# Callback throughput through the load balancer with 1, 2 and 3 WeLink nodes in one run (scripts/cluster.sh): for each
# node count a fresh database and cluster, signed pushes to a linked account driven through nginx with wrk, then
# accepted events/s with p50/p99, handled events/s (inbox rows the nodes finished, until the backlog drained), the drain
# time, and the check that nothing was handled twice (one conversation message per handled text, inbox rows =
# accepted events).
#
# Settings: BENCH_NODE_COUNTS ("1 2 3"), BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_EVENTS (100000 per node
# count), BENCH_DRAIN_SECONDS (60: the longest wait for the backlog). PostgreSQL/Redis: WELINK_TEST_POSTGRES /
# WELINK_TEST_REDIS when set, else scripts/services.sh.
#
# BENCH_GENERATOR is the seam for other traffic: a command that, given "COUNT FILE APPID ORIGINAL_ID TOKEN AESKEY
# COMPONENT_APPID", writes COUNT signed pushes as "path<TAB>body" lines (default: WeLink.Callbacks.Bench's `generate`,
# followers' texts). The events are sealed with the sandbox's component credentials, which the cluster's nodes use.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

node_counts=${BENCH_NODE_COUNTS:-1 2 3}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
events=${BENCH_EVENTS:-100000}
drain_limit=${BENCH_DRAIN_SECONDS:-60}
# shellcheck source=scripts/bench/bench-lib.sh
source scripts/bench/bench-lib.sh
work=$(mktemp -d /tmp/welink-bench-cluster.XXXXXX)
databases=()
clusters=()

cleanup() {
  for state in "${clusters[@]}"; do CLUSTER_STATE_DIR=$state scripts/cluster.sh stop >/dev/null 2>&1 || true; done
  for database in "${databases[@]}"; do
    psql "${psql_args[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y wrk >/dev/null; }
if [[ -z ${WELINK_TEST_POSTGRES:-} || -z ${WELINK_TEST_REDIS:-} ]]; then
  scripts/services.sh status >/dev/null 2>&1 || scripts/services.sh start >/dev/null
  # shellcheck disable=SC1091
  source .services/env
fi
use_test_postgres

say "building (Release): WeLink.Server, WeLink.Sandbox, the generator"
dotnet build -c Release src/WeLink.Server -v q -nologo >/dev/null
dotnet build -c Release src/WeLink.Sandbox -v q -nologo >/dev/null
dotnet build -c Release tests/WeLink.Callbacks.Bench -v q -nologo >/dev/null
if [[ -n ${BENCH_GENERATOR:-} ]]; then
  read -r -a generator <<<"$BENCH_GENERATOR"
else
  generator=(dotnet "$repo/tests/WeLink.Callbacks.Bench/bin/Release/net10.0/WeLink.Callbacks.Bench.dll" generate)
fi

# The sandbox's component, whose credentials scripts/cluster.sh gives every node.
component_appid=wx5a1dc0c0a1d00001
token=sandboxComponentToken
aes_key=SandboxComponentKey0123456789abcdefghijklmn
account=wxbenchaccount0001
original_id=gh_benchaccount

results=()
for nodes in $node_counts; do
  database="welink_bench_cluster_${nodes}_$(date +%s)"
  databases+=("$database")
  psql "${psql_args[@]}" -d postgres -qc "CREATE DATABASE $database" >/dev/null
  connection=$(sed "s/Database=[^;]*/Database=$database/I" <<<"$WELINK_TEST_POSTGRES")
  state="$work/cluster-$nodes"
  clusters+=("$state")
  port=$(free_port)
  say "$nodes node(s): starting the cluster"
  CLUSTER_STATE_DIR=$state CLUSTER_NODES=$nodes CLUSTER_PORT=$port CLUSTER_SANDBOX_PORT=$(free_port) \
    CLUSTER_POSTGRES=$connection CLUSTER_REDIS=$WELINK_TEST_REDIS CLUSTER_REDIS_PREFIX="bench-$database:" CLUSTER_BUILD=0 \
    scripts/cluster.sh start >/dev/null

  link_bench_account "$database" "$account" "$original_id"

  # Generated just before they are sent: WeLink refuses a push whose timestamp is stale.
  "${generator[@]}" 5000 "$work/warmup-$nodes.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
  "${generator[@]}" "$events" "$work/events-$nodes.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
  say "$nodes node(s): warming up 3 s, then $seconds s of load through the balancer"
  wrk -t2 -c"$connections" -d3s -s scripts/bench/callbacks.lua "http://127.0.0.1:$port" -- "$work/warmup-$nodes.txt" 2 >/dev/null
  sql() { psql "${psql_args[@]}" -d "$database" -tAc "$1"; }
  until [[ $(sql "SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == 0 ]]; do sleep 0.2; done
  before_rows=$(sql "SELECT COUNT(*) FROM inbox")
  before_finished=$(sql "SELECT COUNT(*) FROM inbox WHERE status <> 'pending'")
  started=$(date +%s.%N)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s scripts/bench/callbacks.lua "http://127.0.0.1:$port" -- "$work/events-$nodes.txt" 2 |
    sed -n 's/^RESULT //p')
  load_end=$(date +%s.%N)
  while [[ $(sql "SELECT COUNT(*) FROM inbox WHERE status = 'pending'") != 0 ]]; do
    if (($(date +%s) - ${load_end%.*} > drain_limit)); then
      say "$nodes node(s): the backlog did not drain within $drain_limit s"
      break
    fi
    sleep 0.2
  done
  drained=$(date +%s.%N)
  rows=$(($(sql "SELECT COUNT(*) FROM inbox") - before_rows))
  finished=$(($(sql "SELECT COUNT(*) FROM inbox WHERE status <> 'pending'") - before_finished))
  pending=$(sql "SELECT COUNT(*) FROM inbox WHERE status = 'pending'")
  parked=$(sql "SELECT COUNT(*) FROM inbox WHERE status = 'parked'")
  # Each handled text is one conversation message, whatever node took it and however often it was claimed. Texts
  # only: the sandbox's component_verify_ticket and suite_ticket, pushed when it starts, are handled (done) too and
  # leave no message — counting every done row is what once reported "5,869 messages for 5,871 handled events".
  messages=$(sql "SELECT COUNT(*) FROM conversation_messages WHERE direction = 'in' AND kind = 'text'")
  handled_all=$(sql "SELECT COUNT(*) FROM inbox WHERE status = 'done' AND kind = 'Text'")
  accepted=$(value ok "$result")
  results+=("$(printf '%s %s %s %s %s %s %s %s %s %s %s %s' "$nodes" "$(value rps "$result")" "$(value p50_ms "$result")" \
    "$(value p99_ms "$result")" "$accepted" "$rows" \
    "$(awk -v f="$finished" -v s="$started" -v e="$drained" 'BEGIN { printf "%.0f", f / (e - s) }')" \
    "$(awk -v d="$drained" -v e="$load_end" 'BEGIN { printf "%.1f", d - e }')" "$pending" "$parked" "$messages" "$handled_all")")
  CLUSTER_STATE_DIR=$state scripts/cluster.sh stop >/dev/null
done

printf '\n%-6s %10s %8s %8s %10s %10s %10s %9s   %s\n' nodes accepted/s "p50 ms" "p99 ms" accepted "inbox rows" handled/s "drain s" "check"
status=0
for row in "${results[@]}"; do
  read -r nodes rps p50 p99 accepted rows handled drain pending parked messages handled_all <<<"$row"
  # Every failed check is named: one must not hide another (a backlog left pending once hid the message count).
  failures=()
  # A request in flight when wrk stops may be stored without its answer counted.
  if ((rows < accepted || rows > accepted + connections)); then failures+=("inbox rows != accepted"); fi
  if ((messages != handled_all)); then failures+=("$messages conversation messages for $handled_all handled texts"); fi
  if ((pending > 0 || parked > 0)); then failures+=("$pending pending, $parked parked"); fi
  check=OK
  if ((${#failures[@]} > 0)); then
    check="FAILED: $(IFS=';'; echo "${failures[*]}")"
    status=1
  fi
  printf '%-6s %10s %8s %8s %10s %10s %10s %9s   %s\n' "$nodes" "$rps" "$p50" "$p99" "$accepted" "$rows" "$handled" "$drain" "$check"
done
exit $status
