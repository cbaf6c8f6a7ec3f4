#!/usr/bin/env bash
# Callback throughput through the load balancer with 1, 2 and 3 WeLink nodes in one run (scripts/cluster.sh): for each
# node count a fresh database and cluster, signed pushes driven through nginx with wrk, then accepted events/s with
# p50/p99, handled events/s (inbox rows a handler finished from the start of the load until the backlog drained), the
# drain time, and the exactly-once checks of scripts/bench/callbacks.sh (shared through scripts/bench/bench-lib.sh): the
# nodes share one database, so a push handled on two nodes, or twice on one, shows there as a second effect.
#
# BENCH_MIX=mix (the default): the realistic mix of callbacks.sh. For each node count the bench tool's setup links a
# small world through the balancer (the admin API, the onboarding pages, the consumers' OAuth and complaints, each
# request to whichever node nginx picks) and through the cluster's one standalone sandbox, which every node calls as
# WeChat and WeCom and which pushes to the balancer; generate-mix then seals the pushes with that sandbox's credentials
# (src/WeLink.Sandbox/appsettings.json, which scripts/cluster.sh gives every node), so any node opens any push. Checked
# after the drain: every event accepted and stored once, nothing pending or parked, one conversation message per text,
# one consumer per follower, one customer per contact, every pressed card's case moved exactly once (no case twice), and
# the outbox drained with every row delivered. BENCH_DEALERS (2), BENCH_FOLLOWERS (20 per account), BENCH_CONTACTS (5
# per corp) and BENCH_CASES (40 per dealer) size the world: linked in well under two minutes per node count here.
# BENCH_MIX=text: followers' texts to one account linked by SQL (the bench tool's `generate`), checked for one
# conversation message per handled text; BENCH_GENERATOR replaces that generator: a command that, given "COUNT FILE
# APPID ORIGINAL_ID TOKEN AESKEY COMPONENT_APPID", writes COUNT signed pushes as "path<TAB>body" lines.
#
# Settings: BENCH_NODE_COUNTS ("1 2 3"), BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_EVENTS (100000 per node
# count), BENCH_DRAIN_SECONDS (60: the longest wait for the backlog), BENCH_WELINK_ARGS (extra settings for every node).
# PostgreSQL/Redis: WELINK_TEST_POSTGRES / WELINK_TEST_REDIS when set, else scripts/services.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

node_counts=${BENCH_NODE_COUNTS:-1 2 3}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
events=${BENCH_EVENTS:-100000}
drain_limit=${BENCH_DRAIN_SECONDS:-60}
mix=${BENCH_MIX:-mix}
[[ $mix == mix || $mix == text ]] || { echo "BENCH_MIX is mix or text" >&2; exit 2; }
# Smaller than callbacks.sh's world: it is linked once per node count.
: "${BENCH_DEALERS:=2}" "${BENCH_FOLLOWERS:=20}" "${BENCH_CONTACTS:=5}" "${BENCH_CASES:=40}"
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

say "building (Release): WeLink.Server, WeLink.Sandbox, the bench tool"
dotnet build -c Release src/WeLink.Server -v q -nologo >/dev/null
dotnet build -c Release src/WeLink.Sandbox -v q -nologo >/dev/null
dotnet build -c Release tests/WeLink.Callbacks.Bench -v q -nologo >/dev/null
if [[ -n ${BENCH_GENERATOR:-} ]]; then
  read -r -a generator <<<"$BENCH_GENERATOR"
else
  generator=("${bench_tool[@]}" generate)
fi

# The standalone sandbox's credentials, read where it reads them; scripts/cluster.sh gives every node the same.
sandbox_setting() { jq -er ".Sandbox.$1" src/WeLink.Sandbox/appsettings.json; }
component_appid=$(sandbox_setting Component.AppId)
token=$(sandbox_setting Component.Token)
aes_key=$(sandbox_setting Component.EncodingAesKey)
generator_credentials=("$component_appid" "$token" "$aes_key"
  "$(sandbox_setting Suite.SuiteId)" "$(sandbox_setting Suite.Token)" "$(sandbox_setting Suite.EncodingAesKey)")
# The nodes' bootstrap admin (scripts/cluster.sh), who links the mix's dealers.
admin_email=admin@welink.local
admin_password=welink-local-admin
account=wxbenchaccount0001
original_id=gh_benchaccount
# The mix's followers file hundreds of complaints each, where a person files a handful; the demo world is left out.
node_args=${BENCH_WELINK_ARGS:-}
sandbox_args=""
if [[ $mix == mix ]]; then
  node_args="--RateLimits:ConsumerFilings:PermitLimit=1000000 $node_args"
  sandbox_args=--Sandbox:Seed=false
fi

results=()
for nodes in $node_counts; do
  database="welink_bench_cluster_${nodes}_$(date +%s)"
  databases+=("$database")
  psql "${psql_args[@]}" -d postgres -qc "CREATE DATABASE $database" >/dev/null
  connection=$(sed "s/Database=[^;]*/Database=$database/I" <<<"$WELINK_TEST_POSTGRES")
  state="$work/cluster-$nodes"
  clusters+=("$state")
  port=$(free_port)
  sandbox_port=$(free_port)
  say "$nodes node(s): starting the cluster"
  CLUSTER_STATE_DIR=$state CLUSTER_NODES=$nodes CLUSTER_PORT=$port CLUSTER_SANDBOX_PORT=$sandbox_port \
    CLUSTER_POSTGRES=$connection CLUSTER_REDIS=$WELINK_TEST_REDIS CLUSTER_REDIS_PREFIX="bench-$database:" CLUSTER_BUILD=0 \
    CLUSTER_NODE_ARGS=$node_args CLUSTER_SANDBOX_ARGS=$sandbox_args scripts/cluster.sh start >/dev/null

  pushes="$work/pushes-$nodes"
  mkdir -p "$pushes"
  if [[ $mix == text ]]; then
    link_bench_account "$database" "$account" "$original_id"
    # Generated just before they are sent: WeLink refuses a push whose timestamp is stale.
    "${generator[@]}" 5000 "$pushes/warmup.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
    "${generator[@]}" "$events" "$pushes/events-1.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
  else
    world="$work/world-$nodes.json"
    link_world "http://127.0.0.1:$port" "$admin_email" "$admin_password" "http://127.0.0.1:$sandbox_port"
    say "$nodes node(s): generating $events signed events of the mix (and a warm-up set)"
    "${bench_tool[@]}" generate-mix "$world" "$pushes" 1 "$events" 5000 "${generator_credentials[@]}"
  fi

  say "$nodes node(s): warming up 3 s, then $seconds s of load through the balancer"
  warmup=$(wrk -t2 -c"$connections" -d3s -s scripts/bench/callbacks.lua "http://127.0.0.1:$port" -- "$pushes/warmup.txt" 2 |
    sed -n 's/^RESULT //p')
  # A refusal here most likely means that the pushes were sealed with credentials the nodes do not have.
  refused=$(value non200 "$warmup")
  ((${refused:-0} == 0)) || say "$nodes node(s): the nodes refused $refused of the warm-up's pushes"
  [[ $(drain "$drain_limit") != never ]] || say "$nodes node(s): the warm-up's backlog did not drain within $drain_limit s"
  before_rows=$(rows)
  before_handled=$(handled)
  started=$(now)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s scripts/bench/callbacks.lua "http://127.0.0.1:$port" -- "$pushes/events-1.txt" 2 |
    sed -n 's/^RESULT //p')
  load=$(cut -d' ' -f1 /proc/loadavg)
  drained=$(drain "$drain_limit")
  handled_rate=$(awk -v h="$(($(handled) - before_handled))" -v s="$started" -v e="$(now)" 'BEGIN { printf "%.0f", h / (e - s) }')
  stored=$(($(rows) - before_rows))

  echo "$nodes node(s):"
  checks_before=$checks failures_before=$failures
  check_intake "$(value ok "$result")" "$(value non200 "$result")" "$(value wrapped "$result")" "$stored" 1
  if [[ $mix == mix ]]; then
    check_handled_once "$(sql "SELECT COUNT(*) FROM inbox WHERE kind = 'Text'")"
    check_cards kept
  else
    # Texts only: the sandbox's component_verify_ticket and suite_ticket, pushed when it starts, are handled (done) too
    # and leave no message.
    messages=$(sql "SELECT COUNT(*) FROM conversation_messages WHERE direction = 'in' AND kind = 'text'")
    texts=$(sql "SELECT COUNT(*) FROM inbox WHERE status = 'done' AND kind = 'Text'")
    check "messages == texts" "each handled text is one conversation message ($texts texts, $messages messages)"
  fi
  # A row is claimed again when its lease ran out before the handler finished, or after a handler failed: at least
  # once by design, and the checks above show whether any effect happened twice.
  echo "  inbox rows claimed more than once: $(sql "SELECT COUNT(*) FROM inbox WHERE attempts > 1")"
  verdict="$((checks - checks_before)) OK"
  (( failures == failures_before )) || verdict="$((failures - failures_before)) of $((checks - checks_before)) FAILED"
  results+=("$nodes $(value rps "$result") $(value p50_ms "$result") $(value p99_ms "$result") $(value ok "$result") $handled_rate $drained $load ${verdict// /_}")
  CLUSTER_STATE_DIR=$state scripts/cluster.sh stop >/dev/null
done

printf '\n%s traffic through nginx, %s s of load per node count, %s connections; %s\n' "$mix" "$seconds" "$connections" \
  "$([[ $mix == mix ]] && jq -r '"\(.dealers | length) dealers linked through the sandbox, \(.dealers[0].followers | length) followers, \(.dealers[0].contacts | length) customers and \(.dealers[0].cases | length) open complaints each"' "$world" || echo "one account linked by SQL")"
printf '%-6s %10s %8s %8s %9s %10s %8s %6s   %s\n' nodes accepted/s "p50 ms" "p99 ms" accepted handled/s "drain s" load checks
for row in "${results[@]}"; do
  read -r nodes rps p50 p99 accepted handled_rate drained load verdict <<<"$row"
  printf '%-6s %10s %8s %8s %9s %10s %8s %6s   %s\n' "$nodes" "$rps" "$p50" "$p99" "$accepted" "$handled_rate" "$drained" "$load" "${verdict//_/ }"
done
exit "$failed"
