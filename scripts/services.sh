#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the tests, on free loopback ports, in a temp folder under .services/.
#
#   scripts/services.sh start    install if missing, start both, wait until they answer, print the env
#   scripts/services.sh env      print the env of the running instances (source .services/env to use it)
#   scripts/services.sh status   exit 0 when both instances this script started are running
#   scripts/services.sh stop     stop only the instances this script started, and delete their data
#
# Nothing here touches a PostgreSQL or Redis that this script did not start.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$repo_root/scripts/lib.sh"
services_dir="$repo_root/.services"
state_file="$services_dir/state"
env_file="$services_dir/env"
ready_timeout_seconds=30

# Filled by find_binaries, or read back from the state file.
PG_BIN=""
REDIS_SERVER=""
REDIS_CLI=""
# Filled by start, or read back from the state file.
RUN_DIR=""
PG_HOME=""
PG_PORT=""
REDIS_PORT=""

is_root() { [[ $(id -u) -eq 0 ]]; }

# PostgreSQL refuses to run as root, so as root its commands run as the postgres user.
as_postgres() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_pg_bin() {
  local candidates newest
  candidates=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' || true)
  if [[ -n $candidates ]]; then
    newest=$(sort -V <<<"$candidates" | tail -n 1)
    dirname "$newest"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo /usr/lib/postgresql/15/bin
  fi
}

find_binaries() {
  PG_BIN=$(find_pg_bin)
  REDIS_SERVER=$(command -v redis-server || true)
  REDIS_CLI=$(command -v redis-cli || true)
}

install_missing() {
  find_binaries
  local packages=()
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] || packages+=(postgresql)
  [[ -n $REDIS_SERVER && -n $REDIS_CLI ]] || packages+=(redis-server)
  ((${#packages[@]} == 0)) && return 0

  local sudo=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      fail "missing ${packages[*]}, and cannot install it: not root and no password-less sudo." \
        "Install it yourself: apt-get install -y ${packages[*]}"
    fi
  fi
  say "installing ${packages[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  find_binaries
  [[ -x $PG_BIN/initdb ]] || fail "PostgreSQL installed, but no initdb under /usr/lib/postgresql/*/bin"
  [[ -n $REDIS_SERVER && -n $REDIS_CLI ]] || fail "redis-server installed, but redis-server or redis-cli is not on PATH"
}

# Two free loopback ports at once (held open together, so they differ).
free_ports() {
  if command -v python3 >/dev/null 2>&1; then
    python3 - <<'PY'
import socket
held = [socket.socket() for _ in range(2)]
for s in held:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))
PY
  else
    local found=() port
    while ((${#found[@]} < 2)); do
      port=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ " ${found[*]} " != *" $port "* ]]; then
        found+=("$port")
      fi
    done
    echo "${found[*]}"
  fi
}

save_state() { write_state PG_BIN REDIS_CLI RUN_DIR PG_HOME PG_PORT REDIS_PORT; }

postgres_running() { [[ -n $PG_HOME ]] && as_postgres "$PG_BIN/pg_ctl" status -D "$PG_HOME/data" >/dev/null 2>&1; }

# Redis's pidfile, and what the redis-server this script started shows as its command line.
redis_pidfile() { echo "$RUN_DIR/redis.pid"; }
redis_mark() { echo "redis-server 127.0.0.1:$REDIS_PORT"; }

running() { postgres_running && live_pid "$(redis_pidfile)" "$(redis_mark)" >/dev/null; }

wait_until() {
  local what=$1 log=$2
  shift 2
  local deadline=$((SECONDS + ready_timeout_seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      say "$what did not answer within ${ready_timeout_seconds}s; last lines of $log:"
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
}

redis_answers() { [[ $("$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

start_postgres() {
  PG_HOME="$RUN_DIR/pg"
  mkdir -p "$PG_HOME"
  if is_root; then
    getent passwd postgres >/dev/null || fail "no 'postgres' user to run PostgreSQL as (it refuses to run as root)"
    chown postgres: "$PG_HOME"
    if ! runuser -u postgres -- test -w "$PG_HOME"; then
      # The repo lies under a folder the postgres user cannot enter (e.g. /root): keep the data in /tmp instead.
      rmdir "$PG_HOME"
      PG_HOME=$(mktemp -d /tmp/welink-pg.XXXXXX)
      chown postgres: "$PG_HOME"
    fi
  fi
  save_state

  local socket_dir="$PG_HOME/socket" data="$PG_HOME/data" log="$PG_HOME/postgres.log"
  as_postgres mkdir -p "$socket_dir"
  as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$PG_HOME/initdb.log" 2>&1 ||
    {
      tail -n 20 "$PG_HOME/initdb.log" >&2
      fail "initdb failed"
    }
  # A Unix socket path must fit in about 100 bytes; past that, TCP on 127.0.0.1 is the only door.
  ((${#socket_dir} < 90)) || socket_dir=""
  as_postgres tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$socket_dir'
# The suite's test classes run two at a time, each host with its own pool and the cluster test's nodes with theirs; at
# 200, a CI run whose hosts start fast refused a connection (53300: too many clients).
max_connections = 500
# Throwaway test data: durability only costs time here.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_postgres tee "$data/pg_hba.conf" >/dev/null <<'EOF'
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  as_postgres "$PG_BIN/pg_ctl" start -D "$data" -l "$log" -w -t "$ready_timeout_seconds" >/dev/null ||
    {
      tail -n 20 "$log" >&2
      fail "PostgreSQL did not start"
    }
  wait_until PostgreSQL "$log" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres
}

start_redis() {
  local log="$RUN_DIR/redis.log"
  "$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$(redis_pidfile)" --logfile "$log" --dir "$RUN_DIR" ||
    fail "redis-server did not start (see $log)"
  wait_until Redis "$log" redis_answers
}

write_env() {
  cat >"$env_file" <<EOF
export WELINK_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true'
export WELINK_TEST_REDIS='127.0.0.1:$REDIS_PORT'
EOF
}

start() {
  if load_state; then
    if running; then
      cat "$env_file"
      return 0
    fi
    say "cleaning up instances that are no longer running"
    stop
  fi
  install_missing
  mkdir -p "$services_dir"
  RUN_DIR=$(mktemp -d "$services_dir/run.XXXXXX")
  chmod 755 "$RUN_DIR"
  read -r PG_PORT REDIS_PORT <<<"$(free_ports)"
  [[ -n $PG_PORT && -n $REDIS_PORT ]] || fail "found no free loopback ports"
  save_state
  # A failed start leaves nothing behind.
  trap 'stop_after_failed_start $?' EXIT
  start_postgres
  start_redis
  trap - EXIT
  write_env
  cat "$env_file"
}

stop_postgres() {
  [[ -n $PG_HOME && -f $PG_HOME/data/postmaster.pid ]] || return 0
  if ! as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_HOME/data" -m fast -w -t 30 >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_HOME/data" -m immediate -w -t 30 >/dev/null 2>&1 ||
      say "PostgreSQL in $PG_HOME did not stop"
  fi
}

stop_redis() { end_process "$(redis_pidfile)" "$(redis_mark)" 10; }

stop() {
  if ! load_state; then
    say "nothing to stop"
    return 0
  fi
  stop_postgres
  stop_redis
  if [[ -n $PG_HOME && $PG_HOME != "$RUN_DIR"/* ]]; then
    rm -rf "$PG_HOME"
  fi
  [[ -n $RUN_DIR ]] && rm -rf "$RUN_DIR"
  rm -f "$env_file" "$state_file"
}

print_env() {
  if ! load_state || ! running; then
    fail "not running: start them with scripts/services.sh start"
  fi
  cat "$env_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) load_state && running ;;
  *) fail "usage: scripts/services.sh start|stop|env|status" ;;
esac
