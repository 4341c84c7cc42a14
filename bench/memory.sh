#!/usr/bin/env bash
# Resident memory of the service in demo mode over time, with the JVM's own account of it.
# Usage: [NMT=1] bench/memory.sh NAME MINUTES [java options...]   (after ./mvnw -q -DskipTests package)
# RSS (ps) 3 s after /health answers and MINUTES later, in target/memory-bench/NAME/rss.txt. With
# NMT=1 the JVM also tracks its native memory, and jcmd's VM.native_memory summary, GC.heap_info and
# (at the end only: it runs a full GC) GC.class_histogram are saved beside it; NMT costs a few MiB
# itself, so compare RSS of runs without it. With AOT=1 an AOT cache is trained first with the same
# options (as the Dockerfile does) and used.
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=$1; MINUTES=$2; shift 2
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/marstek-automation.jar
WORK=target/memory-bench
mkdir -p "$WORK"
if [ ! -f "$WORK/app/marstek-automation.jar" ]; then
  "$JDK/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
fi
DIR="$WORK/$NAME"; rm -rf "$DIR"; mkdir -p "$DIR"
AOTOPT=()
if [ -n "${AOT:-}" ]; then
  (cd "$DIR" && API_TOKEN=memory-benchmark-token DOTENV_FILE=none "$JDK/bin/java" "$@" \
    --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
    -jar "$(pwd)/../app/marstek-automation.jar" >train.log 2>&1)
  AOTOPT=(-XX:AOTCache=app.aot)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$DIR" && API_TOKEN=memory-benchmark-token DOTENV_FILE=none SERVER_PORT=$PORT \
  exec "$JDK/bin/java" "$@" "${AOTOPT[@]}" ${NMT:+-XX:NativeMemoryTracking=summary} --enable-native-access=ALL-UNNAMED \
  -jar "$(pwd)/../app/marstek-automation.jar" >out.log 2>&1) &
PID=$!
for _ in $(seq 1 600); do curl -sf "127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
snap() { # label
  echo "$NAME $1 $(ps -o rss= -p $PID | awk '{printf "%.0f", $1/1024}') MiB" | tee -a "$DIR/rss.txt"
  if [ -n "${NMT:-}" ]; then
    "$JDK/bin/jcmd" $PID VM.native_memory summary > "$DIR/nmt-$1.txt"
    "$JDK/bin/jcmd" $PID GC.heap_info > "$DIR/heap-$1.txt"
  fi
}
sleep 3; snap start
for m in $(seq 1 "$MINUTES"); do sleep 60; curl -sf "127.0.0.1:$PORT/health" >/dev/null; curl -sf "127.0.0.1:$PORT/" >/dev/null || true; done
snap after-${MINUTES}min
if [ -n "${NMT:-}" ]; then "$JDK/bin/jcmd" $PID GC.class_histogram > "$DIR/histo.txt"; fi
kill $PID; wait $PID 2>/dev/null || true
