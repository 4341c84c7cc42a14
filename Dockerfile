# syntax=docker/dockerfile:1
# Marstek Automation image: docker compose up -d (docs/DEPLOY.md). Checked statically by
# DeploymentFilesTest; no Docker engine runs in this project's CI.

# --- Build: the same wrapper command and jar as the README (target/marstek-automation.jar) ------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
# Tests run in CI (./mvnw verify), not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests package \
 && java -Djarmode=tools -jar target/marstek-automation.jar extract --destination /app

# --- Runtime ---------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre
# Sized for a small board (Raspberry Pi class): C1 JIT only (compiling a third as often), small
# stacks, serial GC with a small young generation and a heap that grows and shrinks tightly, at most
# half the container's memory; the AOT cache without method profiles; no perf-data file; two malloc
# arenas (docs/BENCHMARKS.md).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=3 -Xss256k -XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=50 -XX:MaxNewSize=4m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:-AOTReplayTraining -XX:-UsePerfData --enable-native-access=ALL-UNNAMED"
RUN groupadd --system --gid 10001 marstek \
 && useradd --system --uid 10001 --gid marstek --home-dir /data --shell /usr/sbin/nologin marstek \
 && mkdir -p /data \
 && chown marstek:marstek /data
COPY --from=build /app/ /app/
# AOT cache (JDK 25, JEP 514/515) on the extracted jar, trained with the runtime's JVM options:
# measured 0.9 s to start instead of 1.8-1.9 s with the same options. The training run starts the demo fleet and stops once the
# context is refreshed; its throw-away token and working directory never reach the image.
RUN mkdir /tmp/aot-training \
 && cd /tmp/aot-training \
 && API_TOKEN=aot-training-run-only-not-a-secret DOTENV_FILE=none \
    java $JAVA_OPTS -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
      -jar /app/marstek-automation.jar \
 && rm -rf /tmp/aot-training \
 && chmod -R a+rX /app
USER marstek:marstek
# Working directory: the generated API token file and, without DATABASE_URL, the embedded database.
WORKDIR /data
VOLUME /data
EXPOSE 8000
ENV SERVER_PORT=8000
# No curl in the JRE image: bash's /dev/tcp asks GET /health and wants "200".
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8000} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=/app/app.aot -jar /app/marstek-automation.jar \"$@\"", "--"]
