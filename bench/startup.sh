#!/usr/bin/env bash
# Start-up time and resident memory of the service in demo mode (3 simulated batteries, embedded
# database), plain and with the small-board settings and the JDK's AOT cache, side by side.
# Usage: ./mvnw -q -DskipTests package && bench/startup.sh [runs]   (results: target/benchmarks/startup.md)
set -euo pipefail
export MALLOC_ARENA_MAX=2 # as the systemd unit and the Dockerfile
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=target/marstek-automation.jar
WORK=target/startup-bench
SMALL="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=3 -Xss256k -XX:+UseSerialGC -Xms16m -Xmx128m -XX:MaxNewSize=4m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:-AOTReplayTraining -XX:-UsePerfData"
rm -rf "$WORK" && mkdir -p "$WORK" target/benchmarks
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP="$WORK/app/marstek-automation.jar"
(cd "$WORK" && mkdir -p train && cd train && API_TOKEN=startup-benchmark-token DOTENV_FILE=none.env \
  "$JAVA" $SMALL --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=../app.aot \
  -Dspring.context.exit=onRefresh -jar "../app/marstek-automation.jar" >train.log 2>&1)

port=18900
run() { # name, java args...
  local name=$1; shift
  for i in $(seq 1 "$RUNS"); do
    port=$((port + 1))
    local dir="$WORK/run-$name-$i"; mkdir -p "$dir"
    (cd "$dir" && API_TOKEN=startup-benchmark-token DOTENV_FILE=none.env SERVER_PORT=$port \
      exec "$JAVA" "$@" >out.log 2>&1) &
    local pid=$!
    for _ in $(seq 1 300); do grep -q "Started MarstekAutomationApplication" "$dir/out.log" 2>/dev/null && break; sleep 0.1; done
    for _ in $(seq 1 100); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.1; done
    sleep 3
    local started rss
    started=$(grep -o "Started MarstekAutomationApplication in [0-9.]* seconds (process running for [0-9.]*)" "$dir/out.log" | sed 's/Started MarstekAutomationApplication in //')
    rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
    echo "| $name | $i | $started | $rss |"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
}
{
  echo "| configuration | run | started in (s) | RSS 3 s after start (MiB) |"
  echo "| --- | --- | --- | --- |"
  run plain --enable-native-access=ALL-UNNAMED -jar "$(pwd)/$JAR"
  run small-board $SMALL --enable-native-access=ALL-UNNAMED -jar "$(pwd)/$APP"
  run small-board+aot $SMALL --enable-native-access=ALL-UNNAMED -XX:AOTCache="$(pwd)/$WORK/app.aot" -jar "$(pwd)/$APP"
} | tee target/benchmarks/startup.md
