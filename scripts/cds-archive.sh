#!/usr/bin/env bash
# Writes a class archive for the jar with a short training run, so the server starts faster:
#   JDK 17-24: an AppCDS archive, target/lastfm-mcp.jsa
#              java -XX:SharedArchiveFile=target/lastfm-mcp.jsa -jar target/lastfm-mcp.jar
#   JDK 25+:   an AOT cache (JEP 483/514/515: loaded and linked classes plus method profiles), target/lastfm-mcp.aot
#              java -XX:AOTCache=target/lastfm-mcp.aot -jar target/lastfm-mcp.jar
# The archive only fits the JVM that wrote it and the same jar path; run this with the java you start the server with.
# Usage: scripts/cds-archive.sh [jar] [archive]
set -euo pipefail
JAR=${1:-target/lastfm-mcp.jar}
MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${MAJOR%%.*}" -ge 25 ]; then
  ARCHIVE=${2:-${JAR%.jar}.aot}
  WRITE=(-XX:AOTCacheOutput="$ARCHIVE")
else
  ARCHIVE=${2:-${JAR%.jar}.jsa}
  WRITE=(-XX:ArchiveClassesAtExit="$ARCHIVE")
fi
rm -f "$ARCHIVE"
# port 0: any free port; the run stops by itself 4 s after the routes have started
LASTFM_API_KEY= java "${WRITE[@]}" -Dcamel.server.port=0 -Dcamel.main.durationMaxSeconds=4 -jar "$JAR" >/dev/null 2>&1
ls -l "$ARCHIVE"
