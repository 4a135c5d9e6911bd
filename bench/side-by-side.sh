#!/usr/bin/env bash
# Side by side on one machine, as the README's figures were made: the link server on its embedded default (H2,
# plain HTTP, code.interval=1 so pending polls answer authorization_pending) and Keycloak 26.7.3 in dev mode
# (bench/keycloak.sh; needs org.keycloak:keycloak-quarkus-dist:26.7.3:zip in ~/.m2), each driven by wrk -t1 -c32:
# the metadata (the stack's ceiling), device authorizations, and pending polls over a pool of N codes round robin, with
# none and with 10 % of them too early (answered slow_down). The link server runs through its package's launcher.
#   bench/side-by-side.sh devicelink|keycloak    (N=100000 codes, D=20 s per measure; DLSET adds server settings)
# The metadata is measured first and again last, warm: pending polls are compared with the warm figure.
set -uo pipefail
cd "$(dirname "$0")/.."
which=$1; N=${N:-100000}; D=${D:-20}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
out=target/side-$which.txt; : > "$out"
if [ "$which" = devicelink ]; then
  data=$(mktemp -d)
  # through the packaged launcher, with the heap and collector an operator gets
  DEVICELINK_HOME=target JAVA=$JAVA packaging/server/devicelink-server \
    --data-dir "$data" --port 18080 --set tls=false --set code.interval=1 --set code.lifetime=3600 \
    --set issue.per-app=10000000 --set issue.per-block=10000000 ${DLSET:-} > "$data/log" 2>&1 &
  pid=$!
  base=http://localhost:18080; meta=$base/.well-known/oauth-authorization-server
  auth=$base/oauth2/device_authorization; tok=$base/oauth2/token; body="client_id=demo-console&device_name=Bench%20console"; cid=demo-console
else
  bench/keycloak.sh start >/dev/null && bench/keycloak.sh setup >/dev/null
  pid=$(cat target/keycloak/kc.pid); child=$(pgrep -P "$pid" java | head -1); [ -n "$child" ] && pid=$child
  base=http://localhost:18180; meta=$base/realms/bench/.well-known/openid-configuration
  auth=$base/realms/bench/protocol/openid-connect/auth/device; tok=$base/realms/bench/protocol/openid-connect/token; body="client_id=bench-device"; cid=bench-device
fi
for _ in $(seq 120); do curl -sf "$meta" >/dev/null && break; sleep 0.5; done
curl -sf "$meta" >/dev/null || { echo "$which did not start"; [ "$which" = devicelink ] && cat "$data/log"; exit 1; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$pid/status; }
figures() { grep -E "Requests/sec|50%|99%|Socket|Non-2xx"; }
echo "$which: RSS at start $(rss)" >> "$out"
wrk -t1 -c32 -d5s "$meta" >/dev/null
echo "## metadata" >> "$out"; wrk -t1 -c32 -d${D}s --latency "$meta" | figures >> "$out"
codes=target/codes-$which.txt; : > "$codes"
BODY=$body OUT=$codes wrk -t1 -c32 -d5s -s bench/record-codes.lua "$auth" >/dev/null
echo "## device authorizations" >> "$out"; BODY=$body OUT=$codes wrk -t1 -c32 -d${D}s --latency -s bench/record-codes.lua "$auth" | figures >> "$out"
while [ "$(wc -l < "$codes")" -lt "$N" ] && kill -0 "$pid"; do BODY=$body OUT=$codes wrk -t1 -c32 -d10s -s bench/record-codes.lua "$auth" >/dev/null; done
head -"$N" "$codes" > "$codes.pool"
echo "codes made: $(wc -l < "$codes"); RSS $(rss)" >> "$out"
[ "$which" = devicelink ] && echo "data folder: $(du -sk "$data" | cut -f1) KB" >> "$out"
CODES=$codes.pool CLIENT_ID=$cid wrk -t1 -c32 -d5s -s bench/pending-polls.lua "$tok" >/dev/null
echo "## pending polls over $N codes" >> "$out"; CODES=$codes.pool CLIENT_ID=$cid wrk -t1 -c32 -d${D}s --latency -s bench/pending-polls.lua "$tok" | figures >> "$out"
echo "## pending polls over $N codes, 10 % too early" >> "$out"
CODES=$codes.pool CLIENT_ID=$cid TOO_EARLY=10 wrk -t1 -c32 -d${D}s --latency -s bench/pending-polls.lua "$tok" | figures >> "$out"
CODES=$codes.pool CLIENT_ID=$cid COUNT_ANSWERS=1 wrk -t1 -c32 -d3s -s bench/pending-polls.lua "$tok" | grep -A5 answers >> "$out"
echo "RSS after polls $(rss)" >> "$out"
# the metadata again, now that the server is warm: the ceiling the polls are held to
echo "## metadata, warm" >> "$out"; wrk -t1 -c32 -d${D}s --latency "$meta" | figures >> "$out"
if [ "$which" = devicelink ]; then
  echo "data folder after polls: $(du -sk "$data" | cut -f1) KB" >> "$out"
  kill $pid; wait $pid 2>/dev/null; rm -rf "$data"
else
  bench/keycloak.sh stop >/dev/null
fi
cat "$out"
