#!/usr/bin/env bash
# exec.sh - run one command on a layer's kernel: its output here, its status as ours.
#
#   exec.sh --layer NN [--boot uefi|multiboot|bochs] [--files DIR]... [--src FILE.c]
#           [--timeout SECONDS] [--disk IMG] [--cmdline 'WORDS'] [--console LOG]
#           [--check] [--] [CMD...]
#
# What `make exec` and `make bochs CMD=...` run (README.md, "Running your own
# program").  It boots build/NN's kernel (make LAYER=NN builds it; layer 20 or
# above) with the layer's initramfs plus:
#   - every file under each DIR, at its path relative to DIR, its mode kept
#     (DIR/bin/t lands at /bin/t; owners become root);
#   - FILE.c compiled with musl-gcc -static, as /bin/FILE;
#   - tools/exec-init.sh as /sbin/strata-exec, process 1: it runs CMD (the
#     remaining words joined by spaces; default /bin/FILE) as `sh -c CMD` with
#     BusyBox's sh, in /, standard input /dev/null, and powers off after it.
#
# Standard output gets what CMD wrote to its stdout and its stderr (one serial
# line carries both, in their order), byte for byte, as it comes, and nothing
# else.  Standard error gets this script's messages, and the kernel's lines
# logged while CMD ran: errors only, as the kernel runs with loglevel=3 (a
# loglevel= in --cmdline, which is added last, shows more).
#
# Exit status:
#   0-255  CMD's status; 128+N when signal N ended it (as sh reports it)
#   124    CMD had not finished after --timeout seconds (default 60, the boot
#          included): the machine was stopped
#   125    the kernel panicked (or crashed and halted); its lines are shown
#   2      bad usage: unknown option, missing DIR or FILE.c, layer below 20,
#          --disk below layer 40 ...
#   1      anything else: FILE.c did not compile, the initramfs could not be
#          made, the machine stopped without reporting CMD's status
# --check only checks the options (make exec does so before building);
# --console LOG keeps the whole serial console in LOG.
# --disk IMG attaches IMG as a raw virtio-blk disk, writable (layers 40 and
# above drive it; QEMU only).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

usage() {
	sed -n '4,6s/^#   //p' "$0" | sed '1s/^/usage: /; 2,$s/^/       /' >&2
	echo "(the comment at the top of tools/exec.sh says more)" >&2
	exit 2
}
die() {	# die STATUS MESSAGE
	echo "exec: $2" >&2
	exit "$1"
}

[ $# -gt 0 ] || usage
layer="" boot=uefi src="" timeout_s=60 disk="" cmdline="" console="" check=0
files=()
while [ $# -gt 0 ]; do
	case $1 in
	--layer | --boot | --files | --src | --timeout | --disk | --cmdline | --console)
		[ $# -ge 2 ] || die 2 "$1 needs a value"
		case $1 in
		--layer) layer=$2 ;;
		--boot) boot=$2 ;;
		--files) files+=("$2") ;;
		--src) src=$2 ;;
		--timeout) timeout_s=$2 ;;
		--disk) disk=$2 ;;
		--cmdline) cmdline=$2 ;;
		--console) console=$2 ;;
		esac
		shift 2
		;;
	--check) check=1; shift ;;
	--) shift; break ;;
	-*) echo "exec: unknown option '$1'" >&2; usage ;;
	*) break ;;
	esac
done
cmd="$*"

# ---------------------------------------------------------------- the options
[ -n "$layer" ] || die 2 "which layer? (--layer NN, or LAYER=NN for make)"
case $layer in
[0-9][0-9]) compgen -G "$top/$layer-*/" >/dev/null || die 2 "there is no layer $layer" ;;
*) die 2 "LAYER must be two digits, not '$layer'" ;;
esac
# Layer 20 brings user mode, processes and the initramfs.
[ "$((10#$layer))" -ge 20 ] ||
	die 2 "layer $layer runs no user programs; make exec needs layer 20 (20-proc) or above"
case $boot in
uefi | multiboot | bochs) ;;
*) die 2 "BOOT must be uefi, multiboot or bochs, not '$boot'" ;;
esac
[[ $timeout_s =~ ^[1-9][0-9]*$ ]] || die 2 "TIMEOUT must be a whole number of seconds, not '$timeout_s'"
for d in ${files[@]+"${files[@]}"}; do
	[ -d "$d" ] || die 2 "FILES=$d: no such directory (FILES names a folder whose tree is copied to /)"
done
if [ -n "$src" ]; then
	[ -f "$src" ] || die 2 "SRC=$src: no such file"
	case $src in
	*.c) ;;
	*) die 2 "SRC=$src: not a C file (.c)" ;;
	esac
	prog=$(basename "$src" .c)
	[[ $prog =~ ^[A-Za-z0-9_.+-]+$ ]] ||
		die 2 "SRC=$src: the program is installed as /bin/$prog, which needs a name of letters, digits and _.+-"
	[ -n "$cmd" ] || cmd=/bin/$prog
fi
[ -n "${cmd//[[:space:]]/}" ] || die 2 "nothing to run: give CMD='...' (or SRC=file.c)"
if [ -n "$disk" ]; then
	# Layer 40 (40-vfs) brings the virtio-blk driver.
	[ "$((10#$layer))" -ge 40 ] ||
		die 2 "DISK= attaches a virtio-blk disk, which layers 40 and above drive; layer $layer has no disk driver"
	[ -f "$disk" ] || die 2 "DISK=$disk: no such file"
	[ "$boot" != bochs ] || die 2 "DISK= needs QEMU: Bochs has no virtio-blk"
fi
[ $check = 0 ] || exit 0

build=$top/build/$layer
if [ ! -f "$build/kernel.elf" ] || [ ! -f "$build/initramfs.cpio" ]; then
	die 2 "no kernel and initramfs in build/$layer: run 'make LAYER=$layer' first"
fi

# ---------------------------------------------------------------- the guest's files
work=$(mktemp -d)
keeper=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	[ -z "$keeper" ] || kill "$keeper" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

stage=$work/stage
mkdir -p "$stage/sbin" "$stage/etc/strata-exec" "$stage/bin"
chmod 0755 "$stage/sbin" "$stage/etc" "$stage/etc/strata-exec" "$stage/bin"
if [ -n "$src" ]; then
	musl-gcc -static -O2 -Wall -o "$stage/bin/$prog" "$src" ||
		die 1 "SRC=$src did not compile (the compiler's messages are above)"
	chmod 0755 "$stage/bin/$prog"
fi
install -m 0755 "$top/tools/exec-init.sh" "$stage/sbin/strata-exec"
printf '%s\n' "$cmd" >"$stage/etc/strata-exec/cmd"
# A token new for each run: the markers around CMD's output carry it.
marker=strata-exec-$(od -An -N8 -tx8 /dev/urandom | tr -d ' \n')
echo "$marker" >"$stage/etc/strata-exec/marker"
chmod 0644 "$stage/etc/strata-exec/cmd" "$stage/etc/strata-exec/marker"

extras=()
for d in ${files[@]+"${files[@]}"}; do
	extras+=(--extra "$d")
done
# This run's own files last: FILES cannot replace the init or its marker.
extras+=(--extra "$stage")
"$top/tools/mkinitramfs.sh" "$work/initramfs.cpio" "$build" "${extras[@]}" >&2 ||
	die 1 "could not make the initramfs"

# ---------------------------------------------------------------- the run
log=${console:-$work/console.log}
: >"$log"
state=$work/state
: >"$state"

# The console as it grows, through a filter: CMD's bytes to stdout, kernel
# lines to stderr, what it learned to $state ("started", then "status N").
# Lines are records; a record without "\n" is a partial line, which only
# the end of the log (or the end marker) completes.
# shellcheck disable=SC2016 # the awk program is single-quoted on purpose
filter='
function out(text, end) {
	if (mode != "raw" && end == "\n")
		sub(/\r$/, "", text)
	printf "%s%s", text, end
	fflush()
}
function note(what) {
	printf "%s\n", what > state
	close(state)
}
BEGIN { begin = marker " begin "; finish = marker " end " }
phase == "" {
	if ((i = index($0, begin)) > 0) {
		mode = substr($0, i + length(begin))
		sub(/\r$/, "", mode)
		note("started")
		phase = "run"
	}
	next
}
phase == "run" {
	if ((i = index($0, finish)) > 0) {
		out(substr($0, 1, i - 1), "")
		st = substr($0, i + length(finish))
		sub(/\r$/, "", st)
		note("status " st)
		phase = "done"
		next
	}
	# A kernel line: printk time stamp, text, and the "\r" of the console
	# driver; it may have cut into a line of CMD that was not finished.
	if (match($0, /\[ *[0-9]+\.[0-9][0-9][0-9]\] [^\r]*\r$/)) {
		out(substr($0, 1, RSTART - 1), "")
		line = substr($0, RSTART, RLENGTH - 1)
		# A panic is shown whole at the end, not line by line.
		if (line ~ /^\[[ 0-9.]*\] (PANIC|TRAP): /)
			crashed = 1
		if (!crashed) {
			print line > "/dev/stderr"
			fflush("/dev/stderr")
		}
		next
	}
	out($0, RT)
}'
# tail follows the log until $keeper ends, then reads what is left and stops.
sleep 100000 &
keeper=$!
tail -c +1 -s 0.1 -f --pid="$keeper" "$log" |
	LC_ALL=C gawk -v marker="$marker" -v state="$state" "$filter" &
filter_pid=$!

run=("$top/tools/run.sh" --layer "$layer" --boot "$boot" --log "$log" --timeout "$timeout_s"
	--initramfs "$work/initramfs.cpio"
	--cmdline "init=/sbin/strata-exec loglevel=3 panic=1${cmdline:+ $cmdline}")
[ -z "$disk" ] || run+=(--disk "$disk")
run_status=0
"${run[@]}" || run_status=$?
kill "$keeper" 2>/dev/null || true
wait "$filter_pid" || true
keeper=""

# ---------------------------------------------------------------- the verdict
# The console as text: no "\r", no terminal escapes (GRUB clears the screen).
console_text() { tr -d '\r' <"$log" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g'; }
last_lines() {
	console_text | tail -n "$1" | sed 's/^/    | /' >&2
}
when="while CMD ran"
grep -qx started "$state" || when="before CMD started"

status=$(sed -n 's/^status \([0-9][0-9]*\)$/\1/p' "$state")
[ -z "$status" ] || exit "$status"

crash=$(console_text | sed -n '/^\[[ 0-9.]*\] \(PANIC\|TRAP\): /,$p' | head -n 60)
if [ -n "$crash" ]; then
	if [ "$run_status" = 124 ]; then
		echo "exec: the kernel crashed and halted $when (noticed at the ${timeout_s} s timeout):" >&2
	else
		echo "exec: kernel panic $when:" >&2
	fi
	printf '%s\n' "$crash" | sed 's/^/    | /' >&2
	exit 125
fi
if [ "$run_status" = 124 ]; then
	echo "exec: TIMEOUT: CMD had not finished after ${timeout_s} s; the machine was stopped" \
		"(TIMEOUT=seconds gives it longer)" >&2
	if [ "$when" = "before CMD started" ]; then
		echo "exec: the kernel had not started CMD yet; the console's last lines:" >&2
		last_lines 15
	fi
	exit 124
fi
echo "exec: the machine stopped $when without reporting CMD's status" \
	"(emulator status $run_status); the console's last lines:" >&2
last_lines 15
exit 1
