#!/usr/bin/env bash
# Runs news-harvester's extractor and its open-source peers over the same AEB pages, one process
# per tool, and prints one table scored by one scorer (`news-harvester eval aeb --score-only`):
#   tool, P, R, F1, pages/s (extraction only, one thread, after a warm-up pass), ours ÷ theirs.
#
# usage: bench/peers.sh [DATASET_DIR]        (default: ../shared/datasets/aeb beside the repository)
#   PEERS="linkedom jsdom readability4j boilerpipe"   the peers to run (default: all)
#   REBUILD=1                                          rebuild target/news-harvester.jar even if present
# Needs a JDK 21+ (JAVA_HOME or java on PATH) and Maven; Node.js 18+ with npm for the readability
# rows. Installs the peers from npm and Maven Central only (into bench/peers-js/node_modules and
# the local Maven repository); everything else runs offline. Outputs go to bench/out/.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
DATA="$(cd "${1:-$ROOT/../shared/datasets/aeb}" 2>/dev/null && pwd)" || {
  echo "peers.sh: no dataset folder at ${1:-$ROOT/../shared/datasets/aeb} (give an AEB folder: ID.html + ID.json)" >&2
  exit 2
}
OUT="$BENCH/out"
PEERS="${PEERS:-linkedom jsdom readability4j boilerpipe}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/target/news-harvester.jar"

command -v "$JAVA" >/dev/null || { echo "peers.sh: no java found (set JAVA_HOME to a JDK 21+)" >&2; exit 2; }
say() { echo "peers.sh: $*" >&2; }
num() { sed -E -n "s/.*\"$1\":(-?[0-9.eE+-]+).*/\1/p" <<<"$2"; }

if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  say "building target/news-harvester.jar"
  (cd "$ROOT" && mvn -q -B package -DskipTests)
fi
rm -rf "$OUT" && mkdir -p "$OUT"

# Ours: extraction and scoring in one run; the --out copy is kept for the python scorer.
say "running news-harvester"
ours_json="$("$JAVA" -jar "$JAR" eval aeb "$DATA" --out "$OUT/news-harvester" --json)"
ours_pps="$(num pages_per_second "$ours_json")"
rows=("news-harvester|$ours_json|$ours_pps")

run_peer() { # name, command...: runs a peer, then scores its outputs with our scorer
  local name="$1"; shift
  say "running $name"
  local log="$OUT/$name.log"
  if ! "$@" "$DATA" "$OUT/$name" >"$log" 2>&1; then
    say "$name failed (see $log)"; return 0
  fi
  local seconds pages
  seconds="$(sed -E -n 's/^timing pages=([0-9]+) seconds=([0-9.]+)$/\2/p' "$log")"
  pages="$(sed -E -n 's/^timing pages=([0-9]+) seconds=([0-9.]+)$/\1/p' "$log")"
  local scored
  scored="$("$JAVA" -jar "$JAR" eval aeb "$DATA" --score-only "$OUT/$name" --json)"
  rows+=("$name|$scored|$(awk -v p="$pages" -v s="$seconds" 'BEGIN { printf "%.3f", p / s }')")
}

wants() { [[ " $PEERS " == *" $1 "* ]]; }

if wants linkedom || wants jsdom; then
  if command -v node >/dev/null && command -v npm >/dev/null; then
    if [[ ! -d "$BENCH/peers-js/node_modules" ]]; then
      say "installing @mozilla/readability, linkedom and jsdom from npm"
      (cd "$BENCH/peers-js" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) >&2
    fi
    wants linkedom && run_peer "readability-linkedom" node "$BENCH/peers-js/run.mjs" linkedom
    # jsdom runs at ~2 pages/s: one warm-up and one timed pass keep the script under ten minutes.
    wants jsdom && WARMUP=1 PASSES=1 run_peer "readability-jsdom" node "$BENCH/peers-js/run.mjs" jsdom
  else
    say "node and npm are needed for the @mozilla/readability rows and were not found: skipping them (install Node.js 18+ with npm)"
  fi
fi

if wants readability4j || wants boilerpipe; then
  if command -v mvn >/dev/null; then
    if [[ ! -f "$BENCH/peers-java/target/peers-java.jar" ]]; then
      say "building the JVM peers (Readability4J, boilerpipe) from Maven Central"
      (cd "$BENCH/peers-java" && mvn -q -B package) >&2
    fi
    wants readability4j && run_peer "readability4j" "$JAVA" -jar "$BENCH/peers-java/target/peers-java.jar" readability4j
    wants boilerpipe && run_peer "boilerpipe" "$JAVA" -jar "$BENCH/peers-java/target/peers-java.jar" boilerpipe
  else
    say "mvn is needed to build the JVM peers and was not found: skipping Readability4J and boilerpipe"
  fi
fi

echo
echo "AEB body extraction, $(num pages "$ours_json") pages of $DATA ($(nproc) cores; one process per tool, one thread)"
printf '%-22s %14s %14s %14s %10s %12s\n' tool P R F1 pages/s "ours ÷ this"
for row in "${rows[@]}"; do
  IFS='|' read -r name json pps <<<"$row"
  awk -v n="$name" -v p="$(num precision "$json")" -v ps="$(num precision_std "$json")" \
      -v r="$(num recall "$json")" -v rs="$(num recall_std "$json")" -v f="$(num f1 "$json")" -v fs="$(num f1_std "$json")" \
      -v pps="$pps" -v ours="$ours_pps" 'BEGIN {
        printf "%-22s %6.3f ± %.3f %6.3f ± %.3f %6.3f ± %.3f %10.1f %11.2f×\n", n, p, ps, r, rs, f, fs, pps, ours / pps }'
done
echo
awk -v o="$ours_pps" 'BEGIN { printf "target: ours ≥ 100 pages/s on one core: %.1f %s\n", o, (o >= 100 ? "met" : "NOT met") }'
linkedom_pps=""
for row in "${rows[@]}"; do
  IFS='|' read -r name json pps <<<"$row"
  [[ "$name" == readability-linkedom ]] && linkedom_pps="$pps"
done
if [[ -n "$linkedom_pps" ]]; then
  awk -v o="$ours_pps" -v t="$linkedom_pps" 'BEGIN { printf "target: ours ≥ 2.3× readability on linkedom: %.2f× %s\n", o / t, (o / t >= 2.3 ? "met" : "NOT met") }'
else
  echo "target: ours ≥ 2.3× readability on linkedom: not measured (no readability-linkedom row)"
fi
echo "outputs: $OUT/TOOL/ID.txt (score any with: python3 ../shared/eval/aeb_eval.py $OUT/TOOL)"
