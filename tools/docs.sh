#!/usr/bin/env bash
# Build the HTML reference with Doxygen (`make docs`).
#
# Input: the pages in docs/, labs/README.md, and the public headers of every
# layer that exists (NN-*/include and NN-*/arch/x86_64/include), so a new
# layer needs no change here or in docs/Doxyfile.  Output: build/docs/html/index.html.
# Any Doxygen warning (an undocumented public name, a missing @param, a bad
# command in a comment) fails the build; the warnings are printed.
set -euo pipefail
shopt -s nullglob

cd "$(dirname "${BASH_SOURCE[0]}")/.."

for tool in doxygen dot; do
	if ! command -v "$tool" >/dev/null; then
		echo "docs.sh: $tool is not installed (Debian: apt-get install doxygen graphviz)" >&2
		exit 1
	fi
done

headers=()
for layer in [0-9][0-9]-*/; do
	for sub in include arch/x86_64/include; do
		if [ -d "$layer$sub" ]; then
			headers+=("$layer$sub")
		fi
	done
done

out=build/docs
log=$out/warnings.log
console=$out/doxygen.out
rm -rf "$out/html"
mkdir -p "$out"
: > "$log"

# docs/Doxyfile reads these two as $(STRATA_DOC_HEADERS) and $(STRATA_DOC_WARNLOG).
export STRATA_DOC_HEADERS="${headers[*]}"
export STRATA_DOC_WARNLOG=$log

status=0
doxygen docs/Doxyfile > "$console" 2>&1 || status=$?

# QUIET = YES keeps a clean run silent, so anything doxygen printed, and
# anything in the warning log, is a problem even if its exit status was 0.
if [ "$status" -ne 0 ] || [ -s "$log" ] || [ -s "$console" ]; then
	# Doxygen repeats some warnings and names files by absolute path; show
	# each once, relative to the top.
	warnings=$(cat "$console" "$log" | sed "s|$PWD/||g" | awk '!seen[$0]++')
	printf '%s\n' "$warnings" >&2
	count=$(printf '%s\n' "$warnings" | grep -c ': \(warning\|error\):' || true)
	echo "docs.sh: doxygen failed (exit $status, $count warning(s) above, kept in $log)" >&2
	exit 1
fi
if [ ! -f "$out/html/index.html" ]; then
	echo "docs.sh: doxygen wrote no $out/html/index.html" >&2
	exit 1
fi

echo "docs: ${#headers[@]} header folder(s) and the pages -> $out/html/index.html"
