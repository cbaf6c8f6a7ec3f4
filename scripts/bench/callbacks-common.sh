# shellcheck shell=bash
# Shared by scripts/bench/callbacks.sh and scripts/bench/soak.sh (sourced, from the repository's root, after
# `set -euo pipefail`): a throwaway PostgreSQL database, the bench tool, WeLink inside it with its bare endpoint, the mix's
# world linked through the sandbox, wrk runs, inbox queries and the exactly-once checks. Sourcing it sets an EXIT trap
# that stops what was started, drops the database and removes $work.
# shellcheck source=scripts/bench/bench-lib.sh
source scripts/bench/bench-lib.sh
repo=$(pwd)
work=$(mktemp -d "/tmp/welink-bench-$(basename "$0" .sh).XXXXXX")
connections=${BENCH_CONNECTIONS:-32}
pids=()

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

use_test_postgres
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
suite_id=wwbenchsuite
suite_token=benchSuiteToken
admin_email=bench@welink.local
admin_password=bench-admin-password
# The generator seals with the same credentials the sandbox is given (the bench tool's generate-mix/generate-minutes).
generator_credentials=("$component_appid" "$token" "$aes_key" "$suite_id" "$suite_token" "$aes_key")
# The sandbox in WeLink's process plays WeChat and WeCom, with the bench's credentials; its demo world is left out, and
# the bootstrap admin links the dealers. The setup's few followers file hundreds of complaints each, where a person files
# a handful: the filing limit is lifted for them.
sandbox_args=(--Sandbox:Enabled=true --Sandbox:Seed=false --RateLimits:ConsumerFilings:PermitLimit=1000000
  --Sandbox:Component:AppId=$component_appid --Sandbox:Component:AppSecret=bench-secret
  --Sandbox:Component:Token=$token --Sandbox:Component:EncodingAesKey=$aes_key
  --Sandbox:ProviderCorpId=wwbenchprovider --Sandbox:Suite:SuiteId=$suite_id --Sandbox:Suite:SuiteSecret=bench-suite-secret
  --Sandbox:Suite:Token=$suite_token --Sandbox:Suite:EncodingAesKey=$aes_key
  --Admin:BootstrapEmail=$admin_email --Admin:BootstrapPassword=$admin_password)

welink_port=$(free_port)
bare_port=$(free_port)
redis_args=()
[[ -n ${WELINK_TEST_REDIS:-} ]] && redis_args=(--ConnectionStrings:Redis="$WELINK_TEST_REDIS" --Redis:KeyPrefix="bench-$database:")

# start_welink SERVE_COMMAND [ARGS...] -- WELINK_ARGS...: the bench tool's serve command (serve BARE_PORT, or
# serve-sampling BARE_PORT FILE SECONDS) with WeLink on the database and Redis, listening on $welink_port and
# $bare_port, where the first middleware answers "success" after reading the body: both endpoints in one process, as
# the comparison needs. It runs from its own folder, as a deployment does: a content root holding the PostgreSQL data of
# scripts/services.sh would have the configuration file watcher wake up on every write the database makes.
start_welink() {
  local serve=()
  while [[ $1 != -- ]]; do serve+=("$1"); shift; done
  shift
  (cd "$(dirname "${bench_tool[1]}")" && exec "${bench_tool[@]}" "${serve[@]}" \
    --urls="http://127.0.0.1:$welink_port;http://127.0.0.1:$bare_port" --environment=Production --Logging:LogLevel:Default=Warning \
    --Database:Provider=postgres --ConnectionStrings:WeLink="$connection" "${redis_args[@]}" "$@") >"$work/welink.log" 2>&1 &
  welink_pid=$!
  pids+=("$welink_pid")
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$welink_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$welink_port/health/ready" >/dev/null || { cat "$work/welink.log" >&2; say "WeLink did not become ready"; exit 1; }
}

# link_world: BENCH_DEALERS dealers linked through the sandbox, with BENCH_CASES open complaints each, into
# $work/world.json (the bench tool's setup).
link_world() {
  say "linking ${BENCH_DEALERS:-6} dealers through the sandbox, ${BENCH_CASES:-250} complaints filed with each"
  "${bench_tool[@]}" setup "http://127.0.0.1:$welink_port" "$work/world.json" "${BENCH_DEALERS:-6}" "${BENCH_FOLLOWERS:-50}" \
    "${BENCH_CONTACTS:-10}" "${BENCH_CASES:-250}" "$admin_email" "$admin_password"
}

run() { # url file seconds
  wrk -t2 -c"$connections" -d"$3s" -s scripts/bench/callbacks.lua "$1" -- "$2" 2 | sed -n 's/^RESULT //p'
}
sql() { psql "${psql_args[@]}" -d "$database" -tAc "$1"; }
# The sandbox pushes on its own as well: WeChat's report on each template message it took (TEMPLATESENDJOBFINISH), such
# as those the cases' moves send. Their MsgIDs are its message log's (1, 2, ...), where the generator's count up from the
# clock in microseconds, so the bench's own rows are all others. (WeLink may store fewer reports than the sandbox
# pushed: an event's dedup key is its sender, CreateTime and Event, so two reports to one follower in a second are one.)
sandbox_report="kind = 'TemplateSendJobFinish' AND substring(payload from '<MsgID>([0-9]+)</MsgID>')::bigint < 1000000000000"
rows() { sql "SELECT COUNT(*) FROM inbox WHERE NOT ($sandbox_report)"; }
handled() { sql "SELECT COUNT(*) FROM inbox WHERE status = 'done'"; }
pending() { sql "SELECT COUNT(*) FROM inbox WHERE status = 'pending'"; }
outbox_pending() { sql "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"; }
now() { date +%s.%N; }
drain() { # [LIMIT] [COUNT]: prints the seconds until COUNT (pending: the inbox's pending rows) is 0, or "never" after LIMIT s (120)
  local start limit=${1:-120} count=${2:-pending}; start=$(now)
  while (( $($count) > 0 )); do
    awk -v s="$start" -v n="$(now)" -v l="$limit" 'BEGIN { exit !(n - s > l) }' && { echo never; return; }
    sleep 0.2
  done
  awk -v s="$start" -v n="$(now)" 'BEGIN { printf "%.1f\n", n - s }'
}

failed=0
check() { # CONDITION(0/1) TEXT
  if (( $1 )); then echo "check: $2: OK"; else echo "check: $2: FAILED"; failed=1; fi
}
# check_handled_once TEXTS: every text message (TEXTS of them were stored, purged ones included) one conversation
# message, one consumer per follower however often they followed and unfollowed, one customer per contact.
check_handled_once() {
  local texts=$1 messages followers consumers customers contacts
  messages=$(sql "SELECT COUNT(*) FROM conversation_messages WHERE idempotency_key LIKE 'wechat:%'")
  check "texts == messages" "each text message is one conversation message ($texts texts, $messages messages)"
  followers=$(jq '[.dealers[].followers | length] | add' "$work/world.json")
  consumers=$(sql "SELECT COUNT(*) FROM consumers")
  check "consumers == followers" "one consumer per follower, however often they followed and unfollowed ($followers followers, $consumers consumers)"
  customers=$(jq '[.dealers[].contacts | length] | add' "$work/world.json")
  contacts=$(sql "SELECT COUNT(*) FROM external_contacts")
  check "contacts == customers" "customer changes kept one customer each ($customers customers, $contacts stored)"
}
# check_cards kept|purged: every card press stored (a template_card_event whose task id names a case) moved its case exactly
# once, whether it was the card's first press or a replay of it, and no case moved twice by the button; with "kept" (no
# inbox row was purged) also no case moved by a card press that is not stored. Then, once the outbox has drained, the
# outbox rows the moves made (keyed {case}:{sequence}:{action} after the move's history row; with "kept" at least one per
# move) and all others, the cards and notices of the filings among them, are delivered: none pending or parked.
check_cards() {
  local trigger presses pressed wrong twice moved made undelivered outbox_left left kept=0
  [[ ${1:-} == kept ]] && kept=1
  trigger=$(jq -r '.dealers[0].cases[0].trigger' "$work/world.json")
  read -r presses pressed wrong <<<"$(sql "
    WITH pressed AS (SELECT DISTINCT substring(payload from 'case-([0-9a-f]{32})-')::uuid AS case_id
                     FROM inbox WHERE kind = 'TemplateCardEvent')
    SELECT (SELECT COUNT(*) FROM inbox WHERE kind = 'TemplateCardEvent'), (SELECT COUNT(*) FROM pressed),
           (SELECT COUNT(*) FROM pressed p
            WHERE (SELECT COUNT(*) FROM case_history h WHERE h.case_id = p.case_id AND h.trigger = '$trigger') <> 1)" | tr '|' ' ')"
  check "presses > 0 && wrong == 0" \
    "every card press moved its case once ($presses presses on $pressed cases, $(( presses - pressed )) of them replays; $wrong cases moved other than once)"
  twice=$(sql "SELECT COUNT(*) FROM (SELECT case_id FROM case_history WHERE trigger = '$trigger' GROUP BY case_id HAVING COUNT(*) > 1) t")
  moved=$(sql "SELECT COUNT(DISTINCT case_id) FROM case_history WHERE trigger = '$trigger' AND idempotency_key LIKE 'card:%'")
  if (( kept )); then
    check "twice == 0 && moved == pressed" "no case moved twice by '$trigger' ($twice), and each card move a stored press's ($moved cases moved by a card)"
  else
    check "twice == 0" "no case moved twice by '$trigger' ($twice)"
  fi
  outbox_left=$(drain 120 outbox_pending)
  read -r made undelivered <<<"$(sql "
    SELECT COUNT(*), COUNT(*) FILTER (WHERE o.status <> 'done') FROM case_history h
    JOIN outbox o ON o.case_id = h.case_id AND o.idempotency_key LIKE replace(h.case_id::text, '-', '') || ':' || h.sequence || ':%'
    WHERE h.trigger = '$trigger'" | tr '|' ' ')"
  left=$(sql "SELECT COUNT(*) FROM outbox WHERE status <> 'done'")
  # A purge may have taken delivered rows (the soak's), so only a kept outbox must show a row for every move.
  check "(made >= moved || !kept) && undelivered == 0 && left == 0" \
    "the moves' outbox rows were delivered ($made rows for $moved moves, $undelivered not), and all others (outbox drained in $outbox_left s; $left rows pending or parked)"
}
