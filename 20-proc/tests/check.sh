#!/usr/bin/env bash
# check.sh NN - layer 20's checks with real user programs, run by tools/test.sh
# against build/NN.  Each prints PASS or FAIL and a name.
#
# What they prove:
#  - the default boot runs /init from the initramfs and gives a BusyBox shell
#    that reads commands typed on the console (the TTY's input path);
#  - the TTY edits lines (erase, kill, their echo), passes raw bytes and
#    reports its window size, driven through the serial port by stty;
#  - the contract tests behave as on the host's Linux (tools/contracts.sh),
#    and user mode works on the UEFI and Bochs paths too;
#  - the BusyBox suite passes, run directly and under `sh -c` (vfork + exec);
#  - 1000 fork+exec+wait cycles through `sh -c` leave no kernel error and
#    give their memory back;
#  - a corrupt initramfs is rejected with a message and the kernel goes on.
set -uo pipefail
layer=${1:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=build/$layer
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$log" "$work"' EXIT

. tools/check-lib.sh


# ---------------------------------------------------------------- the shell
# Type only once the shell is up: GRUB also reads the serial port and would
# swallow what arrives while its menu is shown.
type_commands() {
	for _ in $(seq 120); do
		grep -q 'built-in shell' "$log" 2>/dev/null && break
		sleep 0.5
	done
	sleep 1
	printf 'echo shell-says-$((6*7))\n'
	sleep 1
	printf 'ls /bin/busybox && echo listed\n'
	sleep 1
	printf 'poweroff -f\n'
}
st=0
: >"$log"
type_commands | timeout 120 tools/run.sh --layer "$layer" --boot multiboot --interactive \
	--cmdline "loglevel=4" >"$log" 2>&1 || st=$?
console | grep -q 'shell-says-42' && console | grep -q '^listed' && ! kernel_errors >/dev/null
result init_gives_a_shell_that_reads_the_console $? "(exit status $st)"

# ---------------------------------------------------------------- the TTY
# Through the real serial port: canonical mode with erase (DEL) and kill
# (^U) and their echo, raw mode passing ^C and ^D through as bytes, and
# the window size - all set and read by BusyBox's stty (TCGETS/TCSETS,
# TIOCGWINSZ).
troot=$work/ttyroot
mkdir -p "$troot/bin"
cat >"$troot/bin/tty-test" <<'SCRIPT'
#!/bin/sh
echo "tty-test: ready for a line"
read line
echo "line 1: [$line]"
read line
echo "line 2: [$line]"
stty raw -echo
echo "tty-test: raw"
dd bs=1 count=3 2>/dev/null | od -An -c
stty sane
echo "size: $(stty size)"
poweroff -f
SCRIPT
chmod +x "$troot/bin/tty-test"
wait_for() {
	for _ in $(seq 120); do
		grep -q "$1" "$log" 2>/dev/null && return
		sleep 0.5
	done
}
type_tty() {
	wait_for 'ready for a line'
	sleep 0.5
	printf 'ab\177c\n'
	sleep 0.5
	printf 'junk\025xyz\n'
	wait_for 'tty-test: raw'
	sleep 0.5
	printf '\003\004z'
}
st=0
: >"$log"
tools/mkinitramfs.sh "$work/tty.cpio" "$build" --extra "$troot" >/dev/null &&
	type_tty | timeout 120 tools/run.sh --layer "$layer" --boot multiboot --interactive \
		--initramfs "$work/tty.cpio" --cmdline "init=/bin/tty-test loglevel=4" >"$log" 2>&1 || st=$?
console | grep -qx "$(printf 'ab\b \bc')" && console | grep -q '^line 1: \[ac\]$' &&
	console | grep -q '^line 2: \[xyz\]$' && console | grep -q '^ 003 004   z$' &&
	console | grep -q '^size: 24 80$'
result tty_canonical_erase_kill_raw_mode_and_window_size $? "(exit status $st)"

# ---------------------------------------------------------------- contracts
tools/contracts.sh "$layer"

# ---------------------------------------------------------------- other boot paths
# User mode on the two other paths: OVMF's UEFI (the default of make run)
# and Bochs (a different CPU model: no SMAP).  One contract program each,
# compared with its run on the host.
prog=process/fork_wait_status
want=$(CONTRACT_TMP=$work "$build/contracts/$prog" 2>/dev/null)
for boot in uefi bochs; do
	st=0
	tools/run.sh --layer "$layer" --boot "$boot" --log "$log" --timeout 300 \
		--cmdline "init=/tests/contracts/$prog loglevel=4" || st=$?
	# The expected lines, in the console's order, GRUB's and the kernel's left out.
	got=$(console | grep -Fx -f <(printf '%s\n' "$want"))
	[ -n "$want" ] && [ "$got" = "$want" ] && ! kernel_errors >/dev/null
	result user_programs_run_on_the_${boot}_path $? "(exit status $st)"
done

# ---------------------------------------------------------------- BusyBox suite
st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 900 \
	--cmdline "init=/tests/busybox/run-guest.sh loglevel=4" || st=$?
console | grep -E '^(PASS|FAIL) bb:|^(PASS|FAIL) shc:' | sed -E "s/^(PASS|FAIL) /\1 $layer:busybox:/"
n_pass=$(console | grep -cE '^PASS (bb|shc):')
n_fail=$(console | grep -cE '^FAIL (bb|shc):')
[ "$n_pass" -ge 200 ] && [ "$n_fail" = 0 ] && ! kernel_errors >/dev/null
result busybox_suite_complete_direct_and_under_sh_c $? "($n_pass passed, $n_fail failed, exit status $st)"

# ---------------------------------------------------------------- stress
st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 900 \
	--cmdline "init=/tests/stress/forkexec.sh loglevel=4" || st=$?
line=$(console | grep -m1 '^stress: free_kib_before=')
iters=$(console | grep -m1 '^stress: iterations=')
before=$(sed -n 's/.*free_kib_before=\([0-9]*\).*/\1/p' <<<"$line")
after=$(sed -n 's/.*free_kib_after=\([0-9]*\).*/\1/p' <<<"$line")
fails=$(sed -n 's/.*failures=\([0-9]*\).*/\1/p' <<<"$iters")
# The slab caches may keep a few pages they grew into; 256 KiB covers them.
[ -n "$before" ] && [ -n "$after" ] && [ "$fails" = 0 ] &&
	[ $((before - after)) -le 256 ] && ! kernel_errors >/dev/null
result fork_exec_wait_1000_times_leaks_no_pages $? "(free KiB before ${before:-?}, after ${after:-?}, failures ${fails:-?}; exit status $st)"

# ---------------------------------------------------------------- dynamic programs
# The ELF loader starts programs through PT_INTERP (musl's and glibc's
# dynamic loaders, taken from the host with the C library they load) and
# static PIEs; a "#!" script runs them.
root=$work/root
mkdir -p "$root/bin" "$root/lib64" "$root/lib/x86_64-linux-gnu"
printf '#include <stdio.h>\nint main(int c, char **v) { printf("%%s says hello\\n", v[0]); return 7; }\n' >"$work/hi.c"
musl-gcc -O2 "$work/hi.c" -o "$root/bin/hi-musl-dynamic" &&
	gcc -O2 "$work/hi.c" -o "$root/bin/hi-glibc-dynamic" &&
	gcc -O2 -static-pie "$work/hi.c" -o "$root/bin/hi-static-pie" &&
	cp -L /lib/ld-musl-x86_64.so.1 "$root/lib/" &&
	cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/" &&
	cp -L /lib/x86_64-linux-gnu/libc.so.6 "$root/lib/x86_64-linux-gnu/"
printf '#!/bin/sh\nfor p in hi-musl-dynamic hi-glibc-dynamic hi-static-pie; do /bin/$p; echo "$p exit $?"; done\npoweroff -f\n' >"$root/bin/dyn-run"
chmod +x "$root/bin/dyn-run"
st=0
tools/mkinitramfs.sh "$work/dyn.cpio" "$build" --extra "$root" >/dev/null &&
	tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 60 \
		--initramfs "$work/dyn.cpio" --cmdline "init=/bin/dyn-run loglevel=4" || st=$?
ok=0
for p in hi-musl-dynamic hi-glibc-dynamic hi-static-pie; do
	console | grep -q "^/bin/$p says hello" && console | grep -q "^$p exit 7" || ok=1
done
[ $ok = 0 ] && ! kernel_errors >/dev/null
result musl_glibc_dynamic_and_static_pie_programs_run $? "(exit status $st)"

# ---------------------------------------------------------------- bad initramfs
head -c 3000 "$build/initramfs.cpio" >"$work/truncated.cpio"
printf 'garbage' >>"$work/truncated.cpio"
st=0
tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 60 \
	--initramfs "$work/truncated.cpio" --cmdline "panic=1" || st=$?
console | grep -q 'initramfs.*rejected' && console | grep -q 'init: no init found\|init: cannot'
result corrupt_initramfs_is_rejected_with_a_message $? "(exit status $st)"
