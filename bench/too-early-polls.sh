#!/usr/bin/env bash
# Pacing costs no write: the link server on its embedded default (H2 file, plain HTTP, code.interval=1), N pending codes,
# then pending polls with wrk -t1 -c32, RUNS times each alternately with none and with TOO_EARLY percent of polls too
# early (answered slow_down). Prints polls/s and p99 of each run, and whether the data folder's files changed during the
# runs with polls too early (a checksum of every file, before and after).
#   bench/too-early-polls.sh     (N=100000 codes, D=10 s per run, RUNS=3, TOO_EARLY=10)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; D=${D:-10}; RUNS=${RUNS:-3}; TOO_EARLY=${TOO_EARLY:-10}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
data=$(mktemp -d); out=target/too-early-polls.txt; : > "$out"
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar target/devicelink.jar server \
  --data-dir "$data" --port 18080 --set tls=false --set code.interval=1 --set code.lifetime=3600 --set issue.per-app=10000000 \
  > "$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
base=http://localhost:18080
for _ in $(seq 120); do curl -sf "$base/.well-known/oauth-authorization-server" >/dev/null && break; sleep 0.5; done
codes=target/codes-too-early.txt; : > "$codes"
while [ "$(wc -l < "$codes")" -lt "$N" ]; do
  BODY="client_id=demo-console&device_name=Bench%20console" OUT=$codes wrk -t1 -c32 -d10s -s bench/record-codes.lua \
    "$base/oauth2/device_authorization" >/dev/null
done
head -"$N" "$codes" > "$codes.pool"
poll() { CODES=$codes.pool CLIENT_ID=demo-console TOO_EARLY=$1 wrk -t1 -c32 -d${D}s --latency -s bench/pending-polls.lua "$base/oauth2/token"; }
sums() { find "$data" -type f ! -name log -exec sha256sum {} + | sort; }
poll 0 >/dev/null; poll "$TOO_EARLY" >/dev/null # warm up, and every hot code has been told to slow down
for run in $(seq "$RUNS"); do
  echo "none too early, run $run: $(poll 0 | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r " polls/s, p99 " p}')" >> "$out"
  before=$(sums)
  echo "$TOO_EARLY % too early, run $run: $(poll "$TOO_EARLY" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r " polls/s, p99 " p}')" >> "$out"
  [ "$before" = "$(sums)" ] && echo "  data folder unchanged" >> "$out" || echo "  DATA FOLDER CHANGED" >> "$out"
done
CODES=$codes.pool CLIENT_ID=demo-console TOO_EARLY=$TOO_EARLY COUNT_ANSWERS=1 wrk -t1 -c32 -d3s -s bench/pending-polls.lua \
  "$base/oauth2/token" | grep -A5 answers >> "$out"
cat "$out"
