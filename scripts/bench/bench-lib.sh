# shellcheck shell=bash disable=SC2154 # database, world and connections are the sourcing script's
# Functions shared by the bench scripts (sourced, from the repository's root): scripts/bench/callbacks-common.sh (and
# through it callbacks.sh and soak.sh) and scripts/bench/cluster.sh. Only definitions: sourcing it starts nothing and
# sets no trap, so a script with a cleanup of its own can use it. The inbox queries and the checks read the sourcing
# script's database (database, with psql_args of use_test_postgres) and world (the JSON file link_world writes).

say() { printf 'bench: %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
value() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; } # FIELD RESULT: a field of wrk's RESULT line (callbacks.lua)
# The bench tool (tests/WeLink.Callbacks.Bench), once built in Release.
bench_tool=(dotnet "$PWD/tests/WeLink.Callbacks.Bench/bin/Release/net10.0/WeLink.Callbacks.Bench.dll")

# use_test_postgres: psql_args and PGPASSWORD (exported) for the server of WELINK_TEST_POSTGRES.
use_test_postgres() {
  psql_args=(-h "$(postgres_field Host)" -p "$(postgres_field Port)" -U "$(postgres_field Username)")
  PGPASSWORD=$(postgres_field Password)
  export PGPASSWORD
}
postgres_field() { tr ';' '\n' <<<"$WELINK_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -n 1; }

# link_bench_account DATABASE ACCOUNT ORIGINAL_ID: WeLink takes a push only for an account a dealer has linked,
# addressed to that account's original id, so link it as onboarding would, without the platforms: an approved dealer
# of a brand, the link with its original id. WeLink must have run its migrations on DATABASE (it has once it answers
# ready). Uses psql_args (use_test_postgres).
link_bench_account() {
  psql "${psql_args[@]}" -d "$1" -v ON_ERROR_STOP=1 -q -v account="$2" -v original_id="$3" >/dev/null <<'SQL'
INSERT INTO brands (id, name, created_at) VALUES ('01900000-0000-7000-8000-0000000000b1', 'Bench brand', now());
INSERT INTO dealers (id, brand_id, code, name, status, created_at, updated_at, version)
VALUES ('01900000-0000-7000-8000-0000000000d1', '01900000-0000-7000-8000-0000000000b1', 'BENCH01', 'Bench dealer', 'approved', now(), now(), 1);
INSERT INTO official_account_links (dealer_id, app_id, nick_name, original_id, status, updated_at)
VALUES ('01900000-0000-7000-8000-0000000000d1', :'account', 'Bench account', :'original_id', 'active', now());
SQL
}

# link_world BASEURL ADMIN_EMAIL ADMIN_PASSWORD [SANDBOX_URL]: BENCH_DEALERS dealers of the WeLink at BASEURL (one node
# or a balancer) linked through the sandbox (WeLink's in-process one, or the standalone one at SANDBOX_URL), with
# BENCH_CASES open complaints each, into $world (the bench tool's setup).
link_world() {
  say "linking ${BENCH_DEALERS:-6} dealers through the sandbox, ${BENCH_CASES:-250} complaints filed with each"
  "${bench_tool[@]}" setup "$1" "$world" "${BENCH_DEALERS:-6}" "${BENCH_FOLLOWERS:-50}" \
    "${BENCH_CONTACTS:-10}" "${BENCH_CASES:-250}" "$2" "$3" ${4:+"$4"}
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

# check: failed is 1 once any check failed; checks and failures count them (a script running several sets of checks,
# as cluster.sh does per node count, reads the counts before and after each).
failed=0 checks=0 failures=0
# shellcheck disable=SC2034 # failed is the sourcing script's exit status
check() { # CONDITION(0/1) TEXT
  checks=$((checks + 1))
  if (( $1 )); then echo "check: $2: OK"; else echo "check: $2: FAILED"; failed=1; failures=$((failures + 1)); fi
}
# check_intake ACCEPTED REFUSED WRAPPED STORED STOPS: of wrk's runs (STOPS of them, $connections connections each),
# every event accepted and none sent twice, the inbox rows the pushes wrote (STORED) one per accepted event, and every
# stored event handled or ignored, none pending or parked.
check_intake() {
  # shellcheck disable=SC2034 # accepted and stops are read by check's arithmetic
  local accepted=$1 refused=$2 wrapped=$3 stored=$4 stops=$5 left
  # Every event is genuine and addressed to a linked account: a refusal means the setup, not WeLink, is off.
  check "refused == 0 && accepted > 0" "WeLink accepted every event ($refused refused)"
  # Repeats are retries to WeLink: answered success and rightly not stored again, so the rows could not match.
  check "wrapped == 0" "wrk never ran out of events ($wrapped sent again; raise BENCH_EVENTS if not)"
  # A request still in flight when wrk stops may be stored without its answer being counted.
  check "stored >= accepted && stored <= accepted + stops * connections" \
    "inbox rows ($stored) = accepted events (within the $connections requests in flight at each stop)"
  left=$(sql "SELECT COUNT(*) FROM inbox WHERE status NOT IN ('done', 'ignored')")
  check "left == 0" "every stored event was handled or ignored, none pending or parked ($left left)"
}
# check_handled_once TEXTS: every text message (TEXTS of them were stored, purged ones included) one conversation
# message, one consumer per follower however often they followed and unfollowed, one customer per contact.
check_handled_once() {
  local texts=$1 messages followers consumers customers contacts
  messages=$(sql "SELECT COUNT(*) FROM conversation_messages WHERE idempotency_key LIKE 'wechat:%'")
  check "texts == messages" "each text message is one conversation message ($texts texts, $messages messages)"
  followers=$(jq '[.dealers[].followers | length] | add' "$world")
  consumers=$(sql "SELECT COUNT(*) FROM consumers")
  check "consumers == followers" "one consumer per follower, however often they followed and unfollowed ($followers followers, $consumers consumers)"
  customers=$(jq '[.dealers[].contacts | length] | add' "$world")
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
  trigger=$(jq -r '.dealers[0].cases[0].trigger' "$world")
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
