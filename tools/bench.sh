#!/usr/bin/env bash
# bench.sh NN - run layer NN's in-kernel benchmarks (the manual tests named
# bench_*) under QEMU and print their figures.  Never part of make test.
# Figures under QEMU's software emulation (no KVM here) measure the
# emulator as much as the kernel: compare them with each other, run to run.
set -uo pipefail
layer=$1
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$top/tools/ktest.sh" --layer "$layer" --boot "${BOOT:-multiboot}" --pattern 'bench_*' \
	--label bench --log "$log" >/dev/null
status=$?
tr -d '\r' <"$log" | grep -o 'bench: .*'
[ $status = 0 ] || { echo "bench.sh: the benchmark boot failed (see above)"; exit 1; }
