#!/usr/bin/env bash
# Prints the table of figures and ratios from the raw files that run.sh writes. Every figure is the median over the
# rounds (the range in brackets); every ratio is the median of the per-round ratios, each taken between contenders
# measured minutes apart on the same servers, which cancels much of a shared machine's drift.
set -euo pipefail

usage() { echo "usage: table.sh RESULTS.tsv STORMS.tsv FOOTPRINT.tsv (as written by run.sh)"; }
[[ $# -eq 3 ]] || { usage >&2; exit 2; }
results=$1 storms=$2 footprint=$3

# results.tsv: item contender round requests seconds req/s p50-ms p99-ms status>=400 socket-errors
# storms.tsv:  6 phase round seconds status count p50-ms p99-ms max-ms
# footprint.tsv: 7 start ready-ms idle-MiB load-MiB
median() {
  sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# A number rounded for the table, "-" kept.
rounded() { awk -v f="$1" '{if ($1 == "-") print "-"; else printf f "\n", $1}'; }
# "median (lowest-highest)" of numbers on standard input, with a printf format for each number.
figure() {
  sort -g | awk -v f="$1" '{v[NR] = $1} END {
    if (NR == 0) { print "-"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf f " (" f "-" f ")\n", m, v[1], v[NR] }'
}
# One column of results.tsv, "round value" for one item and contender.
by_round() { awk -F'\t' -v i="$1" -v c="$2" -v k="$3" '$1 == i && $2 == c {print $3 "\t" $k}' "$results" | sort; }
column() { by_round "$@" | cut -f2; }
# "p50 / p99" medians of one contender.
latencies() { echo "$(column "$1" "$2" 7 | median | rounded %.1f) / $(column "$1" "$2" 8 | median | rounded %.1f)"; }
# Median over the rounds of (column k of contender a) / (column k of contender b).
ratio() {
  join -t $'\t' <(by_round "$1" "$2" "$4") <(by_round "$1" "$3" "$4") | awk -F'\t' '$3 > 0 {print $2 / $3}' | median \
    | awk '{if ($1 == "-") print "-"; else printf "%.2f\n", $1}'
}
# Per round: answers of one status (or "refused": 429 and 503) per second in a storm phase, or one of its columns.
storm_rate() {
  awk -F'\t' -v p="$1" -v s="$2" '$2 == p && (s == $5 || (s == "refused" && ($5 == 429 || $5 == 503))) {
    n[$3] += $6; t[$3] = $4 } END {for (r in n) print n[r] / t[r]}' "$storms"
}
storm_column() { awk -F'\t' -v p="$1" -v s="$2" -v k="$3" '$2 == p && $5 == s {print $k}' "$storms"; }
verdict() { awk -v v="$1" -v aim="$2" -v op="$3" 'BEGIN {
  if (v == "-") print "-"
  else if ((op == ">=" && v >= aim) || (op == "<=" && v <= aim)) print "met"
  else print "MISSED" }'; }
row() { printf '%-4s %-46s %-30s %-30s %s\n' "$@"; }

row item measure "median (range) over rounds" "ratio (median of per-round)" "aim"
row ---- "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..30})" "$(printf -- '-%.0s' {1..30})" ------
for contender in live allowed refused; do
  label=$(case $contender in
    live) echo "GET /health/live req/s" ;; allowed) echo "GET /users/me allowed (ample quota) req/s" ;;
    refused) echo "GET /users/me refused (drained, 429) req/s" ;; esac)
  rate=$(column 4 "$contender" 6 | figure %.0f)
  case $contender in
    live) row 4 "$label" "$rate" "1.00 (baseline)" "" ;;
    allowed) r=$(ratio 4 allowed live 6)
      row 4 "$label" "$rate" "$r guarded/unguarded" ">= 0.80 $(verdict "$r" 0.8 '>=')" ;;
    refused) r=$(ratio 4 refused allowed 6)
      row 4 "$label" "$rate" "$r refused/allowed" ">= 1.00 $(verdict "$r" 1 '>=')" ;;
  esac
  row "" "  p50 / p99 ms" "$(latencies 4 "$contender")" \
    "$(case $contender in allowed) echo "p99 x$(ratio 4 allowed live 8) of live's" ;;
        refused) echo "p99 x$(ratio 4 refused allowed 8) of allowed's" ;; esac)" ""
done
for contender in direct edge-1 edge-3; do
  label=$(case $contender in
    direct) echo "GET /users/me, one replica direct req/s" ;; edge-1) echo "  through nginx, one replica req/s" ;;
    edge-3) echo "  through nginx, three replicas req/s" ;; esac)
  r=$([[ $contender == direct ]] && echo "1.00 (baseline)" || echo "$(ratio 5 "$contender" direct 6) of direct")
  row 5 "$label" "$(column 5 "$contender" 6 | figure %.0f)" "$r" ""
  row "" "  p50 / p99 ms" "$(latencies 5 "$contender")" \
    "$([[ $contender == direct ]] || echo "p50 $(join -t $'\t' <(by_round 5 "$contender" 7) <(by_round 5 direct 7) \
      | awk -F'\t' '{print $2 - $3}' | median | rounded %+.1f) ms vs direct")" ""
done
row 6 "logins/s, storm alone (Argon2id, OWASP cost)" "$(storm_rate storm-alone 200 | figure %.1f)" "" ""
row 6 "logins/s, storm beside the steady load" "$(storm_rate storm+load 200 | figure %.1f)" "" ""
row 6 "refused logins/s (503/429), storm alone" "$(storm_rate storm-alone refused | figure %.0f)" "" ""
row "" "  503 p50 / p99 / max ms" \
  "$(for k in 7 8 9; do storm_column storm-alone 503 $k | median | rounded %.0f; done | paste -sd/ | sed 's|/| / |g')" \
  "200 p50 $(storm_column storm-alone 200 7 | median | rounded %.0f) ms" ""
others=$(awk -F'\t' '$5 != 200 && $5 != 503 && $5 != 429 {n += $6} END {print n + 0}' "$storms")
row "" "  answers other than 200/503/429" "$others" "" ""
row 6 "GET /users/me p99 ms, no storm" "$(column 6 calm 8 | figure %.1f)" "1.00 (baseline)" ""
p99_ratio=$(ratio 6 during-storm calm 8)
row 6 "GET /users/me p99 ms, during the storm" "$(column 6 during-storm 8 | figure %.1f)" "$p99_ratio storm/calm" \
  "<= 2.00 $(verdict "$p99_ratio" 2 '<=')"
row "" "  req/s no storm / during" "$(column 6 calm 6 | median | rounded %.0f) / $(column 6 during-storm 6 | median \
  | rounded %.0f)" "$(ratio 6 during-storm calm 6) during/calm" ""
row 7 "start to /health/ready ms" "$(cut -f3 "$footprint" | figure %.0f)" "" ""
row 7 "RSS idle MiB (5 s after ready)" "$(cut -f4 "$footprint" | figure %.0f)" "" ""
row 7 "RSS under load MiB (peak, steady load)" "$(cut -f5 "$footprint" | figure %.0f)" \
  "at $(column 7 footprint 6 | median | awk '{printf "%.0f", $1}') req/s" ""

# Any answer other than the expected one makes the figures meaningless: say so under the table.
awk -F'\t' '($2 == "refused" && ($9 != $4 || $10 > 0)) || ($2 != "refused" && ($9 > 0 || $10 > 0)) {
  printf "WARNING: item %s %s round %s: %d of %d answers had an unexpected status, %d socket errors\n",
    $1, $2, $3, ($2 == "refused" ? $4 - $9 : $9), $4, $10 }' "$results"
