#!/usr/bin/env bash
# bench.sh [--smoke] NN - strata-bench on the host, on this kernel and on
# Debian's Linux kernel in the same QEMU machine, side by side (make bench).
#
#   make bench [LAYER=NN]       builds what is needed, then runs `bench.sh NN`
#   tools/bench.sh NN           the full run (about 2 minutes for layer 20)
#   tools/bench.sh --smoke NN   make test's run: every row once on the host and
#                               on this kernel; PASS/FAIL lines, no figures
#   BENCH_TARGET_MS=200 BENCH_TRIALS=7    a trial's least time, trials per row
#   LINUX_VMLINUZ=FILE          another Linux image (tools/linux-kernel.sh)
#
# One binary everywhere: build/NN/bench/strata-bench (tools/bench/ and the
# layers' NN-*/bench/ rows; make bench-prog) and the tiny build/NN/bench/true
# it execs.  For the two kernels both go into one initramfs, bench.cpio
# (/bench/strata-bench, /bench/true, /bench/args with the options,
# /dev/console, /tmp), that each unpacks into its RAM root and runs as
# process 1; strata-bench powers the machine off when done.  The machine is
# tools/qemu-machine.sh's for both (QEMU's software emulation, TCG):
#   this kernel: GRUB's Multiboot2 ISO under SeaBIOS, "init=/bench/strata-bench loglevel=4"
#   Linux:       QEMU's -kernel under SeaBIOS, "console=ttyS0 quiet rdinit=/bench/strata-bench"
# Both consoles are quiet (warnings only), so neither pays for boot chatter.
#
# Boot time: the serial console comes through a pipe and each line is
# stamped when it arrives; "QEMU start to first user output" runs from just
# before QEMU starts to strata-bench's first line.
#
# Output: the table (benchmark, what one operation is, this kernel, Linux,
# ratio = Linux time / this kernel's time, host), boot times and image
# sizes, the rows slower than Linux; and in build/bench/: STAMP.json (the
# run, to compare runs), STAMP.md (the table in Markdown, for the README),
# STAMP.png (tools/bench-plot.sh's chart of the ratios), STAMP/ (consoles).
# Exits non-zero if a row has no ratio.  Never part of make test's
# pass/fail except --smoke, which checks only that every row ran.
set -euo pipefail
smoke=0
if [ "${1:-}" = --smoke ]; then
	smoke=1
	shift
fi
[ $# = 1 ] || { echo "usage: bench.sh [--smoke] NN" >&2; exit 2; }
layer=$1
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# shellcheck source=tools/qemu-machine.sh
. tools/qemu-machine.sh
build=build/$layer
prog=$build/bench/strata-bench
true_prog=$build/bench/true
target_ms=${BENCH_TARGET_MS:-200}
trials=${BENCH_TRIALS:-7}
strata_cmdline="init=/bench/strata-bench loglevel=4"
linux_cmdline="console=ttyS0 quiet rdinit=/bench/strata-bench"

for f in "$build/kernel.elf" "$prog" "$true_prog"; do
	[ -f "$f" ] || {
		echo "bench.sh: $f is missing: run 'make LAYER=$layer all bench-prog' (make bench does)" >&2
		exit 2
	}
done
list=$("$prog" --list)
if [ -z "$list" ]; then
	echo "bench.sh: layer $layer has no benchmark rows; the first come with layer 20" >&2
	echo "bench.sh: (user programs). 'make kbench LAYER=$layer' runs the in-kernel figures." >&2
	exit 2
fi
n_rows=$(wc -l <<<"$list")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $smoke = 1 ]; then
	runs=$work
else
	stamp=$(date +%Y%m%d-%H%M%S)
	runs=build/bench/$stamp
	mkdir -p "$runs"
fi
printf '%s\n' "$list" >"$runs/rows.tsv"

# ---------------------------------------------------------------- the initramfs
mkcpio=$build/host-tools/mkcpio
if [ ! -x "$mkcpio" ] || [ tools/mkcpio.c -nt "$mkcpio" ]; then
	mkdir -p "$(dirname "$mkcpio")"
	gcc -O2 -Wall -Wextra -Werror -o "$mkcpio.tmp" tools/mkcpio.c
	mv "$mkcpio.tmp" "$mkcpio"
fi
# make_cpio 'OPTIONS' OUT.cpio
make_cpio() {
	printf '%s\n' "$1" >"$work/args"
	cat >"$work/spec" <<-SPEC
	dir bench 0755 0 0
	file bench/args $work/args 0644 0 0
	file bench/strata-bench $prog 0755 0 0
	file bench/true $true_prog 0755 0 0
	dir dev 0755 0 0
	nod dev/console 0600 0 0 c 5 1
	dir tmp 1777 0 0
	SPEC
	SOURCE_DATE_EPOCH=0 "$mkcpio" "$work/spec" >"$2"
}
if [ $smoke = 1 ]; then
	options=(--quick)
else
	options=(--target-ms "$target_ms" --trials "$trials")
fi
make_cpio "${options[*]}" "$work/bench.cpio"

# ---------------------------------------------------------------- running
# boot NAME TIMEOUT QEMU-ARGS...: the machine with these arguments, its
# console stamped line by line into $runs/NAME.log ("SECONDS LINE"), with
# "@bench qemu-start SECONDS" first and "@bench qemu-exit STATUS SECONDS"
# last; the plain console (no stamps) goes to $runs/NAME.txt.
boot() {
	local name=$1 timeout_s=$2
	shift 2
	{
		echo "@bench qemu-start $EPOCHREALTIME"
		st=0
		timeout -k 5 "$timeout_s" "${QEMU_MACHINE[@]}" "$@" -serial stdio -monitor none \
			</dev/null 2>"$runs/$name.stderr" || st=$?
		echo "@bench qemu-exit $st $EPOCHREALTIME"
	} | while IFS= read -r line || [ -n "$line" ]; do
		printf '%s %s\n' "$EPOCHREALTIME" "${line%$'\r'}"
	done >"$runs/$name.log"
	cut -d' ' -f2- "$runs/$name.log" | grep -v '^@bench ' >"$runs/$name.txt" || true
}

# boot_times NAME: "FIRST_OUTPUT TOTAL" in seconds ("-" for what never came).
boot_times() {
	awk '$2 == "@bench" && $3 == "qemu-start" { t0 = $4 }
	     $2 == "strata-bench:" && $3 == "start" && first == "" { first = $1 - t0 }
	     $2 == "@bench" && $3 == "qemu-exit" { total = $5 - t0 }
	     END { printf "%s %s\n", first == "" ? "-" : first, total == "" ? "-" : total }' \
		"$runs/$1.log"
}

# check_console LABEL FILE: every row reported and none failed (smoke test).
check_console() {
	local label=$1 file=$2 missing
	missing=$(cut -f1 "$runs/rows.tsv" | while read -r row; do
		grep -q "^row $row " "$file" || echo "$row"
	done)
	if [ -z "$missing" ] && grep -q "^strata-bench: done rows=$n_rows failed=0 " "$file" &&
		! grep -qE 'TRAP: unhandled|panic|BUG' "$file"; then
		echo "PASS bench:every_row_runs_once_on_$label"
	else
		echo "FAIL bench:every_row_runs_once_on_$label (rows missing: ${missing//$'\n'/ })"
		grep '^row-failed ' "$file" | sed 's/^/    | /' || true
		tail -n 15 "$file" | sed 's/^/    | /'
		return 1
	fi
}

strata_iso=$work/strata.iso
tools/mkiso.sh "$build/kernel.elf" "$strata_cmdline" "$strata_iso" "$work/bench.cpio"

if [ $smoke = 1 ]; then
	status=0
	"$prog" --quick >"$runs/host.txt" 2>&1 || true
	check_console host "$runs/host.txt" || status=1
	boot strata 120 -cdrom "$strata_iso" -boot d
	check_console strata "$runs/strata.txt" || status=1
	exit $status
fi

vmlinuz=$(tools/linux-kernel.sh)
linux_version=$(sed -n 's/^Version: //p' "$(dirname "$vmlinuz")/version" 2>/dev/null || true)

echo "bench.sh: $n_rows rows; host, then Strata, then Linux (consoles in $runs/)"
# Whatever else runs on the host slows the emulator down: say how busy it was.
load_before=$(cut -d' ' -f1 /proc/loadavg)
"$prog" "${options[@]}" >"$runs/host.txt" 2>&1 || true
echo "bench.sh: host done ($(sed -n 's/^strata-bench: done .*seconds=//p' "$runs/host.txt") s)"
boot strata 300 -cdrom "$strata_iso" -boot d
echo "bench.sh: Strata done ($(boot_times strata | awk '{ printf "%.1f", $2 }') s)"
boot linux 300 -kernel "$vmlinuz" -initrd "$work/bench.cpio" -append "$linux_cmdline"
echo "bench.sh: Linux done ($(boot_times linux | awk '{ printf "%.1f", $2 }') s)"
echo

load_after=$(cut -d' ' -f1 /proc/loadavg)
read -r strata_first strata_total < <(boot_times strata)
read -r linux_first linux_total < <(boot_times linux)
objcopy --strip-all "$build/kernel.elf" "$work/kernel.stripped"
layer_dirs=("$layer"-*/)
layer_name=${layer_dirs[0]%/}
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
git_rev=$(git describe --always --dirty 2>/dev/null || echo unknown)
machine="${QEMU_MACHINE[*]:1}"

report() {	# report table|md|json
	awk -F'\t' -f tools/bench-report.awk -v out="$1" \
		-v layer_name="$layer_name" -v target_ms="$target_ms" -v trials="$trials" \
		-v date="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -v command="make bench LAYER=$layer" \
		-v git="$git_rev" -v host_desc="$cpu, $(nproc) CPUs, Linux $(uname -r)" \
		-v host_load="$load_before $load_after" \
		-v qemu_version="$(qemu-system-x86_64 --version | head -n 1)" -v machine="$machine" \
		-v strata_image="$build/kernel.elf" -v strata_bytes="$(stat -c %s "$build/kernel.elf")" \
		-v strata_stripped_bytes="$(stat -c %s "$work/kernel.stripped")" \
		-v strata_cmdline="$strata_cmdline" -v strata_first="$strata_first" \
		-v strata_total="$strata_total" \
		-v linux_image="$(sed -n 's/^Package: //p' "$(dirname "$vmlinuz")/version" 2>/dev/null ||
			echo "$vmlinuz")" \
		-v linux_version="$linux_version" -v linux_bytes="$(stat -c %s "$vmlinuz")" \
		-v linux_cmdline="$linux_cmdline" -v linux_first="$linux_first" \
		-v linux_total="$linux_total" \
		src=list "$runs/rows.tsv" src=host "$runs/host.txt" src=strata "$runs/strata.txt" \
		src=linux "$runs/linux.txt"
}
report table | tee "$runs/table.txt"
report md >"build/bench/$stamp.md"
report json >"build/bench/$stamp.json"
echo
echo "results: build/bench/$stamp.json, the table in Markdown: build/bench/$stamp.md"
if tools/bench-plot.sh "build/bench/$stamp.json" >/dev/null; then
	echo "chart of the ratios: build/bench/$stamp.png"
fi

# Every row must have its ratio.
status=0
for kernel in strata linux; do
	grep -q "^strata-bench: done rows=$n_rows failed=0 " "$runs/$kernel.txt" || {
		echo "bench.sh: $kernel did not run every row; its console: $runs/$kernel.txt" >&2
		status=1
	}
done
exit $status
