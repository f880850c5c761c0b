#!/usr/bin/env bash
# check.sh NN - layer 30's checks, run by tools/test.sh against build/NN.
# Each prints PASS or FAIL and a name.
#
# What they prove:
#  - everything layer 20's checks prove still holds with signals in the
#    kernel (20-proc/tests/check.sh runs against this kernel: the shell, the
#    TTY, every contract test up to this layer - the signals area included -
#    the other boot paths, the BusyBox suite, the fork/exec stress);
#  - job control on the console: ^Z stops the foreground job and the shell
#    says so, `fg` continues it, ^C and ^\ end it with the shell seeing
#    128+SIGINT and 128+SIGQUIT, `kill %1` ends a background job, and a
#    background job reading the console is stopped by SIGTTIN;
#  - 10 000 signals between two running processes, and 1000 queued
#    real-time ones, arrive without a loss and without a kernel error;
#  - rt_sigreturn refuses frames that would leave user mode, the wait
#    status carries the core bit when RLIMIT_CORE allows a core, and
#    process 1 ignores signals it has no handler for.
set -uo pipefail
layer=${1:-30}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=build/$layer
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$log" "$work"' EXIT

. tools/check-lib.sh


# ---------------------------------------------------------------- layer 20's
20-proc/tests/check.sh "$layer"

# ---------------------------------------------------------------- job control
wait_for() {
	for _ in $(seq 120); do
		[ "$(console | grep -c "$1")" -ge "${2:-1}" ] && return
		sleep 0.5
	done
}
# Type one line (or control character) and wait for what it must print.
type_jobs() {
	wait_for 'built-in shell'
	sleep 1
	printf 'sleep 30\n'
	sleep 2
	printf '\032'
	wait_for 'Stopped'
	printf 'jobs\n'
	sleep 1
	printf 'fg\n'
	sleep 2
	printf '\003'
	sleep 1
	printf 'echo after-int-$?\n'
	wait_for '^after-int-'
	printf 'sleep 30\n'
	sleep 2
	printf '\034'
	sleep 1
	printf 'echo after-quit-$?\n'
	wait_for '^after-quit-'
	printf 'sleep 40 &\n'
	sleep 1
	printf 'kill %%1\n'
	sleep 1
	printf 'jobs\n'
	wait_for 'Terminated'
	printf 'cat &\n'
	sleep 2
	printf 'jobs\n'
	wait_for 'Stopped (tty input)'
	printf 'kill -9 %%1\n'
	sleep 1
	printf 'exit\n'
}
st=0
: >"$log"
type_jobs | timeout 150 tools/run.sh --layer "$layer" --boot multiboot --interactive \
	--cmdline "loglevel=4" >"$log" 2>&1 || st=$?
[ "$(console | grep -c 'Stopped *sleep 30')" -ge 2 ] && console | grep -q '^after-int-130$' &&
	console | grep -q '^after-quit-131$' && console | grep -q 'Terminated *sleep 40' &&
	console | grep -q 'Stopped (tty input) *cat' && ! kernel_errors >/dev/null
result job_control_stop_fg_interrupt_quit_kill_ttin $? "(exit status $st)"

# ---------------------------------------------------------------- stress
st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 600 \
	--cmdline "init=/bin/sigstress loglevel=4" || st=$?
console | grep -q '^sigstress: 5000 round trips, 10000 signals, lost 0$' &&
	console | grep -q '^sigstress: 1000 queued real-time signals, all in order$' &&
	console | grep -q 'init: exited with status 0;' && ! kernel_errors >/dev/null
result ten_thousand_signals_between_running_processes $? "(exit status $st)"

# ---------------------------------------------------------------- frames and core
root=$work/root
mkdir -p "$root/bin"
st=0
musl-gcc -static -O2 -Wall -o "$root/bin/frame_checks" 30-signals/tests/guest/frame_checks.c &&
	tools/mkinitramfs.sh "$work/frames.cpio" "$build" --extra "$root" >/dev/null &&
	tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 60 \
		--initramfs "$work/frames.cpio" --cmdline "init=/bin/frame_checks loglevel=4" || st=$?
console | grep -q '^frame_checks: kernel cs: killed by signal 11$' &&
	console | grep -q '^frame_checks: IOPL 3: killed by signal 11$' &&
	console | grep -q '^frame_checks: non-canonical rip: killed by signal 11$' &&
	console | grep -q '^frame_checks: done$' && ! kernel_errors >/dev/null
result sigreturn_refuses_kernel_cs_iopl_and_noncanonical_rip $? "(exit status $st)"
console | grep -q '^frame_checks: process 1 survived SIGTERM, SIGUSR2 and SIGKILL$'
result process_1_ignores_signals_without_a_handler $?
console | grep -q '^frame_checks: SIGSEGV, RLIMIT_CORE unlimited: killed by signal 11 (core)$' &&
	console | grep -q '^frame_checks: SIGSEGV, RLIMIT_CORE 0: killed by signal 11$'
result core_bit_follows_rlimit_core $?
