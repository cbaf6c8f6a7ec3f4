# shellcheck shell=bash
# Shared by scripts/services.sh and scripts/cluster.sh (sourced after `set -euo pipefail`): their messages, the state
# file each keeps of what it started, and signalling only processes it started. The sourcing script sets state_file
# and defines stop.

# Messages name the script that says them: "services: …", "cluster: …".
say() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }
fail() {
  say "$*"
  exit 1
}

# write_state NAME...: the variables' values into $state_file, quoted so that load_state reads them back as they were.
write_state() {
  local name
  # shellcheck disable=SC2154 # state_file is the sourcing script's
  for name in "$@"; do printf '%s=%q\n' "$name" "${!name}"; done >"$state_file"
}

load_state() {
  [[ -f $state_file ]] || return 1
  # shellcheck source=/dev/null
  source "$state_file"
}

# The EXIT trap while starting (trap 'stop_after_failed_start $?' EXIT): a failed start leaves nothing behind.
stop_after_failed_start() {
  local status=$1
  ((status == 0)) && return 0
  say "start failed; stopping what it had started"
  stop
  exit "$status"
}

# The pid in FILE, only while that process's command line still holds MARK (so a reused pid is never signalled).
live_pid() { # FILE MARK
  local pid
  [[ -f $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 1
  echo "$pid"
}

# Ends the process in PIDFILE, if it is still the one MARK names: TERM, then KILL after GRACE seconds (15).
end_process() { # PIDFILE MARK [GRACE]
  local pid
  pid=$(live_pid "$1" "$2") || { rm -f "$1"; return 0; }
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + ${3:-15}))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$1"
}
