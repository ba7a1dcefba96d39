#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of the stack's hot paths (dev.packetlab.bench.micro) from the packaged bench module:
# build first with ./test or `mvn -DskipTests package`, which puts the classpath in backend/bench/target/jmh-lib.
# Every argument goes to JMH, e.g.
#
#   backend/bench/jmh.sh                                   (everything, with each class's defaults: ~9 s a case)
#   backend/bench/jmh.sh UdpEcho -f 1 -wi 2 -i 3 -r 1s     (one class, shorter)
#   backend/bench/jmh.sh -l                                (list the benchmarks)    -h: JMH's options
#
# Knobs: BUILD_DIR=target (the Maven build directory, as -Dpacketlab.buildDir)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/backend/bench/${BUILD_DIR:-target}"

[[ -f "$BUILD/classes/META-INF/BenchmarkList" && -d "$BUILD/jmh-lib" ]] || {
  echo "jmh: no benchmarks in $BUILD; build first: mvn -pl backend/bench -am -DskipTests package${BUILD_DIR:+ -Dpacketlab.buildDir=$BUILD_DIR}" >&2
  exit 1
}
# shellcheck source=../../.ci/find-jdk.sh
source "$ROOT/.ci/find-jdk.sh"
packetlab_find_jdk
exec "$JAVA_HOME/bin/java" -cp "$BUILD/classes:$BUILD/jmh-lib/*" org.openjdk.jmh.Main "$@"
