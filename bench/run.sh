#!/usr/bin/env bash
# Load figures for the README: starts the packaged link server on a fresh H2 data folder and drives it with wrk
# (apt-get install wrk) over HTTPS on loopback. Bounded: 2 connections per core, 15 s per endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
# the JDK 25 that Maven's toolchain finds; override with JAVA=/path/to/java
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
data=$(mktemp -d)
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar target/devicelink.jar server \
  --data-dir "$data" --port 18443 > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
for _ in $(seq 60); do curl -skf https://localhost:18443/.well-known/oauth-authorization-server >/dev/null && break; sleep 0.5; done
base=https://localhost:18443
warm() { wrk -t2 -c4 -d5s "$@" >/dev/null; }
echo "## POST /oauth2/device_authorization"
warm -s bench/device-authorization.lua $base/oauth2/device_authorization
wrk -t2 -c4 -d15s --latency -s bench/device-authorization.lua $base/oauth2/device_authorization
export DEVICE_CODE=$(curl -sk -d client_id=demo-console $base/oauth2/device_authorization | sed 's/.*"device_code":"\([^"]*\)".*/\1/')
echo "## POST /oauth2/token (polling)"
warm -s bench/token-poll.lua $base/oauth2/token
wrk -t2 -c4 -d15s --latency -s bench/token-poll.lua $base/oauth2/token
echo "## GET /.well-known/oauth-authorization-server"
wrk -t2 -c4 -d10s --latency $base/.well-known/oauth-authorization-server
