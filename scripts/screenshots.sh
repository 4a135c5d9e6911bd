#!/usr/bin/env bash
# Screenshots of the server's pages as a real browser renders them (headless Chromium from Debian:
# apt-get install chromium), saved to target/screenshots/: the login page, a wrong password, the verification page.
# Needs `mvn package` first. Look at the PNGs afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
out=target/screenshots
mkdir -p "$out"
data=$(mktemp -d)
port=18444
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar target/devicelink.jar server \
  --data-dir "$data" --port $port > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
base=https://localhost:$port
for _ in $(seq 60); do curl -skf $base/idp/.well-known/openid-configuration >/dev/null && break; sleep 0.5; done

shoot() { # name url [width height]
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --ignore-certificate-errors --user-data-dir="$data/chrome" \
    --hide-scrollbars --window-size="${3:-1100},${4:-900}" --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
challenge=$(printf 'verifier-verifier-verifier-verifier-verifier' | openssl dgst -binary -sha256 | basenc --base64url | tr -d '=')
authorize="$base/idp/oauth2/v2.0/authorize?client_id=devicelink-companion&redirect_uri=http%3A%2F%2Flocalhost%3A5555&response_type=code&response_mode=form_post&scope=openid%20devicelink&state=s&code_challenge=$challenge&code_challenge_method=S256"
shoot login "$authorize"
shoot login-phone "$authorize" 400 800
shoot login-refused "$base/idp/oauth2/v2.0/authorize?client_id=devicelink-companion&redirect_uri=https%3A%2F%2Fevil.example%2F"
shoot link-page "$base/link?code=wdjb-mjht"
shoot link-page-typo "$base/link?code=WDJB-MJH0"
