# shellcheck shell=bash
# Functions shared by the bench scripts (sourced, from the repository's root): scripts/bench/callbacks-common.sh (and
# through it callbacks.sh and soak.sh) and scripts/bench/cluster.sh. Only definitions: sourcing it starts nothing and
# sets no trap, so a script with a cleanup of its own can use it.

say() { printf 'bench: %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
value() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; } # FIELD RESULT: a field of wrk's RESULT line (callbacks.lua)

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
