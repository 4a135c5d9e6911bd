#!/usr/bin/env bash
# Keycloak 26.7.3 (dev mode) as an RFC 8628 device-flow baseline for benchmarks.
#
# Usage:
#   keycloak.sh install          unzip the dist into target/keycloak (only once; also done by start)
#   keycloak.sh start            start-dev on :18180 in the background, wait until it answers
#   keycloak.sh setup            realm "bench" + public client "bench-device" with device grant
#   keycloak.sh verify           device authorization + three token polls (0 s, 0 s, 1.2 s apart)
#   keycloak.sh codes N FILE     create N pending device codes, write device_code values to FILE
#   keycloak.sh rss              VmRSS of the Keycloak java process
#   keycloak.sh status           running or not
#   keycloak.sh stop             stop Keycloak (pid file), wait for it to exit
#
# Endpoints (realm bench):
#   device authorization: POST $BASE/realms/bench/protocol/openid-connect/auth/device
#   token:                POST $BASE/realms/bench/protocol/openid-connect/token
#
# Environment overrides: KC_PORT (18180), KC_PARALLEL (8, for "codes"),
#   KC_EXTRA_ARGS (extra start-dev options), KC_JAVA_HOME (default JDK 17).
set -euo pipefail

ZIP="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/26.7.3/keycloak-quarkus-dist-26.7.3.zip"
KC_BASE_DIR="${KC_BASE_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/keycloak}"
KC_HOME="$KC_BASE_DIR/keycloak-26.7.3"
KC_LOG="$KC_BASE_DIR/kc.log"
KC_PID="$KC_BASE_DIR/kc.pid"
KCADM_CONFIG="$KC_BASE_DIR/kcadm.config"
PORT="${KC_PORT:-18180}"
BASE="http://localhost:$PORT"
REALM=bench
CLIENT_ID=bench-device
DEVICE_URL="$BASE/realms/$REALM/protocol/openid-connect/auth/device"
TOKEN_URL="$BASE/realms/$REALM/protocol/openid-connect/token"
DEVICE_GRANT=urn:ietf:params:oauth:grant-type:device_code

# JDK 17, the default "java" here (not the JDK 25 in /usr/lib/jvm).
export JAVA_HOME="${KC_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

die() { echo "keycloak.sh: $*" >&2; exit 1; }

install() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then return 0; fi
  [ -f "$ZIP" ] || die "missing $ZIP"
  mkdir -p "$KC_BASE_DIR"
  echo "unzipping $(basename "$ZIP") into $KC_BASE_DIR"
  unzip -q "$ZIP" -d "$KC_BASE_DIR"
  [ -x "$KC_HOME/bin/kc.sh" ] || die "unzip did not produce $KC_HOME/bin/kc.sh"
}

# pid from the pid file if that process is alive (prints nothing otherwise)
running_pid() {
  [ -f "$KC_PID" ] || return 1
  local pid; pid=$(cat "$KC_PID")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# kc.sh runs java as a child (or execs it after a re-augmentation): find the java pid
java_pid() {
  local pid; pid=$(running_pid) || return 1
  if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = java ]; then echo "$pid"; return 0; fi
  local c
  for c in $(pgrep -P "$pid" 2>/dev/null); do
    if [ "$(cat /proc/"$c"/comm 2>/dev/null)" = java ]; then echo "$c"; return 0; fi
  done
  return 1
}

answers() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$BASE/realms/master" 2>/dev/null | grep -q '^200$'; }

start() {
  install
  if pid=$(running_pid); then echo "already running, pid $pid"; return 0; fi
  if answers; then die "something already answers on port $PORT"; fi
  export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
  cd "$KC_HOME"
  # setsid: own session, so it outlives this shell; kc.sh forwards TERM to java.
  # KC_EXTRA_ARGS: extra kc.sh options, word-split, e.g.
  #   KC_EXTRA_ARGS='--log-level=INFO,org.keycloak.events:error' (silence the WARN line per slow_down)
  # shellcheck disable=SC2086
  setsid bin/kc.sh start-dev --http-port="$PORT" ${KC_EXTRA_ARGS:-} >"$KC_LOG" 2>&1 </dev/null &
  echo $! >"$KC_PID"
  echo "started kc.sh pid $(cat "$KC_PID"), log $KC_LOG; waiting for $BASE ..."
  local t0=$SECONDS
  until answers; do
    if ! running_pid >/dev/null; then tail -n 30 "$KC_LOG" >&2; die "Keycloak exited during startup"; fi
    if (( SECONDS - t0 > 300 )); then die "no answer after 300 s (see $KC_LOG)"; fi
    sleep 1
  done
  echo "Keycloak answers after $((SECONDS - t0)) s (java pid $(java_pid || echo '?'))"
}

stop() {
  local pid
  if ! pid=$(running_pid); then echo "not running"; rm -f "$KC_PID"; return 0; fi
  local jpid; jpid=$(java_pid || true)
  kill -TERM "$pid"
  local i
  for i in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null && { [ -z "$jpid" ] || ! kill -0 "$jpid" 2>/dev/null; }; then
      rm -f "$KC_PID"; echo "stopped (pid $pid${jpid:+, java $jpid})"; return 0
    fi
    sleep 1
  done
  echo "still alive after 60 s, sending KILL" >&2
  kill -KILL "$pid" ${jpid:+"$jpid"} 2>/dev/null || true
  sleep 1
  rm -f "$KC_PID"
}

kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" --config "$KCADM_CONFIG"; }

setup() {
  running_pid >/dev/null || die "not running (keycloak.sh start)"
  kcadm config credentials --server "$BASE" --realm master --user admin --password admin
  if kcadm get "realms/$REALM" --fields realm >/dev/null 2>&1; then
    echo "realm $REALM exists"
  else
    kcadm create realms -s realm="$REALM" -s enabled=true
    echo "created realm $REALM"
  fi
  # device flow settings of the realm (stored as realm attributes); the interval cannot be 0
  kcadm update "realms/$REALM" -s oauth2DevicePollingInterval=1 -s oauth2DeviceCodeLifespan=1800

  local client_json
  client_json=$(cat <<EOF
{
  "clientId": "$CLIENT_ID",
  "enabled": true,
  "publicClient": true,
  "standardFlowEnabled": true,
  "attributes": {
    "oauth2.device.authorization.grant.enabled": "true",
    "oauth2.device.polling.interval": "1",
    "oauth2.device.code.lifespan": "1800"
  }
}
EOF
)
  local id
  id=$(kcadm get clients -r "$REALM" -q clientId="$CLIENT_ID" --fields id --format csv --noquotes | head -n1)
  if [ -n "$id" ]; then
    echo "$client_json" | kcadm update "clients/$id" -r "$REALM" -f -
    echo "updated client $CLIENT_ID ($id)"
  else
    echo "$client_json" | kcadm create clients -r "$REALM" -f -
    echo "created client $CLIENT_ID"
  fi
  echo "realm settings:"
  kcadm get "realms/$REALM" --fields realm,oauth2DevicePollingInterval,oauth2DeviceCodeLifespan
  echo "client settings:"
  kcadm get clients -r "$REALM" -q clientId="$CLIENT_ID" \
    | jq '.[] | {clientId, publicClient, standardFlowEnabled, attributes}'
}

device_authorization() { curl -s -S -m 10 -d "client_id=$CLIENT_ID" "$DEVICE_URL"; }

poll() {
  curl -s -S -m 10 -w ' HTTP %{http_code}\n' \
    --data-urlencode "grant_type=$DEVICE_GRANT" -d "client_id=$CLIENT_ID" \
    --data-urlencode "device_code=$1" "$TOKEN_URL"
}

verify() {
  echo "POST $DEVICE_URL client_id=$CLIENT_ID"
  local resp dc
  resp=$(device_authorization)
  echo "$resp" | jq .
  dc=$(echo "$resp" | jq -r '.device_code // empty')
  [ -n "$dc" ] || die "no device_code in the answer"
  echo "POST $TOKEN_URL grant_type=$DEVICE_GRANT (poll 1, immediately)"
  poll "$dc"
  echo "poll 2, immediately after poll 1"
  poll "$dc"
  echo "poll 3, after sleep 1.2"
  sleep 1.2
  poll "$dc"
}

codes() {
  local n="${1:?usage: codes N FILE}" file="${2:?usage: codes N FILE}"
  local par="${KC_PARALLEL:-8}"
  # jq reads the concatenated JSON answers; keep only device codes
  seq "$n" | xargs -P "$par" -I{} curl -s -m 20 -d "client_id=$CLIENT_ID" "$DEVICE_URL" \
    | jq -r '.device_code // empty' >"$file.tmp"
  local got; got=$(wc -l <"$file.tmp")
  mv "$file.tmp" "$file"
  echo "wrote $got device codes to $file"
  [ "$got" -eq "$n" ] || die "asked for $n codes, got $got"
}

rss() {
  local jpid; jpid=$(java_pid) || die "not running"
  echo "java pid $jpid: $(grep -E '^VmRSS' /proc/"$jpid"/status)"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  setup) setup ;;
  verify) verify ;;
  codes) shift; codes "$@" ;;
  rss) rss ;;
  status) if pid=$(running_pid); then echo "running, pid $pid (java $(java_pid || echo '?'))"; else echo "not running"; fi ;;
  stop) stop ;;
  *) awk 'NR>1 && !/^#/ {exit} NR>1 {sub(/^# ?/, ""); print}' "$0"; exit 2 ;;
esac
