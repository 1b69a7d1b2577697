# Shared by the load scripts (soak.sh, compare-jars.sh, camel-floor.sh); source it from the repository's root. Everything started
# through it is recorded in PIDS and stopped when the script exits. Loopback only.

# shellcheck disable=SC2034  # BENCH_BODY is read by the scripts that source this file
BENCH_BODY='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_artist_info","arguments":{"artist":"The Weeknd"}}}'
BENCH_HEADERS=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# free_port: below the kernel's ephemeral range, as the CI scripts pick theirs
# shellcheck source=scripts/ports.sh
. scripts/ports.sh

# A Last.fm stand-in answering artist.getInfo on 127.0.0.1:$FP (FP is set here), logging to DIR/stub.log:
# ../shared/bench/stub-upstream.py when it exists, else a WireMock standalone from the local Maven repository fed
# from the test fixtures.
start_lastfm_stub() { # DIR
  FP=$(free_port)
  local stub=../shared/bench/stub-upstream.py
  if [ -f "$stub" ]; then
    python3 "$stub" "$FP" >"$1/stub.log" 2>&1 & PIDS+=($!)
  else
    local wm; wm=$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort | tail -1)
    mkdir -p "$1/wm/mappings" "$1/wm/__files"
    cp src/test/resources/fixtures/lastfm/artist.getInfo__the-weeknd.json "$1/wm/__files/artist.json"
    echo '{"request":{"urlPath":"/2.0/"},"response":{"status":200,"bodyFileName":"artist.json","headers":{"Content-Type":"application/json"}}}' \
      >"$1/wm/mappings/artist.json"
    java -jar "$wm" --bind-address 127.0.0.1 --port "$FP" --root-dir "$1/wm" --disable-banner >"$1/stub.log" 2>&1 & PIDS+=($!)
  fi
}

# The server's JAR on 127.0.0.1:PORT (-Xmx256m, $JAVA_OPTS word-split) against the Last.fm stand-in (FP), run in
# DIR and logging to DIR.log; NAME=value arguments are added to (and override) its environment.
start_server() { # DIR PORT JAR [NAME=value ...]
  local dir=$1 port=$2 jar=$3; shift 3; mkdir -p "$dir"
  # shellcheck disable=SC2086
  ( cd "$dir" && exec env PORT="$port" BIND_HOST=127.0.0.1 MANAGEMENT_PORT=0 MUSICBRAINZ_ENABLED=false \
      LASTFM_API_KEY=feedfacecafebeef0123456789abcdef LASTFM_SHARED_SECRET=5ec7e75ec7e75ec7e75ec7e75ec7e700 \
      LASTFM_API_URL="http://127.0.0.1:$FP/2.0/" PUBLIC_BASE_URL="http://127.0.0.1:$port" "$@" \
      java -Xmx256m ${JAVA_OPTS:-} -jar "$jar" >"$dir.log" 2>&1 ) & PIDS+=($!)
}

wait_healthy() { # PORT TRIES (0.1 s apart)
  for _ in $(seq 1 "$2"); do curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
}

# The pid of the JVM listening on PORT (the process whose CPU counts, not a wrapping shell).
jvm_pid() { ss -ltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# Opens an MCP session (2025-06-18) on PORT as client NAME and prints its id.
open_session() { # PORT NAME
  local sid
  sid=$(curl -s -D - -o /dev/null "${BENCH_HEADERS[@]}" -X POST "http://127.0.0.1:$1/mcp" -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"'"$2"'","version":"1"}}}' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}' | tr -d '\r')
  curl -s -o /dev/null "${BENCH_HEADERS[@]}" -H "Mcp-Session-Id: $sid" -H 'MCP-Protocol-Version: 2025-06-18' -X POST "http://127.0.0.1:$1/mcp" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo "$sid"
}

# A wrk script that posts BENCH_BODY in session SESSION.
write_wrk_script() { # FILE SESSION
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.body = '$BENCH_BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["Mcp-Session-Id"] = "$2"
LUA
}
