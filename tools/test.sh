#!/usr/bin/env bash
# test.sh NN [NN...] - every test of the given layers; ends with "N passed, M failed".
#
# For each layer: build it; run its host unit tests; boot its in-kernel tests
# under QEMU with UEFI and with Multiboot2, and under Bochs; run the layer's
# own checks (NN-*/tests/check.sh, if any), make exec's checks if the layer
# has user space (tools/exec-test.sh), and its lab's self-check.  Then,
# once: a smoke run of the benchmark on the last layer (every row runs once;
# figures are never pass/fail), and make check and make docs, which must
# report nothing.  Every result is one "PASS name" or "FAIL name" line; the
# last line counts them.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p build
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# Run a command that prints PASS/FAIL lines: show them, keep them for the count.
collect() {
	"$@" 2>&1 | tee -a "$results"
	return "${PIPESTATUS[0]}"
}

for layer in "$@"; do
	dir=$(ls -d "$layer"-*/ 2>/dev/null | head -n 1)
	dir=${dir%/}
	echo "=== layer $layer ($dir)"
	if ! make -s LAYER="$layer" all >"$top/build/make-$layer.log" 2>&1; then
		echo "FAIL $layer:build (see build/make-$layer.log)" | tee -a "$results"
		tail -n 20 "$top/build/make-$layer.log" | sed 's/^/    | /'
		continue
	fi
	echo "PASS $layer:build" >>"$results"

	# Host unit tests: every program in build/NN/host, each prints PASS/FAIL lines.
	make -s LAYER="$layer" host-tests >"$top/build/host-$layer.log" 2>&1 ||
		echo "FAIL $layer:host-build (see build/host-$layer.log)" | tee -a "$results"
	for t in "$top/build/$layer/host"/*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		"$t" 2>&1 | grep -E '^(PASS|FAIL) |^  ' | sed -E "s/^(PASS|FAIL) /\1 $layer:host:$name:/" |
			tee -a "$results" | grep -v '^PASS' || true
		# A sanitizer abort prints no FAIL line of its own: count the program as failed.
		if ! "$t" >/dev/null 2>&1; then
			grep -q "^FAIL $layer:host:$name:" "$results" ||
				echo "FAIL $layer:host:$name (exited non-zero)" | tee -a "$results"
		fi
	done

	collect tools/ktest.sh --layer "$layer" --boot uefi --pattern all --label "$layer:uefi" >/dev/null
	grep -E "^FAIL $layer:uefi" "$results" || true
	collect tools/ktest.sh --layer "$layer" --boot multiboot --pattern all --label "$layer:mb2" >/dev/null
	grep -E "^FAIL $layer:mb2" "$results" || true
	collect tools/ktest.sh --layer "$layer" --boot bochs --pattern all --label "$layer:bochs" >/dev/null
	grep -E "^FAIL $layer:bochs" "$results" || true

	if [ -x "$dir/tests/check.sh" ]; then
		collect "$dir/tests/check.sh" "$layer" || true
	fi
	# make exec on every layer with user space (one that builds an initramfs).
	if [ -f "$top/build/$layer/initramfs.cpio" ]; then
		collect tools/exec-test.sh "$layer" || true
	fi
	if ls labs/"$layer"-*.grade >/dev/null 2>&1; then
		collect tools/lab-selfcheck.sh "$layer" || true
	fi
	echo "    layer $layer: $(grep -c "^PASS $layer:\|^PASS lab_$layer" "$results") passed so far"
done

top_layer=${*: -1}

# Once, for the top layer: the user-space benchmark (make bench) builds, and
# every row runs once on the host and on this kernel, so it cannot rot.  Only
# that is pass/fail, never a figure.  Layers below 20 have no rows: skipped.
echo "=== benchmark smoke run (layer $top_layer)"
if ! make -s LAYER="$top_layer" bench-prog >"$top/build/bench-prog-$top_layer.log" 2>&1; then
	echo "FAIL bench:strata_bench_builds (see build/bench-prog-$top_layer.log)" | tee -a "$results"
	tail -n 20 "$top/build/bench-prog-$top_layer.log" | sed 's/^/    | /'
elif [ -n "$("build/$top_layer/bench/strata-bench" --list)" ]; then
	echo "PASS bench:strata_bench_builds" >>"$results"
	collect tools/bench.sh --smoke "$top_layer" || true
else
	echo "    no rows up to layer $top_layer (the first come with layer 20): skipped"
fi

# Once for the whole tree: static analysis of the top layer's kernel (which
# includes every layer below it) and the documentation build.
echo "=== static analysis and documentation"
if make -s check LAYER="$top_layer" >"$top/build/check.log" 2>&1; then
	echo "PASS check:sparse_and_cppcheck_find_nothing" | tee -a "$results"
else
	echo "FAIL check:sparse_and_cppcheck_find_nothing (see build/check.log)" | tee -a "$results"
	tail -n 20 "$top/build/check.log" | sed 's/^/    | /'
fi
if make -s docs >"$top/build/docs.log" 2>&1; then
	echo "PASS docs:doxygen_builds_without_warnings" | tee -a "$results"
else
	echo "FAIL docs:doxygen_builds_without_warnings (see build/docs.log)" | tee -a "$results"
	tail -n 20 "$top/build/docs.log" | sed 's/^/    | /'
fi

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
if [ "$failed" -gt 0 ]; then
	echo "Failed:"
	grep '^FAIL ' "$results" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
