#!/usr/bin/env bash
# check.sh NN - layer 00's checks of the boot paths and the test machinery,
# run by tools/test.sh against build/NN.  Each prints PASS or FAIL and a name.
#
# What they prove:
#  - the runner reports a failing in-kernel test as failed, and kills a hung
#    kernel at its timeout, showing the last lines of the console;
#  - an unhandled fault prints a register dump, the faulting address and a
#    symbolised backtrace, then powers off with the panic status;
#  - an unknown command-line key is a warning, not a failure;
#  - the UEFI loader refuses a malformed or missing kernel with a message and
#    never jumps into it;
#  - `make run` reaches the banner in both QEMU paths, and the build's ISO
#    boots in Bochs to the banner.
set -uo pipefail
layer=${1:-00}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=build/$layer
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$log" "$work"' EXIT

. tools/check-lib.sh

# A failing test: the runner must say FAIL and exit non-zero.
out=$(tools/ktest.sh --layer "$layer" --boot multiboot --pattern selftest_failure_is_reported \
	--label self --log "$log")
st=$?
[ $st != 0 ] && grep -q '^FAIL self:selftest_failure_is_reported' <<<"$out" &&
	console | grep -q 'expected 3'
result runner_reports_failing_test $?

# A hang: killed at the timeout, counted as failed, last lines shown.
out=$(tools/ktest.sh --layer "$layer" --boot multiboot --pattern selftest_hang_is_killed_by_the_runner \
	--label self --timeout 15 --log "$log")
st=$?
[ $st != 0 ] && grep -q 'FAIL self:boot (hung: killed after 15s' <<<"$out" &&
	grep -q '| .*ktest: running tests' <<<"$out"
result runner_kills_hung_kernel_at_timeout $?

# An unhandled page fault: dump, cr2, backtrace through the test's functions, panic status.
st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 60 \
	--cmdline "ktest=selftest_unhandled_page_fault_prints_report" || st=$?
[ $st = 5 ] &&
	console | grep -q 'TRAP: unhandled exception: #PF page fault (vector 14)' &&
	console | grep -q 'faulting address (cr2) 0000300000000000: kernel write, page not present' &&
	console | grep -q 'rax [0-9a-f]\{16\} rbx' &&
	console | grep -q '\] selftest_touch_unmapped+0x' &&
	console | grep -q '\] ktest_fn_selftest_unhandled_page_fault_prints_report+0x' &&
	console | grep -q '\] kmain+0x'
result unhandled_fault_prints_dump_and_backtrace $? "(exit status $st)"

# Unknown keys are warned about and ignored; loglevel= is applied.
out=$(tools/ktest.sh --layer "$layer" --boot multiboot --pattern 'timer_uptime*' --label self \
	--cmdline 'bogus_key=1 loglevel=5' --log "$log")
st=$?
[ $st = 0 ] && console | grep -q "cmdline: unknown key 'bogus_key' ignored" &&
	! console | grep -q 'timer: PIT at'	# an info message, hidden at loglevel 5
result cmdline_unknown_key_warns_and_boot_goes_on $?

# The UEFI loader and a broken kernel: a clear message, no jump.
head -c 3000 "$build/kernel.elf" >"$work/truncated.elf"
tools/mkesp.sh "$build/BOOTX64.EFI" "$work/truncated.elf" "ktest=all" "$work/bad.img"
st=0
tools/run.sh --layer "$layer" --boot uefi --esp "$work/bad.img" --log "$log" --timeout 30 || st=$?
[ $st = 124 ] && console | grep -q 'kernel.elf' && console | grep -qi 'refus\|invalid\|past the end\|truncat' &&
	! console | grep -q 'Strata kernel:'
result uefi_loader_refuses_truncated_kernel $? "(exit status $st)"

# The interactive boot path (make run) reaches the banner on both QEMU paths.
for boot in uefi multiboot; do
	st=0
	# The default boot idles after about 3 s of ticks: stop it at the timeout.
	tools/run.sh --layer "$layer" --boot "$boot" --log "$log" --timeout 25 || st=$?
	console | grep -q "Strata kernel: layer $layer-[a-z]*, boot path" &&
		console | grep -q 'trap: #BP breakpoint at .* handled' &&
		console | grep -q 'timer: [0-9]* ticks'
	result "default_boot_${boot}_shows_banner_breakpoint_and_ticks" $?
done
