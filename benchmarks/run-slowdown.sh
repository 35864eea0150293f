#!/usr/bin/env bash
# Times a CPU-heavy multithreaded kernel with and without the threadcheck agent, interleaved,
# and prints the median of N runs of each and the slowdown. Checksums must agree.
#
#   mvn -B -q package -DskipTests && bash benchmarks/run-slowdown.sh [runs] [kernel args...]
#
# KERNEL picks the workload: bench.Sor (default; plain field and array accesses, args: size
# iterations threads) or bench.Handoff (library synchronisation: queue, ConcurrentHashMap,
# ReentrantLock, executor; args: records pairs) or bench.LockCounters (every step under a monitor or
# a ReentrantLock; args: threads rounds work counters). AGENT_OPTIONS adds agent options, e.g.
# AGENT_OPTIONS=mode=contention to time the contention profiler alone.
#
# Figures, not assertions: this is a benchmark, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
kernel=${KERNEL:-bench.Sor}
if [ $# -gt 0 ]; then args=("$@"); elif [ "$kernel" = bench.Sor ]; then args=(600 60 2); else args=(); fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
agent=agent/target/threadcheck-agent.jar
classes=benchmarks/target/classes
[ -f "$agent" ] && [ -d "$classes" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

time_run() { # prints "millis checksum"
  local start end sum
  start=$(date +%s%N)
  sum=$("$java" "$@" -cp "$classes" "$kernel" "${args[@]}" 2>/dev/null)
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) ${sum#checksum }"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

plain=(); agented=(); sums=()
for ((i = 1; i <= runs; i++)); do
  read -r t s < <(time_run); plain+=("$t"); sums+=("$s")
  read -r t s < <(time_run -javaagent:"$agent"=out="$out",format=json${AGENT_OPTIONS:+,$AGENT_OPTIONS}); agented+=("$t"); sums+=("$s")
done
distinct=$(printf '%s\n' "${sums[@]}" | sort -u | wc -l)
[ "$distinct" -eq 1 ] || { echo "checksums differ: ${sums[*]}" >&2; exit 1; }
races=$(grep -c '"variable"' "$out/threadcheck-report.json" || true)
mp=$(printf '%s\n' "${plain[@]}" | median)
ma=$(printf '%s\n' "${agented[@]}" | median)
echo "kernel: $kernel ${args[*]}; agent options: ${AGENT_OPTIONS:-(default)}; $runs runs each, wall time incl. JVM start"
echo "without agent: ${plain[*]} ms -> median $mp ms"
echo "with agent:    ${agented[*]} ms -> median $ma ms"
awk -v a="$ma" -v p="$mp" 'BEGIN {printf "slowdown: %.1fx\n", a / p}'
echo "races reported on this race-free kernel: $races"
