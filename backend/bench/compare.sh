#!/usr/bin/env bash
# Runs the ns-3 baseline and PacketLab's workload runner on this machine, one after the other, and prints one
# table: case, ns-3 wall, PacketLab wall, ratio, and whether the simulated outcome agrees (sim time within 5 %,
# same completion). Today it covers W4 (UDP echo); W1-W3 are TCP workloads and join when the TCP layer exists.
#
#   backend/bench/compare.sh [--install]      (--install: apt-get install libns3-dev g++ make first)
# Knobs: W4_K="50 200" W4_COUNT=1000 RUNS=3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASELINE="$ROOT/../shared/ns3-baseline"
W4_K=${W4_K:-"50 200"}
W4_COUNT=${W4_COUNT:-1000}
RUNS=${RUNS:-3}

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

source "$ROOT/.ci/find-jdk.sh"
packetlab_find_jdk
(cd "$ROOT" && mvn -B -q -o -pl backend/bench -am -DskipTests package >&2 2>/dev/null || mvn -B -q -pl backend/bench -am -DskipTests package >&2)
CP="$ROOT/backend/stack/target/classes:$ROOT/backend/bench/target/classes"

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| case | ns-3 wall s (median of %s) | PacketLab wall s (median of %s) | ratio | sim s ns-3 / PacketLab | outcome agrees |\n' "$RUNS" "$RUNS"
printf '|---|---|---|---|---|---|\n'
for k in $W4_K; do
  ns3_walls=(); pl_walls=()
  for ((r = 0; r < RUNS; r++)); do
    ns3=$("$WORK/build/w4_ping" --k="$k" --count="$W4_COUNT" | grep '^RESULT')
    pl=$("$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" dev.packetlab.bench.Workloads W4 "$k" "$W4_COUNT" | grep '^RESULT')
    ns3_walls+=("$(echo "$ns3" | field run_wall_s)")
    pl_walls+=("$(echo "$pl" | field wall_s)")
  done
  ns3_wall=$(printf '%s\n' "${ns3_walls[@]}" | median)
  pl_wall=$(printf '%s\n' "${pl_walls[@]}" | median)
  ns3_sim=$(echo "$ns3" | field sim_s)
  pl_sim=$(echo "$pl" | field sim_s)
  ns3_rx=$(echo "$ns3" | field echo_rx)
  pl_rx=$(echo "$pl" | field echo_rx)
  agrees=$(awk -v a="$ns3_sim" -v b="$pl_sim" -v x="$ns3_rx" -v y="$pl_rx" \
    'BEGIN { d = (a > b ? a - b : b - a) / a; print (d <= 0.05 && x == y) ? "yes" : "NO" }')
  ratio=$(awk -v a="$pl_wall" -v b="$ns3_wall" 'BEGIN { printf "%.3f", a / b }')
  printf '| W4-ping-K%s-N%s | %s | %s | %s | %s / %s | %s (echo replies %s / %s) |\n' \
    "$k" "$W4_COUNT" "$ns3_wall" "$pl_wall" "$ratio" "$ns3_sim" "$pl_sim" "$agrees" "$ns3_rx" "$pl_rx"
done
echo
echo "W1-W3 (TCP) are not in this table yet: the stack has no TCP layer."
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
