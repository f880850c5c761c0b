#!/usr/bin/env bash
# check.sh NN - layer 10's boot-level checks, run by tools/test.sh.
#  - a kernel stack overflow runs into the guard page and is reported as a
#    double fault on its own IST stack, never a silent reboot;
#  - the default boot prints the new page tables and the memory figures, and
#    mm_debug=buddy prints the free lists.
set -uo pipefail
layer=${1:-10}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

. tools/check-lib.sh

st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 60 \
	--cmdline "ktest=selftest_kernel_stack_overflow_is_reported" || st=$?
[ $st = 5 ] && console | grep -q 'TRAP: unhandled exception: #DF double fault (vector 8)' &&
	console | grep -q '\] selftest_recurse+0x'
result kernel_stack_overflow_is_reported_as_double_fault $? "(exit status $st)"

st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 25 --cmdline "mm_debug=buddy" || st=$?
console | grep -q 'mm: kernel page tables at .*direct map of [0-9]* MiB' &&
	console | grep -q 'mm: memory: [0-9]* MiB total, [0-9]* MiB free, [0-9]* MiB reserved' &&
	console | grep -q 'pmm:   order 10 ( *4096 KiB): [0-9]* free blocks' &&
	console | grep -q 'timer: [0-9]* ticks'
result default_boot_prints_page_tables_memory_and_free_lists $?
