#!/usr/bin/env bash
# Runs the ns-3 baseline and PacketLab's workload runner on this machine, each case alternately ns-3 then PacketLab,
# RUNS times, and prints one table: case, both walls (medians), the ratio PacketLab / ns-3, simulated time and
# goodput side by side, and whether the outcome agrees (sim time and goodput within 5 %, every byte, exchange or
# reply done on both sides). Exits 1 if a case did not complete on either side.
#
# PacketLab runs each case in a fresh JVM ("cold": class loading and JIT warm-up included, as a program started for
# one run pays them) and, unless WARMUP=0, once more in a JVM that ran the same case for WARMUP seconds first
# ("warm": what a running PacketLab server pays, its JIT long warm). Unless AOT=0 it also runs each case in a fresh JVM
# started from an AOT cache ("cold, AOT cache"): the script makes the cache once, before timing anything, from a training
# run of every workload at tiny sizes on seeds no case uses (Workloads TRAIN), as a deployed server's image would ship
# with one (JDK 25: -XX:AOTCacheOutput / -XX:AOTCache, JEPs 483, 514, 515). That JVM still runs its case from the start,
# class initialisation, interpreter and JIT compilation included; it finds the classes loaded and linked and the
# training's method profiles, so it compiles the hot paths sooner.
# When the runner's native executable exists (GraalVM Native Image, built by backend/bench/native/build.sh, which is
# not part of the build: it takes minutes) it also runs each case in it ("native": compiled ahead of time, no JVM
# start-up, no interpreter, no JIT) and checks that its simulated outcome is the JVM's exactly (same events, same
# simulated time); without it the column is skipped with the reason printed.
#
#   backend/bench/compare.sh [--install]      (--install: apt-get install libns3-dev g++ make first)
#
# Knobs (environment, defaults shown):
#   RUNS=3
#   W1_BYTES="100000000 1000000000"   W2_BYTES=10000000  W2_LOSS=0.01
#   W2_SEEDS=1               W2 once per seed (ns-3 --run=S, PacketLab seed=S): which packets are lost decides
#                            W2's time more than anything else, so compare it over several seeds
#   W3_K="50 200"  W3_REQUESTS="1 50"  W4_K="50 200"  W4_COUNT=1000
#   ONLY="W1 W2 W3 W4"       the workloads to run
#   BUILD_DIR=target         the Maven build directory (-Dpacketlab.buildDir)
#   JAVA_OPTS=-Xmx1g         options of PacketLab's JVM
#   WARMUP=3                 seconds of runs before the measured one in the warm column (0: no warm column)
#   AOT=1                    the "cold, AOT cache" column (0: none)
#   NATIVE=backend/bench/$BUILD_DIR/native/packetlab-bench   the native runner ("": no native column)
#   NATIVE_OPTS=-Xmx1g       options of the native runner (its heap limit, as JAVA_OPTS gives the JVM's)
#   OUT=<a new temporary dir> where every run's RESULT line is kept (raw.tsv)
#   BASELINE=../shared/ns3-baseline (from the project root)
set -euo pipefail
export LC_ALL=C
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASELINE=${BASELINE:-"$ROOT/../shared/ns3-baseline"}
RUNS=${RUNS:-3}
W1_BYTES=${W1_BYTES:-"100000000 1000000000"}
W2_BYTES=${W2_BYTES:-10000000}
W2_LOSS=${W2_LOSS:-0.01}
W2_SEEDS=${W2_SEEDS:-1}
W3_K=${W3_K:-"50 200"}
W3_REQUESTS=${W3_REQUESTS:-"1 50"}
W4_K=${W4_K:-"50 200"}
W4_COUNT=${W4_COUNT:-1000}
ONLY=${ONLY:-"W1 W2 W3 W4"}
BUILD_DIR=${BUILD_DIR:-target}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
WARMUP=${WARMUP:-3}
AOT=${AOT:-1}
NATIVE=${NATIVE-"$ROOT/backend/bench/$BUILD_DIR/native/packetlab-bench"}
NATIVE_OPTS=${NATIVE_OPTS:--Xmx1g}
OUT=${OUT:-$(mktemp -d /tmp/packetlab-compare.XXXXXX)}
mkdir -p "$OUT"

if [[ "${1:-}" == "--install" ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libns3-dev g++ make
fi
[[ -d "$BASELINE" ]] || { echo "compare: no ns-3 baseline at $BASELINE" >&2; exit 1; }
[[ -f /usr/include/ns3/core-module.h ]] || { echo "compare: libns3-dev is missing (run with --install)" >&2; exit 1; }

# shared/ is read-only: build the baseline in a scratch copy
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$BASELINE/src" "$BASELINE/Makefile" "$WORK/"
make -s -C "$WORK" -j"$(nproc)" >&2

# shellcheck source=../../.ci/find-jdk.sh
source "$ROOT/.ci/find-jdk.sh"
packetlab_find_jdk
(cd "$ROOT" && mvn -B -q -o -pl backend/bench -am -DskipTests -Dpacketlab.buildDir="$BUILD_DIR" package >&2 2>/dev/null \
  || mvn -B -q -pl backend/bench -am -DskipTests -Dpacketlab.buildDir="$BUILD_DIR" package >&2)
# jars, not class directories: an AOT cache records only classes from jars
CP="$(ls "$ROOT"/backend/stack/"$BUILD_DIR"/packetlab-stack-*.jar | grep -v -- -tests.jar | head -1):$(ls "$ROOT"/backend/bench/"$BUILD_DIR"/packetlab-bench-*.jar | head -1)"
AOT_OPTS=""
if [[ $AOT != 0 ]]; then
  echo "== AOT cache: training run (Workloads TRAIN)" >&2
  "$JAVA_HOME/bin/java" $JAVA_OPTS -XX:AOTCacheOutput="$OUT/packetlab.aot" -cp "$CP" dev.packetlab.bench.Workloads TRAIN >&2
  AOT_OPTS="-XX:AOTCache=$OUT/packetlab.aot"
fi

if [[ -z "$NATIVE" ]]; then
  echo "compare: native column skipped: NATIVE is empty" >&2
elif [[ ! -x "$NATIVE" ]]; then
  echo "compare: native column skipped: no native runner at $NATIVE (backend/bench/native/build.sh builds it, in minutes)" >&2
  NATIVE=""
fi

field() { tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
within5() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == 0) { print 0; exit } d = (a > b ? a - b : b - a) / a; print (d <= 0.05) ? 1 : 0 }'; }

printf 'case\tside\trun\tline\n' >"$OUT/raw.tsv"
failures=0
rows=()

# run_case NAME "NS3 ARGS" "PACKETLAB ARGS": RUNS alternating runs, then one row of the table
run_case() {
  local name=$1 ns3_args=$2 pl_args=$3 r ns3="" pl="" warm="" rc
  local ns3_walls=() pl_walls=() pl_cpus=() warm_walls=() aot_walls=() aot_cpus=() aot="" native_walls=() native_cpus=() native=""
  for ((r = 1; r <= RUNS; r++)); do
    echo "== $name run $r/$RUNS (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    rc=0; ns3=$(eval "$WORK/build/$ns3_args" | grep '^RESULT') || rc=$?
    printf '%s\tns-3\t%s\t%s\n' "$name" "$r" "$ns3" >>"$OUT/raw.tsv"
    [[ $rc == 0 ]] || ns3="$ns3 FAILED"
    rc=0; pl=$("$JAVA_HOME/bin/java" $JAVA_OPTS -cp "$CP" dev.packetlab.bench.Workloads $pl_args | grep '^RESULT') || rc=$?
    printf '%s\tPacketLab\t%s\t%s\n' "$name" "$r" "$pl" >>"$OUT/raw.tsv"
    [[ $rc == 0 ]] || pl="$pl FAILED"
    ns3_walls+=("$(echo "$ns3" | field run_wall_s)")
    pl_walls+=("$(echo "$pl" | field wall_s)")
    pl_cpus+=("$(echo "$pl" | field cpu_s)")
    if [[ $AOT != 0 ]]; then
      rc=0; aot=$("$JAVA_HOME/bin/java" $JAVA_OPTS $AOT_OPTS -cp "$CP" dev.packetlab.bench.Workloads $pl_args | grep '^RESULT') || rc=$?
      printf '%s\tPacketLab-aot\t%s\t%s\n' "$name" "$r" "$aot" >>"$OUT/raw.tsv"
      [[ $rc == 0 ]] || pl="$pl FAILED"
      aot_walls+=("$(echo "$aot" | field wall_s)")
      aot_cpus+=("$(echo "$aot" | field cpu_s)")
    fi
    if [[ -n "$NATIVE" ]]; then
      rc=0; native=$("$NATIVE" $NATIVE_OPTS $pl_args | grep '^RESULT') || rc=$?
      printf '%s\tPacketLab-native\t%s\t%s\n' "$name" "$r" "$native" >>"$OUT/raw.tsv"
      [[ $rc == 0 ]] || pl="$pl FAILED"
      native_walls+=("$(echo "$native" | field wall_s)")
      native_cpus+=("$(echo "$native" | field cpu_s)")
    fi
    if [[ $WARMUP != 0 ]]; then
      rc=0; warm=$("$JAVA_HOME/bin/java" $JAVA_OPTS -cp "$CP" dev.packetlab.bench.Workloads $pl_args warmup="$WARMUP" | grep '^RESULT') || rc=$?
      printf '%s\tPacketLab-warm\t%s\t%s\n' "$name" "$r" "$warm" >>"$OUT/raw.tsv"
      [[ $rc == 0 ]] || pl="$pl FAILED"
      warm_walls+=("$(echo "$warm" | field wall_s)")
    fi
  done
  local ns3_wall pl_wall pl_cpu ratio warm_wall="-" warm_ratio="-" aot_wall="-" aot_cpu="-" aot_ratio="-" ns3_sim pl_sim agrees="yes" outcome
  local native_wall="-" native_cpu="-" native_ratio="-"
  ns3_wall=$(printf '%s\n' "${ns3_walls[@]}" | median)
  pl_wall=$(printf '%s\n' "${pl_walls[@]}" | median)
  pl_cpu=$(printf '%s\n' "${pl_cpus[@]}" | median)
  ratio=$(awk -v a="$pl_wall" -v b="$ns3_wall" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  if [[ $AOT != 0 ]]; then
    aot_wall=$(printf '%s\n' "${aot_walls[@]}" | median)
    aot_cpu=$(printf '%s\n' "${aot_cpus[@]}" | median)
    aot_ratio=$(awk -v a="$aot_wall" -v b="$ns3_wall" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  fi
  if [[ -n "$NATIVE" ]]; then
    native_wall=$(printf '%s\n' "${native_walls[@]}" | median)
    native_cpu=$(printf '%s\n' "${native_cpus[@]}" | median)
    native_ratio=$(awk -v a="$native_wall" -v b="$ns3_wall" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  fi
  if [[ $WARMUP != 0 ]]; then
    warm_wall=$(printf '%s\n' "${warm_walls[@]}" | median)
    warm_ratio=$(awk -v a="$warm_wall" -v b="$ns3_wall" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  fi
  ns3_sim=$(echo "$ns3" | field sim_s)
  pl_sim=$(echo "$pl" | field sim_s)
  [[ $(within5 "$ns3_sim" "$pl_sim") == 1 ]] || agrees="NO"
  case $name in
    W1* | W2*)
      local ns3_gp pl_gp
      ns3_gp=$(echo "$ns3" | field goodput_mbps)
      pl_gp=$(echo "$pl" | field goodput_mbps)
      [[ $(within5 "$ns3_gp" "$pl_gp") == 1 ]] || agrees="NO"
      outcome="goodput $ns3_gp / $pl_gp Mbit/s, retx $(echo "$ns3" | field retx_segs) / $(echo "$pl" | field retx_segs)"
      [[ $name == W2* ]] && outcome="$outcome, recoveries $(echo "$ns3" | field fast_recoveries) / $(echo "$pl" | field fast_recoveries), RTOs $(echo "$ns3" | field rtos) / $(echo "$pl" | field rtos)" ;;
    W3*)
      local ns3_done pl_done
      ns3_done=$(echo "$ns3" | field completed)
      pl_done=$(echo "$pl" | field completed)
      [[ "$ns3_done" == "$(echo "$ns3" | field expected)" && "$pl_done" == "$(echo "$pl" | field expected)" ]] || agrees="NO"
      outcome="exchanges $ns3_done / $pl_done, fct $(echo "$ns3" | field fct_mean_ms) / $(echo "$pl" | field fct_mean_ms) ms, PacketLab CPU µs/exchange by quarter $(echo "$pl" | field cpu_us_per_exchange_by_quarter), live heap $(echo "$pl" | field live_heap_mib) MiB" ;;
    W4*)
      local ns3_rx pl_rx
      ns3_rx=$(echo "$ns3" | field echo_rx)
      pl_rx=$(echo "$pl" | field echo_rx)
      [[ "$ns3_rx" == "$pl_rx" && -n "$pl_rx" ]] || agrees="NO"
      outcome="echo replies $ns3_rx / $pl_rx" ;;
  esac
  # the native runner is the same program: its simulation must be the JVM's to the event
  if [[ -n "$NATIVE" && "$(echo "$native" | field sim_s) $(echo "$native" | field events)" != "$pl_sim $(echo "$pl" | field events)" ]]; then
    agrees="NO (native: sim $(echo "$native" | field sim_s) s, $(echo "$native" | field events) events)"
  fi
  if [[ "$ns3 $pl" == *FAILED* ]]; then
    agrees="NO (did not complete)"
    failures=$((failures + 1))
  fi
  rows+=("$(printf '| %s | %s | %s (%s) | %s | %s (%s) | %s | %s (%s) | %s | %s | %s | %s / %s | %s / %s | %s | %s |' "$name" "$ns3_wall" "$pl_wall" "$pl_cpu" "$ratio" \
    "$aot_wall" "$aot_cpu" "$aot_ratio" "$native_wall" "$native_cpu" "$native_ratio" "$warm_wall" "$warm_ratio" "$ns3_sim" "$pl_sim" "$(echo "$ns3" | field events)" "$(echo "$pl" | field events)" \
    "$agrees" "$outcome")")
}

CC=--cc=TcpNewReno
for w in $ONLY; do
  case $w in
    W1) for b in $W1_BYTES; do run_case "W1-bulk-${b}B" "w1_bulk --bytes=$b $CC" "W1 $b"; done ;;
    W2) for b in $W2_BYTES; do for s in $W2_SEEDS; do
          run_case "W2-lossy-${b}B-p$W2_LOSS$([[ $s == 1 ]] || echo "-seed$s")" \
            "w2_lossy --bytes=$b --loss=$W2_LOSS --run=$s $CC" "W2 $b $W2_LOSS seed=$s"
        done; done ;;
    W3) for r in $W3_REQUESTS; do for k in $W3_K; do
          run_case "W3-many-K$k-R$r" "w3_many --k=$k --requests=$r --think=1s $CC" "W3 $k $r"
        done; done ;;
    W4) for k in $W4_K; do run_case "W4-ping-K$k-N$W4_COUNT" "w4_ping --k=$k --count=$W4_COUNT" "W4 $k $W4_COUNT"; done ;;
    *) echo "compare: unknown workload $w" >&2; exit 2 ;;
  esac
done

printf '| case | ns-3 wall s | PacketLab wall s, cold (CPU s) | ratio, cold | PacketLab wall s, cold, AOT cache (CPU s) | ratio, AOT | PacketLab wall s, native (CPU s) | ratio, native | PacketLab wall s, warm | ratio, warm | sim s ns-3 / PacketLab | events ns-3 / PacketLab | outcome agrees | outcome ns-3 / PacketLab |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
echo
echo "Walls are medians of $RUNS runs. ns-3: Simulator::Run() only. PacketLab: building the topology and running it ($JAVA_OPTS);"
echo "cold: in a fresh JVM; AOT cache: in a fresh JVM started with $([[ $AOT != 0 ]] && echo "the AOT cache of Workloads TRAIN" || echo "none (AOT=0)");"
echo "native: the runner compiled ahead of time by GraalVM Native Image ($([[ -n "$NATIVE" ]] && echo "$NATIVE $NATIVE_OPTS" || echo "skipped: no native runner"));"
echo "warm: after ${WARMUP} s of runs of the same case in the same JVM. Ratio: PacketLab / ns-3."
echo "CPU s: PacketLab's process CPU time over the same span, JIT and GC threads included (ns-3 runs on one thread)."
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Every run's RESULT line: $OUT/raw.tsv"
[[ $failures == 0 ]] || { echo "compare: $failures case(s) did not complete" >&2; exit 1; }
