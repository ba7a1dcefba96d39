#!/usr/bin/env bash
# Builds the workload runner (dev.packetlab.bench.Workloads) as a native executable with GraalVM Native Image, from
# Maven Central's builder jars on the project's JDK 25 (Temurin: it has JVMCI and an upgradeable jdk.graal.compiler
# module), without a GraalVM distribution. Not part of the build or CI: it takes minutes and ~2 GB of memory.
#
#   backend/bench/native/build.sh          -> backend/bench/$BUILD_DIR/native/packetlab-bench (+ lib/)
#
# What a GraalVM distribution would bring and Maven Central does not, made here:
#  * SubstrateVM's small C helpers (libchelper, libjvm, libsvm_container): native/*.c, written from the Java
#    declarations of the functions in svm.jar;
#  * the builder's progress-report helper library (lib/svm/builder/lib/libreporterchelper.so under java.home), so
#    the builder runs on a hard-linked copy of the JDK that has it;
#  * the JDK's *static* libraries (libjava.a, libnio.a, libnet.a, libzip.a), which a JDK for Native Image ships
#    and Temurin does not. Instead the image links the JDK's shared libjava/libnio/libnet/libzip .so, copied into
#    lib/ beside the executable (RUNPATH $ORIGIN/lib), with empty stand-in archives to pass the builder's check.
#    Those libraries name HotSpot's libjvm.so as a dependency; lib/libjvm.so here is a stand-in that defines the
#    JVM_* functions they import: the few a program can reach do their job, the rest abort with their name.
#
# Knobs (environment, defaults shown): BUILD_DIR=target   BUILDER_XMX=3g (the builder JVM's heap)
set -euo pipefail
export LC_ALL=C
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
BUILD_DIR=${BUILD_DIR:-target}
BUILDER_XMX=${BUILDER_XMX:-3g}
WORK="$ROOT/backend/bench/$BUILD_DIR/native-build"
# the JDK's shared libraries the runner's native methods live in (management_ext: the process CPU time it reports)
JDK_LIBS="java nio net zip management_ext"
OUT="$ROOT/backend/bench/$BUILD_DIR/native"

# shellcheck source=../../../.ci/find-jdk.sh
source "$ROOT/.ci/find-jdk.sh"
packetlab_find_jdk
command -v gcc >/dev/null || { echo "native: gcc is needed (apt-get install gcc zlib1g-dev)" >&2; exit 1; }
[[ -f /usr/include/zlib.h ]] || { echo "native: zlib headers are needed (apt-get install zlib1g-dev)" >&2; exit 1; }
"$JAVA_HOME/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@' \
  || { echo "native: $JAVA_HOME has no jdk.internal.vm.ci module (JVMCI), which the builder needs" >&2; exit 1; }

rm -rf "$WORK" "$OUT"
mkdir -p "$WORK/jars" "$WORK/clib/include" "$WORK/tmp" "$OUT/lib"

echo "== runner jars" >&2
(cd "$ROOT" && mvn -B -q -o -pl backend/bench -am -DskipTests -Dpacketlab.buildDir="$BUILD_DIR" package >&2 2>/dev/null \
  || mvn -B -q -pl backend/bench -am -DskipTests -Dpacketlab.buildDir="$BUILD_DIR" package >&2)
IMAGE_CP="$(ls "$ROOT"/backend/stack/"$BUILD_DIR"/packetlab-stack-*.jar | grep -v -- -tests.jar | head -1):$(ls "$ROOT"/backend/bench/"$BUILD_DIR"/packetlab-bench-*.jar | head -1)"

echo "== builder jars (org.graalvm.nativeimage:svm and its dependencies)" >&2
mvn -B -q -o -f "$HERE/builder-pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/jars" >&2 2>/dev/null \
  || mvn -B -q -f "$HERE/builder-pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/jars" >&2
COMPILER_JAR=$(ls "$WORK"/jars/compiler-*.jar)
BUILDER_MP=$(ls "$WORK"/jars/*.jar | grep -v "/compiler-" | paste -sd:)

echo "== builder JDK: $JAVA_HOME with lib/svm/builder/lib/libreporterchelper.so" >&2
cp -al "$JAVA_HOME" "$WORK/jdk" 2>/dev/null || cp -a "$JAVA_HOME" "$WORK/jdk"
BJ="$WORK/jdk"
mkdir -p "$BJ/lib/svm/builder/lib"
gcc -O2 -shared -fPIC -I "$BJ/include" -I "$BJ/include/linux" -o "$BJ/lib/svm/builder/lib/libreporterchelper.so" "$HERE/reporterchelper.c"

echo "== C helpers" >&2
for f in svmhelpers svmjvm varargs jnionload; do
  gcc -O2 -fPIC -Wall -c -I "$WORK/clib/include" -I "$HERE" -I "$BJ/include" -I "$BJ/include/linux" -o "$WORK/$f.o" "$HERE/$f.c"
done
# The CPU-feature struct's fields are the builder's: generate its header from svm.jar's interface, one char each.
for arch in amd64:AMD64 aarch64:AArch64 riscv64:RISCV64; do
  {
    echo "typedef struct {"
    "$JAVA_HOME/bin/javap" -cp "$(ls "$WORK"/jars/svm-[0-9]*.jar)" "com.oracle.svm.core.${arch%%:*}.${arch##*:}LibCHelper\$CPUFeatures" \
      | sed -n 's/.*boolean \(f[A-Za-z0-9_]*\)();/  char \1;/p'
    echo "} CPUFeatures;"
  } >"$WORK/clib/include/${arch%%:*}cpufeatures.h"
done
cp "$HERE/svm_locale.h" "$WORK/clib/include/"
gcc -O2 -fPIC -Wall -c -I "$WORK/clib/include" -o "$WORK/cpufeatures.o" "$HERE/cpufeatures.c"
ar rcs "$WORK/clib/liblibchelper.a" "$WORK/svmhelpers.o" "$WORK/cpufeatures.o" "$WORK/varargs.o"
ar rcs "$WORK/clib/libsvm_container.a" "$WORK/svmhelpers.o"
ar rcs "$WORK/clib/libjvm.a" "$WORK/svmjvm.o" "$WORK/varargs.o" "$WORK/jnionload.o"
# empty stand-ins for the JDK's static libraries: the shared ones below are linked instead
for l in java nio net zip; do ar rc "$WORK/clib/lib$l.a"; done

echo "== shared JDK libraries and the libjvm.so stand-in" >&2
for l in $JDK_LIBS; do cp "$JAVA_HOME/lib/lib$l.so" "$OUT/lib/"; done
nm -D --defined-only "$JAVA_HOME/lib/server/libjvm.so" | awk '{print $3}' | sed 's/@.*//' | sort -u >"$WORK/jvm-defined.txt"
nm -D --undefined-only "$OUT"/lib/lib*.so | awk '/ U /{print $2}' | sed 's/@.*//' | sort -u >"$WORK/jdk-undefined.txt"
{
  cat "$HERE/jvmstub-head.c"
  for s in $(comm -12 "$WORK/jvm-defined.txt" "$WORK/jdk-undefined.txt"); do
    grep -q "^[a-z].*[ *]$s(" "$HERE/jvmstub-head.c" || echo "void $s(void) { missing(\"$s\"); }"
  done
} >"$WORK/jvmstub.c"
echo 'SUNWprivate_1.1 { global: *; };' >"$WORK/jvmstub.map"
gcc -O2 -shared -fPIC -w -Wl,--version-script="$WORK/jvmstub.map" -Wl,-soname,libjvm.so -o "$OUT/lib/libjvm.so" "$WORK/jvmstub.c" -ldl

echo "== native-image (minutes)" >&2
# Without the two MethodHandle properties (GraalVM's launcher sets them, for record equals/hashCode/toString) the
# method handles behind a record's equals keep their profiling wrappers, cannot be compiled ahead of time, and run
# in the method-handle interpreter at run time: Ipv4Address.equals on every received packet made the runner slower
# than a cold JVM (W2: 1.2 s of CPU against 0.45; W1-100MB: 12 s against 0.66).
# InternetChecksum is initialised at build time so that its VarHandle (a static final) is a constant the compiler
# turns into plain loads rather than a method-handle call per access.
BUILDER_MODULES=jdk.graal.compiler,org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.base,org.graalvm.truffle.compiler,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure
# The launcher of a GraalVM distribution exports the JDK's internals the builder uses to the builder's modules
# (mx's requiresConcealed lists); this exports every package of the JDK's modules to them, a superset.
: >"$WORK/exports.args"
for m in $("$BJ/bin/java" --list-modules | sed 's/@.*//'); do
  "$BJ/bin/java" --describe-module "$m" | awk -v m="$m" -v t="$BUILDER_MODULES" \
    '$1 == "contains" { print "--add-exports=" m "/" $2 "=" t } $1 == "qualified" { print "--add-exports=" m "/" $3 "=" t }'
done >>"$WORK/exports.args"
L="$OUT/lib"
USE_NATIVE_IMAGE_JAVA_PLATFORM_MODULE_SYSTEM=true "$BJ/bin/java" \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler -Xss10m -Xmx"$BUILDER_XMX" \
  -Djava.awt.headless=true -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Djdk.internal.lambda.disableEagerInitialization=true -Djdk.internal.lambda.eagerlyInitialize=false \
  -Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false -Dgraalvm.locatorDisabled=true \
  -Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1 -Djava.lang.invoke.MethodHandle.PROFILE_GWT=false -Xshare:off \
  -Dorg.graalvm.nativeimage.imagecode=buildtime -Dorg.graalvm.version="$(basename "$COMPILER_JAR" .jar | sed 's/^compiler-//')" \
  @"$WORK/exports.args" 2> >(grep --line-buffered -v '^WARNING: Unknown module' >&2) \
  --upgrade-module-path "$COMPILER_JAR" --module-path "$BUILDER_MP" \
  --enable-native-access=ALL-UNNAMED,org.graalvm.nativeimage.builder \
  --module org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp "$IMAGE_CP" -H:Path="$OUT" -H:Name=packetlab-bench -H:Class=dev.packetlab.bench.Workloads \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" -H:CLibraryPath="$WORK/clib" \
  -H:ClassInitialization=dev.packetlab.stack.wire.InternetChecksum:build_time \
  $(for l in $JDK_LIBS; do echo "-H:NativeLinkerOption=$L/lib$l.so"; done) -H:NativeLinkerOption="-L$L" \
  '-H:NativeLinkerOption=-Wl,-rpath,$ORIGIN/lib' -H:TempDirectory="$WORK/tmp" >&2
rm -rf "$BJ"
echo "$OUT/packetlab-bench"
