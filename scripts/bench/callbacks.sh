#!/usr/bin/env bash
# Callback throughput: WeLink on PostgreSQL (and Redis when available) receiving validly signed, encrypted pushes over
# loopback, against a bare endpoint in the same process that only reads the body and answers "success". Prints
# accepted events/s, p50 and p99 for both and the ratio, then checks that the inbox holds one row per accepted event.
#
# BENCH_MIX=mix (the default): the realistic mix, on dealers really linked through WeLink's in-process sandbox (the
# bench tool's setup: brand and approved dealers through the admin API, each account authorized and each corp
# installed through the pages, sandbox consumers following each account, staff adding some as customers, the corp's two
# members given the service advisor's and the service manager's roles on the staff API, and followers signed in with
# WeChat's OAuth filing BENCH_CASES complaints per dealer through the consumer API, each card sent to the staff). Out of
# every 20 pushes: 8 followers' text messages (40%), 4 follows and unfollows (20%), 3 menu clicks (15%), 3
# template-send results, TEMPLATESENDJOBFINISH (15%), 1 WeCom customer change, change_external_contact (5%), and 1 press
# of the "受理" (acknowledge) button on an open complaint's card, template_card_event on the corp's data URL (5%),
# sealed with the sandbox's credentials as the platforms seal theirs. Each file of pushes presses its own share of the
# cases, so its presses are first presses that move a case until the share runs out, and replays (the same card and
# button again, which must not move it twice) after. The presses carry no ResponseCode (the sandbox issues one only for
# a press it pushes), so WeLink does not grey the card out. Handlers run for real and their API calls are answered by
# the sandbox; menu clicks and template-send results are events no handler wants, stored as ignored. Also reported:
# handled events/s (inbox rows a handler finished during the round), the backlog (pending rows) when each round stops
# and the time until the dispatcher has drained it; checked after the run: nothing pending or parked, every text
# message one conversation message, one consumer per follower, every customer change on a stored customer, every
# press's case moved exactly once (no case twice, no move without a stored press), and once the outbox drained, the
# moves' outbox rows and all others delivered.
# BENCH_MIX=text: text messages only, to one account linked by SQL, the sandbox off (the figures before the mix).
#
# Uses the PostgreSQL/Redis of WELINK_TEST_POSTGRES / WELINK_TEST_REDIS when set, else starts them with
# scripts/services.sh. Settings: BENCH_SECONDS (10), BENCH_ROUNDS (3: bare then WeLink, each round; the figures are
# the medians, as the machine is shared and noisy), BENCH_CONNECTIONS (32), BENCH_EVENTS (150000 per round),
# BENCH_DEALERS (6), BENCH_FOLLOWERS (50 per account), BENCH_CONTACTS (10 customers per corp), BENCH_CASES (250 open
# complaints per dealer; their cards take WeLink's outbox, in lanes of one case each, about a minute for the default 1,500,
# and a round of 10 s at 2,000 events/s presses about 1,000 times, its share of about 480 cases first), and BENCH_WELINK_ARGS
# for extra WeLink settings (e.g. --Inbox:DispatchEnabled=false to measure receiving alone).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
events=${BENCH_EVENTS:-150000}
mix=${BENCH_MIX:-mix}
[[ $mix == mix || $mix == text ]] || { echo "BENCH_MIX is mix or text" >&2; exit 2; }
# shellcheck source=scripts/bench/callbacks-common.sh
source scripts/bench/callbacks-common.sh

account=wxbenchaccount0001
original_id=gh_benchaccount
if [[ $mix == text ]]; then
  say "generating $rounds x $events signed events (and a warm-up set)"
  for round in $(seq 1 "$rounds"); do
    "${bench_tool[@]}" generate "$events" "$work/events-$round.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
  done
  "${bench_tool[@]}" generate 20000 "$work/warmup.txt" "$account" "$original_id" "$token" "$aes_key" "$component_appid"
fi

if [[ $mix == text ]]; then
  platform_args=(--Sandbox:Enabled=false
    --WeChat:Component:AppId=$component_appid --WeChat:Component:AppSecret=bench-secret
    --WeChat:Component:Token=$token --WeChat:Component:EncodingAesKey=$aes_key
    --WeCom:ProviderCorpId=wwbenchprovider --WeCom:Suite:SuiteId=$suite_id --WeCom:Suite:SuiteSecret=bench-suite-secret
    --WeCom:Suite:Token=$suite_token --WeCom:Suite:EncodingAesKey=$aes_key)
else
  platform_args=("${sandbox_args[@]}")
fi
# shellcheck disable=SC2086 # BENCH_WELINK_ARGS is a list of settings
start_welink serve "$bare_port" -- "${platform_args[@]}" ${BENCH_WELINK_ARGS:-}

if [[ $mix == text ]]; then
  say "linking $account ($original_id) to a bench dealer"
  link_bench_account "$database" "$account" "$original_id"
else
  link_world "http://127.0.0.1:$welink_port" "$admin_email" "$admin_password"
  # Generated after the setup: WeLink refuses a push whose timestamp is more than 5 minutes old.
  say "generating $rounds x $events signed events of the mix (and a warm-up set)"
  "${bench_tool[@]}" generate-mix "$world" "$work" "$rounds" "$events" 20000 "${generator_credentials[@]}"
fi

say "warming up both for 5 s"
run "http://127.0.0.1:$bare_port" "$work/warmup.txt" 5 >/dev/null
run "http://127.0.0.1:$welink_port" "$work/warmup.txt" 5 >/dev/null
sleep 1
[[ $(drain) != never ]] || { say "the warm-up's events were not handled within 120 s"; exit 1; }
before=$(rows)

bare_runs=() welink_runs=() handled_rates=() backlogs=() drains=()
for round in $(seq 1 "$rounds"); do
  say "round $round of $rounds: the bare endpoint, then WeLink, $seconds s each"
  # The bare endpoint gets the same requests; it stores nothing, so WeLink's are still new to it.
  bare_runs+=("$(run "http://127.0.0.1:$bare_port" "$work/events-$round.txt" "$seconds")")
  done_before=$(handled)
  welink_runs+=("$(run "http://127.0.0.1:$welink_port" "$work/events-$round.txt" "$seconds")")
  done_after=$(handled)
  backlogs+=("$(pending)")
  handled_rates+=("$(( (done_after - done_before) / seconds ))")
  # The next round starts on an empty backlog, so each round's figures are its own.
  drains+=("$(drain)")
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
printf '\n%s traffic, %s\n' "$mix" "$([[ $mix == mix ]] && jq -r '"\(.dealers | length) dealers linked through the sandbox, \(.dealers[0].followers | length) followers and \(.dealers[0].contacts | length) customers each"' "$world" || echo "one account linked by SQL")"
printf '%-22s %10s %9s %9s   medians of %s rounds\n' "" "events/s" "p50 ms" "p99 ms" "$rounds"
row bare "${bare_runs[@]}"
row "WeLink accepted" "${welink_runs[@]}"
printf '%-22s %10s   (rounds: %s; handled = inbox rows a handler finished during the round, ignored kinds not counted)\n' \
  "WeLink handled" "$(printf '%s\n' "${handled_rates[@]}" | median)" "$(IFS=,; echo "${handled_rates[*]}")"
echo "backlog (pending inbox rows) when each round stopped: $(IFS=,; echo "${backlogs[*]}"); drained in (s): $(IFS=,; echo "${drains[*]}")"
awk -v w="$(each rps "${welink_runs[@]}" | median)" -v b="$(each rps "${bare_runs[@]}" | median)" \
  'BEGIN { printf "WeLink / bare (same process): %.2f\n", w / b }'
accepted=$(each ok "${welink_runs[@]}" | sum)
refused=$(each non200 "${welink_runs[@]}" | sum)
wrapped=$(each wrapped "${welink_runs[@]}" | sum)
echo "WeLink: accepted (HTTP 200) $accepted, refused $refused," \
  "socket errors $(each socket_errors "${welink_runs[@]}" | sum), repeated requests $wrapped"
echo "inbox rows the bench's pushes wrote during the rounds: $stored (the sandbox's own reports on template messages apart); all rows by kind and status:"
sql "SELECT kind, status, COUNT(*) FROM inbox GROUP BY kind, status ORDER BY kind, status" | sed 's/^/  /; s/|/ /g'

check_intake "$accepted" "$refused" "$wrapped" "$stored" "$rounds"
if [[ $mix == mix ]]; then
  check_handled_once "$(sql "SELECT COUNT(*) FROM inbox WHERE kind = 'Text'")"
  check_cards kept
fi
exit "$failed"
