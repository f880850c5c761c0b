#!/usr/bin/env bash
# kbench.sh NN - run layer NN's in-kernel benchmarks (the manual tests named
# bench_*) under QEMU and print their figures (make kbench).  Never part of
# make test.  The user-space benchmark against Linux is bench.sh (make bench).
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
[ $status = 0 ] || { echo "kbench.sh: the benchmark boot failed (see above)"; exit 1; }
