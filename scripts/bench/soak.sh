#!/usr/bin/env bash
# The soak (issue #17): the callback mix of scripts/bench/callbacks.sh at about half of WeLink's measured maximum for
# SOAK_MINUTES (10), on PostgreSQL and Redis, with the retention purge working while intake goes on. Not in CI.
#
# 1. WeLink starts inside the bench tool (serve-sampling: its working set, GC heap and collection counts written to a
#    file every 5 s) with Inbox:Retention and Cases:OutboxRetention at their least, one day, and the purge job
#    (Scheduling:QueuePurgeInterval) every 30 s in batches of 1,000; dealers are linked through the sandbox as for
#    callbacks.sh.
# 2. The maximum: a warm-up, then SOAK_BURST_SECONDS (15) of the mix as fast as wrk sends it, and the time until the
#    dispatcher drained the backlog (at most 180 s). The maximum is the events finished (handled or ignored) per second
#    from the burst's start until drained: what WeLink both takes and works off. Intake alone takes several times more
#    than the handlers finish on these 2 cores, so half of the intake rate would pile up a backlog for ten minutes and
#    measure that, not a leak. BENCH_RATE (events/s) skips the measurement and sets the soak's rate.
# 3. The pushes of every minute are generated ahead (the bench tool's generate-minutes), each sealed at the moment it is
#    due, so WeLink's 5-minute timestamp tolerance stays as deployed; the lag between the seals and the run is printed.
# 4. The soak: one wrk run per minute (hence p50/p99 per minute), paced by scripts/bench/soak.lua: each of wrk's two
#    threads keeps a timetable of RATE/2 requests per second and every connection waits for the next free slot. Every
#    30 s a line: the process's working set and GC heap, the inbox's rows, pending rows and size, and the purge.
# 5. Retention made effective (no pushed row is a day old in a 10-minute run): the warm-up's and the burst's rows are
#    backdated by two days before the soak begins, so the first purges delete tens of thousands of rows in batches of
#    1,000 during the first minute's intake; then every 30 s, rows finished more than SOAK_KEEP_SECONDS (120) ago are
#    backdated the same way (received_at of done and ignored inbox rows, completed_at of done outbox rows), as if the
#    retention were two minutes. The purge itself is WeLink's own job and statement; only the rows' age is made up.
#    The backdated rows are tallied (texts apart), so the exactly-once checks still count what was purged.
# 6. At the end: the backlog's drain time, a last purge, the inbox's and outbox's size (pg_total_relation_size), rows by
#    status, dead tuples and last autovacuum (migration 0029 sets autovacuum at 1% of changed rows on both tables), and
#    the verdict. FAIL when the GC heap keeps growing (the mean of the last third of the samples above 1.5 times the
#    mean of the middle third; the first third is the warm-up) or on any failed check of callbacks.sh (refusals,
#    repeats, inbox rows = accepted events, nothing pending or parked, one conversation message per text, one consumer
#    per follower, one customer per contact, every card press still in the inbox its case moved once and no case moved
#    twice, no outbox row pending or parked).
#
# Settings: SOAK_MINUTES (10), BENCH_RATE, SOAK_BURST_SECONDS (15), SOAK_BURST_EVENTS (80000), SOAK_KEEP_SECONDS (120),
# BENCH_CONNECTIONS (32), BENCH_DEALERS (6), BENCH_FOLLOWERS (50), BENCH_CONTACTS (10), BENCH_CASES (250), BENCH_WELINK_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."

minutes=${SOAK_MINUTES:-10}
burst_seconds=${SOAK_BURST_SECONDS:-15}
burst_events=${SOAK_BURST_EVENTS:-80000}
keep=${SOAK_KEEP_SECONDS:-120}
# shellcheck source=scripts/bench/callbacks-common.sh
source scripts/bench/callbacks-common.sh

samples="$work/memory.txt"
# shellcheck disable=SC2086 # BENCH_WELINK_ARGS is a list of settings
start_welink serve-sampling "$bare_port" "$samples" 5 -- "${sandbox_args[@]}" \
  --Inbox:Retention=1.00:00:00 --Cases:OutboxRetention=1.00:00:00 \
  --Scheduling:QueuePurgeInterval=00:00:30 --Scheduling:QueuePurgeBatchSize=1000 ${BENCH_WELINK_ARGS:-}
link_world "http://127.0.0.1:$welink_port" "$admin_email" "$admin_password"

say "generating the warm-up$([[ -n ${BENCH_RATE:-} ]] || echo " and the burst")"
"${bench_tool[@]}" generate-mix "$world" "$work" "$([[ -n ${BENCH_RATE:-} ]] && echo 0 || echo 1)" "$burst_events" 5000 \
  "${generator_credentials[@]}"
say "warming up for 5 s"
run "http://127.0.0.1:$welink_port" "$work/warmup.txt" 5 >/dev/null
[[ $(drain 180) != never ]] || { say "the warm-up's events were not handled within 180 s"; exit 1; }
if [[ -n ${BENCH_RATE:-} ]]; then
  rate=$BENCH_RATE
  say "soaking at BENCH_RATE $rate events/s"
else
  say "the maximum: $burst_seconds s as fast as wrk sends, then the drain"
  finished() { sql "SELECT COUNT(*) FROM inbox WHERE status <> 'pending'"; }
  finished_before=$(finished)
  burst_start=$(now)
  burst=$(run "http://127.0.0.1:$welink_port" "$work/events-1.txt" "$burst_seconds")
  burst_drain=$(drain 180)
  burst_end=$(now)
  finished_max=$(awk -v f="$(( $(finished) - finished_before ))" -v s="$burst_start" -v e="$burst_end" 'BEGIN { printf "%.0f", f / (e - s) }')
  rate=$(( finished_max / 2 ))
  echo "maximum: accepted $(value rps "$burst")/s (p99 $(value p99_ms "$burst") ms) for $burst_seconds s, backlog drained in $burst_drain s;" \
    "finished $finished_max events/s from the burst's start until drained; the soak runs at half: $rate events/s"
fi
(( rate > 0 )) || { say "no rate to soak at"; exit 1; }

per_minute=$(( rate * 60 ))
soak_start=$(date +%s)
say "generating $minutes x $per_minute pushes, each sealed at its due time from $(date -ud "@$soak_start" +%T)"
"${bench_tool[@]}" generate-minutes "$world" "$work" "$minutes" "$per_minute" $(( per_minute / 20 + connections )) \
  "$soak_start" "${generator_credentials[@]}"

# Retention made effective: rows finished more than SECONDS ago are moved two days back, past the one-day retention,
# once each (rows already a day old are left alone); prints how many inbox rows (the bench's, as rows() counts them), of
# them texts, and outbox rows moved.
backdate() { # SECONDS
  sql "WITH inbox_moved AS (UPDATE inbox SET received_at = received_at - interval '2 days'
         WHERE status IN ('done', 'ignored') AND received_at < now() - interval '$1 seconds' AND received_at > now() - interval '1 day'
         RETURNING kind, payload),
       outbox_moved AS (UPDATE outbox SET completed_at = completed_at - interval '2 days'
         WHERE status = 'done' AND completed_at < now() - interval '$1 seconds' AND completed_at > now() - interval '1 day'
         RETURNING id)
     SELECT (SELECT COUNT(*) FROM inbox_moved WHERE NOT ($sandbox_report)), (SELECT COUNT(*) FROM inbox_moved WHERE kind = 'Text'),
            (SELECT COUNT(*) FROM outbox_moved)" |
    tr '|' ' '
}
# Backdated rows the purge has not deleted yet: inbox, of them texts, outbox.
unpurged() {
  sql "SELECT (SELECT COUNT(*) FROM inbox WHERE received_at < now() - interval '1 day' AND NOT ($sandbox_report)),
              (SELECT COUNT(*) FROM inbox WHERE received_at < now() - interval '1 day' AND kind = 'Text'),
              (SELECT COUNT(*) FROM outbox WHERE completed_at < now() - interval '1 day')" | tr '|' ' '
}
moved_inbox=0 moved_texts=0 moved_outbox=0
backdate_now() { # SECONDS
  local inbox texts outbox
  read -r inbox texts outbox <<<"$(backdate "$1")"
  moved_inbox=$(( moved_inbox + inbox )) moved_texts=$(( moved_texts + texts )) moved_outbox=$(( moved_outbox + outbox ))
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
heaps=()
sample() { # prints one line of the 30-s table
  local memory left_inbox left_texts left_outbox stats
  backdate_now "$keep"
  memory=$(tail -n 1 "$samples")
  read -r _ working_set heap committed _ _ gen2 <<<"$memory"
  heaps+=("$heap")
  read -r left_inbox left_texts left_outbox <<<"$(unpurged)"
  stats=$(sql "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'pending'), pg_total_relation_size('inbox') FROM inbox" | tr '|' ' ')
  read -r inbox_rows inbox_pending inbox_bytes <<<"$stats"
  printf '%6s %8s %8s %9s %5s %10s %8s %9s %10s %9s\n' "$(( $(date +%s) - soak_began ))" "$(mb "$working_set")" "$(mb "$heap")" \
    "$(mb "$committed")" "$gen2" "$inbox_rows" "$inbox_pending" "$(mb "$inbox_bytes")" "$(( moved_inbox - left_inbox ))" "$left_inbox"
}

rows_before=$(rows)
backdate_now 0
say "soaking for $minutes minutes at $rate events/s ($connections connections)"
soak_began=$(date +%s)
echo "pushes sealed from $(date -ud "@$soak_start" +%T), the soak began at $(date -ud "@$soak_began" +%T) ($(( soak_began - soak_start )) s later; the tolerance is 300 s)"
printf '\n%6s %8s %8s %9s %5s %10s %8s %9s %10s %9s\n' "s" "WS MB" "heap MB" "commit MB" gen2 "inbox rows" pending "inbox MB" purged "to purge"
minute_results=()
for minute in $(seq 1 "$minutes"); do
  began=$(date +%s)
  wrk -t2 -c"$connections" -d60s -s scripts/bench/soak.lua "http://127.0.0.1:$welink_port" -- \
    "$work/minute-$minute.txt" 2 "$rate" >"$work/wrk-$minute.txt" &
  load=$!
  pids+=("$load")
  wait_until=$(( began + 30 - $(date +%s) ))
  (( wait_until <= 0 )) || sleep "$wait_until"
  sample
  wait "$load"
  sample
  minute_results+=("$(sed -n 's/^RESULT //p' "$work/wrk-$minute.txt")")
done
backlog=$(pending)
drained=$(drain 120)

printf '\n%6s %10s %8s %8s %10s %8s %7s %8s\n' minute "events/s" "p50 ms" "p99 ms" accepted refused errors repeated
for minute in $(seq 1 "$minutes"); do
  r=${minute_results[minute - 1]}
  printf '%6s %10s %8s %8s %10s %8s %7s %8s\n' "$minute" "$(value rps "$r")" "$(value p50_ms "$r")" "$(value p99_ms "$r")" \
    "$(value ok "$r")" "$(value non200 "$r")" "$(value socket_errors "$r")" "$(value wrapped "$r")"
done
echo "backlog (pending inbox rows) when the load stopped: $backlog; drained in (s): $drained"

# Before the last purge, which takes every finished row: the presses of the last two minutes are still stored then (the
# purges took the older ones, so only those stored are checked against their cases).
check_cards purged
say "a last purge: every finished row backdated, waiting up to 70 s for the job"
backdate_now 0
for _ in $(seq 1 70); do
  read -r left_inbox _ left_outbox <<<"$(unpurged)"
  (( left_inbox + left_outbox == 0 )) && break
  sleep 1
done
read -r left_inbox left_texts left_outbox <<<"$(unpurged)"
echo "retention: inbox rows purged by the job $(( moved_inbox - left_inbox )) of $moved_inbox backdated," \
  "outbox rows $(( moved_outbox - left_outbox )) of $moved_outbox (batches of 1,000, every 30 s)"
echo "queue tables after the purge (pg_total_relation_size, rows by status, dead tuples, last autovacuum):"
for table in inbox outbox; do
  sql "SELECT '$table', pg_size_pretty(pg_total_relation_size('$table')),
              (SELECT COALESCE(string_agg(status || ' ' || n, ', ' ORDER BY status), 'no rows')
                 FROM (SELECT status, COUNT(*) AS n FROM $table GROUP BY status) s),
              n_dead_tup, COALESCE(to_char(last_autovacuum, 'HH24:MI:SS'), 'never')
       FROM pg_stat_user_tables WHERE relname = '$table'" |
    awk -F'|' '{ printf "  %s: %s; %s; %s dead tuples; last autovacuum %s\n", $1, $2, $3, $4, $5 }'
done
echo

mean() { awk '{ s += $1; n++ } END { if (n) printf "%.0f", s / n; else print 0 }'; }
third=$(( ${#heaps[@]} / 3 ))
if (( third > 0 )); then
  middle=$(printf '%s\n' "${heaps[@]:third:third}" | mean)
  last=$(printf '%s\n' "${heaps[@]: -third}" | mean)
  check "last * 2 <= middle * 3" "the GC heap levels off (mean of the last third $(mb "$last") MB, of the middle third $(mb "$middle") MB, at most 1.5 times)"
else
  echo "check: the GC heap: too few samples for a verdict (SOAK_MINUTES $minutes)"
fi
accepted=0 refused=0 wrapped=0
for r in "${minute_results[@]}"; do
  accepted=$(( accepted + $(value ok "$r") )) refused=$(( refused + $(value non200 "$r") )) wrapped=$(( wrapped + $(value wrapped "$r") ))
done
check "refused == 0 && accepted > 0" "WeLink accepted every event ($accepted accepted, $refused refused)"
check "wrapped == 0" "wrk never ran out of events ($wrapped sent again)"
# Rows purged still count as stored: the tally of backdated rows minus those still there.
stored=$(( $(rows) + moved_inbox - left_inbox - rows_before ))
check "stored >= accepted && stored <= accepted + minutes * connections" \
  "inbox rows ($stored, purged ones included) = accepted events (within the $connections requests in flight at each minute's stop)"
left=$(sql "SELECT COUNT(*) FROM inbox WHERE status NOT IN ('done', 'ignored')")
check "left == 0" "every stored event was handled or ignored, none pending or parked ($left left)"
check_handled_once "$(( $(sql "SELECT COUNT(*) FROM inbox WHERE kind = 'Text'") + moved_texts - left_texts ))"
if (( failed )); then echo "verdict: FAIL"; else echo "verdict: PASS"; fi
exit "$failed"
