#!/usr/bin/env bash
# Callback throughput: WeLink on PostgreSQL (and Redis when available) receiving validly signed,
# encrypted official-account messages over loopback, against a bare endpoint in the same process that only
# reads the body and answers "success". Prints events/s, p50 and p99 for both and the ratio, then checks that
# the inbox holds one row per accepted event.
#
# Uses the PostgreSQL/Redis of WELINK_TEST_POSTGRES / WELINK_TEST_REDIS when set, else starts them with
# scripts/services.sh. Settings: BENCH_SECONDS (10), BENCH_ROUNDS (3: bare then WeLink, each round; the figures are
# the medians, as the machine is shared and noisy), BENCH_CONNECTIONS (32), BENCH_EVENTS (150000 per round), and
# BENCH_WELINK_ARGS for extra WeLink settings (e.g. --Inbox:DispatchEnabled=false to measure receiving alone).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

seconds=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
events=${BENCH_EVENTS:-150000}
work=$(mktemp -d /tmp/welink-bench-callbacks.XXXXXX)
pids=()

say() { printf 'bench: %s\n' "$*" >&2; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n ${database:-} ]]; then
    psql "${psql_args[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y wrk >/dev/null; }
if [[ -z ${WELINK_TEST_POSTGRES:-} ]]; then
  scripts/services.sh status >/dev/null 2>&1 || scripts/services.sh start >/dev/null
  # shellcheck disable=SC1091
  source .services/env
fi

field() { tr ';' '\n' <<<"$WELINK_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -n 1; }
psql_args=(-h "$(field Host)" -p "$(field Port)" -U "$(field Username)")
export PGPASSWORD=$(field Password)
database="welink_bench_$(date +%s)"
psql "${psql_args[@]}" -d postgres -qc "CREATE DATABASE $database" >/dev/null
connection="${WELINK_TEST_POSTGRES/Database=postgres/Database=$database}"
[[ $connection == *"Database=$database"* ]] || connection="$WELINK_TEST_POSTGRES;Database=$database"

say "building (Release)"
dotnet build -c Release tests/WeLink.Callbacks.Bench -v q -nologo >/dev/null
bench_tool=(dotnet "$repo/tests/WeLink.Callbacks.Bench/bin/Release/net10.0/WeLink.Callbacks.Bench.dll")

component_appid=wxbenchcomponent01
token=benchComponentToken
aes_key=BenchComponentKey0123456789abcdefghijklmnop
account=wxbenchaccount0001
original_id=gh_benchaccount
say "generating $rounds x $events signed events (and a warm-up set)"
for round in $(seq 1 "$rounds"); do
  "${bench_tool[@]}" generate "$events" "$work/events-$round.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
done
"${bench_tool[@]}" generate 20000 "$work/warmup.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
welink_port=$(free_port)
bare_port=$(free_port)
redis_args=()
[[ -n ${WELINK_TEST_REDIS:-} ]] && redis_args=(--ConnectionStrings:Redis="$WELINK_TEST_REDIS" --Redis:KeyPrefix="bench-$database:")

# WeLink runs inside the benchmark tool, as WeLink.Server runs it, also listening on the bare port, where the first
# middleware answers "success" after reading the body: both endpoints in one process, as the comparison needs.
# It runs from its own folder, as a deployment does: a content root holding the PostgreSQL data of
# scripts/services.sh would have the configuration file watcher wake up on every write the database makes.
(cd "$(dirname "${bench_tool[1]}")" && exec "${bench_tool[@]}" serve "$bare_port" \
  --urls="http://127.0.0.1:$welink_port;http://127.0.0.1:$bare_port" --environment=Production --Logging:LogLevel:Default=Warning \
  --Database:Provider=postgres --ConnectionStrings:WeLink="$connection" "${redis_args[@]}" \
  --Sandbox:Enabled=false \
  --WeChat:Component:AppId=$component_appid --WeChat:Component:AppSecret=bench-secret \
  --WeChat:Component:Token=$token --WeChat:Component:EncodingAesKey=$aes_key \
  --WeCom:ProviderCorpId=wwbenchprovider --WeCom:Suite:SuiteId=wwbenchsuite --WeCom:Suite:SuiteSecret=bench-suite-secret \
  --WeCom:Suite:Token=benchSuiteToken --WeCom:Suite:EncodingAesKey=$aes_key \
  ${BENCH_WELINK_ARGS:-}) >"$work/welink.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$welink_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$welink_port/health/ready" >/dev/null || { cat "$work/welink.log" >&2; say "WeLink did not become ready"; exit 1; }

# WeLink takes a push only for an account a dealer has linked, addressed to that account's original id: link the
# account as onboarding would (an approved dealer of a brand, the link with its original id). WeLink ran its
# migrations before answering ready, so the tables exist.
say "linking $account ($original_id) to a bench dealer"
psql "${psql_args[@]}" -d "$database" -v ON_ERROR_STOP=1 -q \
  -v account="$account" -v original_id="$original_id" >/dev/null <<'SQL'
INSERT INTO brands (id, name, created_at) VALUES ('01900000-0000-7000-8000-0000000000b1', 'Bench brand', now());
INSERT INTO dealers (id, brand_id, code, name, status, created_at, updated_at, version)
VALUES ('01900000-0000-7000-8000-0000000000d1', '01900000-0000-7000-8000-0000000000b1', 'BENCH01', 'Bench dealer', 'approved', now(), now(), 1);
INSERT INTO official_account_links (dealer_id, app_id, nick_name, original_id, status, updated_at)
VALUES ('01900000-0000-7000-8000-0000000000d1', :'account', 'Bench account', :'original_id', 'active', now());
SQL

run() { # url file seconds
  wrk -t2 -c"$connections" -d"$3s" -s scripts/bench/callbacks.lua "$1" -- "$2" 2 | sed -n 's/^RESULT //p'
}
value() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
rows() { psql "${psql_args[@]}" -d "$database" -tAc "SELECT COUNT(*) FROM inbox"; }

say "warming up both for 5 s"
run "http://127.0.0.1:$bare_port" "$work/warmup.txt" 5 >/dev/null
run "http://127.0.0.1:$welink_port" "$work/warmup.txt" 5 >/dev/null
sleep 1
before=$(rows)

bare_runs=() welink_runs=()
for round in $(seq 1 "$rounds"); do
  say "round $round of $rounds: the bare endpoint, then WeLink, $seconds s each"
  # The bare endpoint gets the same requests; it stores nothing, so WeLink's are still new to it.
  bare_runs+=("$(run "http://127.0.0.1:$bare_port" "$work/events-$round.txt" "$seconds")")
  welink_runs+=("$(run "http://127.0.0.1:$welink_port" "$work/events-$round.txt" "$seconds")")
done
sleep 2
stored=$(( $(rows) - before ))

each() { local name=$1; shift; for r in "$@"; do value "$name" "$r"; done; } # FIELD RESULTS...
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sum() { awk '{ s += $1 } END { print s + 0 }'; }
row() { # LABEL RESULTS...
  local label=$1; shift
  printf '%-22s %10s %9s %9s   (rounds: %s)\n' "$label" "$(each rps "$@" | median)" "$(each p50_ms "$@" | median)" \
    "$(each p99_ms "$@" | median)" "$(each rps "$@" | paste -sd, -)"
}
printf '\n%-22s %10s %9s %9s   medians of %s rounds\n' "" "events/s" "p50 ms" "p99 ms" "$rounds"
row bare "${bare_runs[@]}"
row WeLink "${welink_runs[@]}"
awk -v w="$(each rps "${welink_runs[@]}" | median)" -v b="$(each rps "${bare_runs[@]}" | median)" \
  'BEGIN { printf "WeLink / bare (same process): %.2f\n", w / b }'
accepted=$(each ok "${welink_runs[@]}" | sum)
refused=$(each non200 "${welink_runs[@]}" | sum)
wrapped=$(each wrapped "${welink_runs[@]}" | sum)
echo "WeLink: accepted (HTTP 200) $accepted, refused $refused," \
  "socket errors $(each socket_errors "${welink_runs[@]}" | sum), repeated requests $wrapped"
echo "inbox rows written during the rounds: $stored"
# A request still in flight when wrk stops may be stored without its answer being counted.
if (( refused > 0 || accepted == 0 )); then
  # Every event is genuine and addressed to the linked account: a refusal means the setup, not WeLink, is off.
  echo "check: WeLink refused $refused of the events (is $account linked with original id $original_id?): FAILED"
  exit 1
elif (( wrapped > 0 )); then
  # Repeats are retries to WeLink: answered success and rightly not stored again, so the rows cannot match.
  echo "check: wrk ran out of events and sent $wrapped again; raise BENCH_EVENTS (now $events per round): FAILED"
  exit 1
elif (( stored >= accepted && stored <= accepted + rounds * connections )); then
  echo "check: inbox rows = accepted events (within the $connections requests in flight at each stop): OK"
else
  echo "check: inbox rows do not match accepted events: FAILED"
  exit 1
fi
