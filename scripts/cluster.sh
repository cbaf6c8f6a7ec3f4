#!/usr/bin/env bash
# WeLink as a cluster on loopback: 1–3 WeLink nodes (real OS processes, from a Release build) on one PostgreSQL and
# one Redis, behind nginx, with one standalone sandbox (src/WeLink.Sandbox) standing in for WeChat and WeCom and
# pushing to the balancer, as the platforms push to a deployment's public address.
#
#   scripts/cluster.sh start        build (Release), start the sandbox, the nodes and the balancer; print the addresses
#   scripts/cluster.sh stop         stop only the processes this script started (by the pids in the state folder)
#   scripts/cluster.sh status       one line per process; exit 0 when all of them are running
#   scripts/cluster.sh kill N       kill -9 node N (1-based), as a crash would
#   scripts/cluster.sh restart N    start node N again (stopping it first if it still runs)
#
# nginx, not HAProxy: both are Debian packages, but nginx runs unprivileged from one config file with its own pid,
# log and temp paths (-p PREFIX -c FILE), and its passive failure handling is enough here: a killed node refuses
# connections at once on loopback, so `proxy_next_upstream error` sends the next request to a live node and takes the
# dead one out for fail_timeout. A request in flight on the killed node gets 502, which the platforms retry.
#
# Settings (environment):
#   CLUSTER_NODES (3)             how many WeLink nodes `start` runs, 1–3
#   CLUSTER_STATE_DIR (.cluster)  pids, logs, nginx config; a test runs its own cluster in a folder of its own
#   CLUSTER_PORT (5000)           the balancer, http://127.0.0.1:PORT: what browsers and the sandbox call
#   CLUSTER_SANDBOX_PORT (5080)   the sandbox (its control API: /sandbox/control/…)
#   CLUSTER_POSTGRES              Npgsql connection string of the database; default: database welink_cluster on the
#                                 server of scripts/services.sh (started if needed), created if missing
#   CLUSTER_REDIS                 host:port; default: the Redis of scripts/services.sh
#   CLUSTER_REDIS_PREFIX (welink-cluster:)
#   CLUSTER_CONFIGURATION (Release), CLUSTER_BUILD (1: build first; 0: use the build output as it is)
#   CLUSTER_NODE_ARGS, CLUSTER_SANDBOX_ARGS   extra command-line settings for every node / the sandbox
#
# The nodes' admin sign-in is admin@welink.local / welink-local-admin, as in the local run.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$repo_root/scripts/lib.sh"
state_dir=${CLUSTER_STATE_DIR:-$repo_root/.cluster}
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)
state_file="$state_dir/state"
configuration=${CLUSTER_CONFIGURATION:-Release}
max_nodes=3
ready_timeout_seconds=90

# Filled by start, or read back from the state file.
NODES=""
BALANCER_PORT=""
SANDBOX_PORT=""
NODE_PORTS=""
POSTGRES=""
REDIS=""
REDIS_PREFIX=""
SERVER_DIR=""
SANDBOX_DIR=""

save_state() { write_state NODES BALANCER_PORT SANDBOX_PORT NODE_PORTS POSTGRES REDIS REDIS_PREFIX SERVER_DIR SANDBOX_DIR; }

install_nginx() {
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] && return 0
  [[ $(id -u) -eq 0 ]] || fail "nginx is missing and only root can install it: apt-get install -y nginx"
  say "installing nginx (Debian's package; its system service is not used)"
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx)
  "${install[@]}" >/dev/null 2>&1 || { apt-get update -qq && "${install[@]}" >/dev/null; } || fail "could not install nginx"
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

node_port() { cut -d' ' -f"$1" <<<"$NODE_PORTS"; }
node_mark() { echo "--urls=http://127.0.0.1:$(node_port "$1")"; }
sandbox_mark() { echo "--urls=http://127.0.0.1:$SANDBOX_PORT"; }
nginx_mark() { echo "$state_dir/nginx.conf"; }

answers() { curl -sf -o /dev/null --max-time 2 "$1"; }

wait_ready() { # WHAT URL LOG PIDFILE MARK
  local deadline=$((SECONDS + ready_timeout_seconds))
  until answers "$2"; do
    if ! live_pid "$4" "$5" >/dev/null; then
      tail -n 30 "$3" >&2 || true
      fail "$1 exited while starting (log: $3)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$3" >&2 || true
      fail "$1 did not answer $2 within ${ready_timeout_seconds}s (log: $3)"
    fi
    sleep 0.2
  done
}

default_services() {
  if [[ -z ${WELINK_TEST_POSTGRES:-} || -z ${WELINK_TEST_REDIS:-} ]]; then
    "$repo_root/scripts/services.sh" status >/dev/null 2>&1 || "$repo_root/scripts/services.sh" start >/dev/null
    # shellcheck source=/dev/null
    source "$repo_root/.services/env"
  fi
}

default_database() {
  local server=$1 host port user
  field() { tr ';' '\n' <<<"$server" | sed -n "s/^$1=//Ip" | head -n 1; }
  host=$(field Host) port=$(field Port) user=$(field Username)
  PGPASSWORD=$(field Password)
  export PGPASSWORD
  if [[ $(psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'welink_cluster'") != 1 ]]; then
    psql -h "$host" -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE welink_cluster" >/dev/null
  fi
  sed 's/Database=[^;]*/Database=welink_cluster/I' <<<"$server"
}

build() {
  [[ ${CLUSTER_BUILD:-1} == 0 ]] && return 0
  say "building WeLink.Server and WeLink.Sandbox ($configuration)"
  dotnet build "$repo_root/src/WeLink.Server" -c "$configuration" -v q -nologo >"$state_dir/build.log" 2>&1 ||
    {
      tail -n 30 "$state_dir/build.log" >&2
      fail "build failed (log: $state_dir/build.log)"
    }
  dotnet build "$repo_root/src/WeLink.Sandbox" -c "$configuration" -v q -nologo >>"$state_dir/build.log" 2>&1 ||
    fail "build failed (log: $state_dir/build.log)"
}

start_sandbox() {
  local log="$state_dir/sandbox.log"
  # Its appsettings.json (the credentials the nodes are given below) stays in its project folder: the build output
  # leaves it out, so WeLink.Server's output does not take it in.
  # shellcheck disable=SC2086
  (cd "$SANDBOX_DIR" && exec dotnet WeLink.Sandbox.dll "$(sandbox_mark)" --environment=Production \
    --contentRoot="$repo_root/src/WeLink.Sandbox" \
    --Logging:LogLevel:Default=Warning --Sandbox:CallbackBaseUrl="http://127.0.0.1:$BALANCER_PORT" \
    ${CLUSTER_SANDBOX_ARGS:-}) >"$log" 2>&1 &
  echo $! >"$state_dir/sandbox.pid"
  wait_ready sandbox "http://127.0.0.1:$SANDBOX_PORT/sandbox/control/clock" "$log" "$state_dir/sandbox.pid" "$(sandbox_mark)"
}

# Where every node calls WeChat and WeCom, and the sandbox's credentials (those of its appsettings.json).
node_settings() {
  local sandbox="http://127.0.0.1:$SANDBOX_PORT/sandbox"
  printf '%s\n' \
    --environment=Production \
    --Logging:LogLevel:Default=Warning \
    --Database:Provider=postgres \
    "--ConnectionStrings:WeLink=$POSTGRES" \
    "--ConnectionStrings:Redis=$REDIS" \
    "--Redis:KeyPrefix=$REDIS_PREFIX" \
    --Sandbox:Enabled=false \
    "--WeLink:PublicBaseUrl=http://127.0.0.1:$BALANCER_PORT" \
    --ForwardedHeaders:KnownProxies:0=127.0.0.1 \
    --Admin:BootstrapEmail=admin@welink.local \
    --Admin:BootstrapPassword=welink-local-admin \
    "--WeChat:ApiBaseUrl=$sandbox/wechat" \
    "--WeChat:MpBaseUrl=$sandbox/mp" \
    "--WeChat:OpenBaseUrl=$sandbox/open" \
    "--WeCom:ApiBaseUrl=$sandbox/wecom" \
    "--WeCom:OpenBaseUrl=$sandbox/wecom-open" \
    --WeChat:Component:AppId=wx5a1dc0c0a1d00001 \
    --WeChat:Component:AppSecret=sandbox-component-secret-0123456789abcdef \
    --WeChat:Component:Token=sandboxComponentToken \
    --WeChat:Component:EncodingAesKey=SandboxComponentKey0123456789abcdefghijklmn \
    --WeCom:Suite:SuiteId=wwsandboxsuite000001 \
    --WeCom:Suite:SuiteSecret=sandbox-suite-secret-0123456789abcdefghij \
    --WeCom:Suite:Token=sandboxSuiteToken \
    --WeCom:Suite:EncodingAesKey=SandboxSuiteKey0123456789abcdefghijklmnopqr \
    --WeCom:ProviderCorpId=wwsandboxprovider0001 \
    "--StaffApp:BridgeScript=$sandbox/wecom/bridge.js"
}

start_node() { # N
  local n=$1 log="$state_dir/node-$1.log" settings=()
  mapfile -t settings < <(node_settings)
  # Each node runs from the build output, as a deployment does: its appsettings.json is there.
  # shellcheck disable=SC2086
  (cd "$SERVER_DIR" && exec dotnet WeLink.Server.dll "$(node_mark "$n")" "${settings[@]}" ${CLUSTER_NODE_ARGS:-}) >>"$log" 2>&1 &
  echo $! >"$state_dir/node-$n.pid"
  wait_ready "node $n" "http://127.0.0.1:$(node_port "$n")/health/ready" "$log" "$state_dir/node-$n.pid" "$(node_mark "$n")"
}

write_nginx_conf() {
  local servers="" n
  for n in $(seq 1 "$NODES"); do
    servers+="    server 127.0.0.1:$(node_port "$n") max_fails=1 fail_timeout=2s;"$'\n'
  done
  mkdir -p "$state_dir/nginx"
  cat >"$state_dir/nginx.conf" <<EOF
# Written by scripts/cluster.sh; nginx runs as the invoking user with everything under $state_dir.
daemon on;
pid $state_dir/nginx.pid;
error_log $state_dir/nginx-error.log warn;
worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $state_dir/nginx/body;
  proxy_temp_path $state_dir/nginx/proxy;
  fastcgi_temp_path $state_dir/nginx/fastcgi;
  uwsgi_temp_path $state_dir/nginx/uwsgi;
  scgi_temp_path $state_dir/nginx/scgi;
  client_max_body_size 2m;
  upstream welink {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$BALANCER_PORT;
    location / {
      proxy_pass http://welink;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A node that refuses the connection (killed) is skipped; a request it already took is not sent twice.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
EOF
}

start_balancer() {
  write_nginx_conf
  "$(nginx_bin)" -p "$state_dir/nginx" -c "$(nginx_mark)" -e "$state_dir/nginx-error.log" 2>>"$state_dir/nginx-error.log" ||
    fail "nginx did not start (log: $state_dir/nginx-error.log)"
  local deadline=$((SECONDS + 10))
  until live_pid "$state_dir/nginx.pid" "$(nginx_mark)" >/dev/null; do
    ((SECONDS < deadline)) || fail "nginx wrote no pid (log: $state_dir/nginx-error.log)"
    sleep 0.1
  done
}

start() {
  if load_state && all_running; then
    say "already running"
    print_addresses
    return 0
  fi
  load_state && stop
  NODES=${CLUSTER_NODES:-3}
  [[ $NODES =~ ^[1-3]$ ]] || fail "CLUSTER_NODES must be 1 to $max_nodes"
  install_nginx
  if [[ -z ${CLUSTER_POSTGRES:-} || -z ${CLUSTER_REDIS:-} ]]; then default_services; fi
  POSTGRES=${CLUSTER_POSTGRES:-$(default_database "$WELINK_TEST_POSTGRES")}
  REDIS=${CLUSTER_REDIS:-$WELINK_TEST_REDIS}
  REDIS_PREFIX=${CLUSTER_REDIS_PREFIX:-welink-cluster:}
  BALANCER_PORT=${CLUSTER_PORT:-5000}
  SANDBOX_PORT=${CLUSTER_SANDBOX_PORT:-5080}
  NODE_PORTS=$(for _ in $(seq 1 "$NODES"); do free_port; done | paste -sd' ')
  SERVER_DIR="$repo_root/src/WeLink.Server/bin/$configuration/net10.0"
  SANDBOX_DIR="$repo_root/src/WeLink.Sandbox/bin/$configuration/net10.0"
  save_state
  build
  [[ -f $SERVER_DIR/WeLink.Server.dll && -f $SANDBOX_DIR/WeLink.Sandbox.dll ]] ||
    fail "no build output in $SERVER_DIR or $SANDBOX_DIR (run with CLUSTER_BUILD=1)"
  trap 'stop_after_failed_start $?' EXIT
  # The balancer first: the sandbox pushes its first tickets to it as soon as it starts, and a refused push is
  # retried; node 1 next, alone, so the first start's migrations are not raced for (they also take an advisory lock).
  start_balancer
  start_node 1
  start_sandbox
  local n
  for n in $(seq 2 "$NODES"); do start_node "$n"; done
  trap - EXIT
  print_addresses
}

print_addresses() {
  echo "CLUSTER_URL=http://127.0.0.1:$BALANCER_PORT"
  echo "CLUSTER_SANDBOX_URL=http://127.0.0.1:$SANDBOX_PORT"
  local n
  for n in $(seq 1 "$NODES"); do echo "CLUSTER_NODE_${n}_URL=http://127.0.0.1:$(node_port "$n")"; done
}

stop() {
  if ! load_state; then
    say "nothing to stop"
    return 0
  fi
  end_process "$state_dir/nginx.pid" "$(nginx_mark)"
  local n
  for n in $(seq 1 "$NODES"); do end_process "$state_dir/node-$n.pid" "$(node_mark "$n")"; done
  end_process "$state_dir/sandbox.pid" "$(sandbox_mark)"
  rm -f "$state_file"
}

check_node_number() {
  [[ ${1:-} =~ ^[1-9]$ ]] && ((${1} <= NODES)) || fail "no node '${1:-}': the cluster has nodes 1 to $NODES"
}

kill_node() { # N
  load_state || fail "not running"
  check_node_number "${1:-}"
  local pid
  pid=$(live_pid "$state_dir/node-$1.pid" "$(node_mark "$1")") || fail "node $1 is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  say "killed node $1 (pid $pid)"
}

restart_node() { # N
  load_state || fail "not running"
  check_node_number "${1:-}"
  end_process "$state_dir/node-$1.pid" "$(node_mark "$1")"
  start_node "$1"
  say "node $1 is running again (pid $(<"$state_dir/node-$1.pid"))"
}

line() { # NAME PIDFILE MARK URL
  local pid
  if pid=$(live_pid "$2" "$3"); then
    printf '%-8s running  pid %-7s %s\n' "$1" "$pid" "$4"
  else
    printf '%-8s stopped           %s\n' "$1" "$4"
    return 1
  fi
}

all_running() {
  local n
  live_pid "$state_dir/nginx.pid" "$(nginx_mark)" >/dev/null && live_pid "$state_dir/sandbox.pid" "$(sandbox_mark)" >/dev/null || return 1
  for n in $(seq 1 "$NODES"); do live_pid "$state_dir/node-$n.pid" "$(node_mark "$n")" >/dev/null || return 1; done
}

status() {
  load_state || { say "not started"; return 1; }
  local ok=0 n
  line nginx "$state_dir/nginx.pid" "$(nginx_mark)" "http://127.0.0.1:$BALANCER_PORT" || ok=1
  line sandbox "$state_dir/sandbox.pid" "$(sandbox_mark)" "http://127.0.0.1:$SANDBOX_PORT" || ok=1
  for n in $(seq 1 "$NODES"); do
    line "node $n" "$state_dir/node-$n.pid" "$(node_mark "$n")" "http://127.0.0.1:$(node_port "$n")" || ok=1
  done
  return $ok
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) kill_node "${2:-}" ;;
  restart) restart_node "${2:-}" ;;
  *) fail "usage: scripts/cluster.sh start|stop|status|kill N|restart N" ;;
esac
