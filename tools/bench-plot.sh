#!/usr/bin/env bash
# bench-plot.sh [-o OUT.png] [RUN.json...] - bar chart of the ratios of one
# or more `make bench` runs, drawn with gnuplot (make bench-plot).
#
# Without RUN: the newest build/bench/*.json.  The PNG goes beside the last
# RUN (same name, .png) unless -o says where.  One bar per row and run: the
# ratio Linux time / Strata time on a log scale, so a bar above the line
# at 1 is a row where Strata is faster, below it one where Linux is, and
# twice as fast and twice as slow are the same length.  Several runs side
# by side compare them (before and after a change, say).
#
# It reads the JSON bench.sh writes, which keeps each row on one line, with
# awk: no JSON library is needed for the project's own format.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=""
if [ "${1:-}" = -o ]; then
	[ $# -ge 2 ] || { echo "usage: bench-plot.sh [-o OUT.png] [RUN.json...]" >&2; exit 2; }
	out=$2
	shift 2
fi
runs=("$@")
if [ ${#runs[@]} = 0 ]; then
	newest=$(printf '%s\n' "$top"/build/bench/*.json | sort | tail -n 1)
	[ -f "$newest" ] || { echo "bench-plot.sh: no run in build/bench/; run 'make bench' first" >&2; exit 2; }
	runs=("$newest")
fi
[ -n "$out" ] || out=${runs[-1]%.json}.png
command -v gnuplot >/dev/null || {
	echo "bench-plot.sh: gnuplot is missing (apt-get install gnuplot-nox; make deps does)" >&2
	exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The data: a header (row, one label per run), then per row its title and
# each run's ratio (NaN where a run has none).  Rows in first-seen order.
awk '
	FNR == 1 { run++; label[run] = FILENAME; sub(/.*\//, "", label[run]); sub(/\.json$/, "", label[run]) }
	/"git": / { g = $0; sub(/.*"git": "/, "", g); sub(/".*/, "", g); label[run] = label[run] " (" g ")" }
	/^ *\{"name": / {
		t = $0; sub(/.*"title": "/, "", t); sub(/", "per".*/, "", t)
		r = $0; sub(/.*"ratio": /, "", r); sub(/,.*/, "", r)
		if (!(t in seen)) { seen[t] = 1; order[++rows] = t }
		ratio[t, run] = (r == "null") ? "NaN" : r
	}
	END {
		printf "row"
		for (i = 1; i <= run; i++)
			printf "\t\"%s\"", label[i]
		printf "\n"
		for (k = 1; k <= rows; k++) {
			printf "\"%s\"", order[k]
			for (i = 1; i <= run; i++)
				printf "\t%s", ((order[k], i) in ratio) ? ratio[order[k], i] : "NaN"
			printf "\n"
		}
	}' "${runs[@]}" >"$work/data.tsv"

# The y axis: whole powers of two around every ratio, at least 1/2 to 2.
read -r lo hi < <(awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) if ($i != "NaN" && $i > 0) {
		l = log($i) / log(2); if (l < lo) lo = l; if (l > hi) hi = l } }
	END { lo = int(lo) - (lo < int(lo)); hi = int(hi) + (hi > int(hi));
	      if (lo > -1) lo = -1; if (hi < 1) hi = 1; print lo, hi }' "$work/data.tsv")
tics=""
for ((k = lo; k <= hi; k++)); do
	if [ $k -lt 0 ]; then
		label="1/$((1 << -k))"
	else
		label=$((1 << k))
	fi
	tics+="${tics:+, }\"$label\" $k"
done

n=${#runs[@]}
{
	echo 'set terminal pngcairo size 1100,650 font "sans,10" noenhanced'
	echo "set output '$out'"
	echo 'set title "strata-bench: Linux time / Strata time (above 1: Strata is faster)"'
	echo 'set datafile separator tab'
	echo 'set datafile missing "NaN"'
	echo 'set key autotitle columnheader'
	echo 'set style data histograms'
	echo 'set style histogram clustered gap 1'
	echo 'set style fill solid 0.85 border -1'
	echo 'set xtics rotate by 30 right nomirror'
	echo "set ytics ($tics)"
	echo "set yrange [$lo - 0.3:$hi + 0.3]"
	echo 'set ylabel "ratio (log scale)"'
	echo 'set grid ytics'
	echo 'set xzeroaxis linetype -1 linewidth 1.5'
	echo 'set lmargin 14'
	if [ "$n" = 1 ]; then
		# One run: each bar with its ratio written at its end.
		echo 'set key off'
		echo "plot '$work/data.tsv' using (log(\$2)/log(2)):xtic(1) linecolor rgb '#4477aa', \\"
		echo "     '' using 0:(v = log(\$2)/log(2), v + (v >= 0 ? 0.12 : -0.12)):(sprintf('%.2f', \$2)) with labels"
	else
		echo 'set key below'
		echo "plot for [i=2:$((n + 1))] '$work/data.tsv' using (log(column(i))/log(2)):xtic(1)"
	fi
} >"$work/plot.gp"
gnuplot "$work/plot.gp"
echo "$out"
