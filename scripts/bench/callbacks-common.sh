# shellcheck shell=bash
# Shared by scripts/bench/callbacks.sh and scripts/bench/soak.sh (sourced, from the repository's root, after
# `set -euo pipefail`): a throwaway PostgreSQL database, the bench tool, WeLink inside it with its bare endpoint, the
# sandbox's settings and wrk runs; with scripts/bench/bench-lib.sh (the mix's world linked through the sandbox, the inbox
# queries and the exactly-once checks, which scripts/bench/cluster.sh shares). Sourcing it sets an EXIT trap that stops
# what was started, drops the database and removes $work.
# shellcheck source=scripts/bench/bench-lib.sh
source scripts/bench/bench-lib.sh
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
world="$work/world.json"

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

run() { # url file seconds
  wrk -t2 -c"$connections" -d"$3s" -s scripts/bench/callbacks.lua "$1" -- "$2" 2 | sed -n 's/^RESULT //p'
}
