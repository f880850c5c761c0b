#!/usr/bin/env bash
# ktest.sh - boot a kernel with ktest=PATTERN and turn its report into results.
#
#   ktest.sh --layer NN --boot uefi|multiboot|bochs --pattern 'P' [--label L]
#            [--timeout S] [--cmdline 'MORE WORDS'] [--log FILE]
#
# Prints "PASS L:name" or "FAIL L:name" for every test the kernel reported,
# and "FAIL L:boot ..." with the last lines of the console when the kernel
# hung (killed at the timeout), crashed or stopped before its summary.
# Exits 0 only if the summary arrived, at least one test ran and none failed.
set -uo pipefail

layer="" boot=multiboot pattern=all label="" timeout_s="" cmdline="" log=""
while [ $# -gt 0 ]; do
	case $1 in
	--layer) layer=$2; shift 2 ;;
	--boot) boot=$2; shift 2 ;;
	--pattern) pattern=$2; shift 2 ;;
	--label) label=$2; shift 2 ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	*) echo "ktest.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
top=$(cd "$(dirname "$0")/.." && pwd)
label=${label:-$boot}
# Software emulation is slow, Bochs slower: generous defaults, never part of pass/fail speed.
if [ -z "$timeout_s" ]; then
	case $boot in uefi) timeout_s=180 ;; bochs) timeout_s=300 ;; *) timeout_s=120 ;; esac
fi
tmplog=""
if [ -z "$log" ]; then
	tmplog=$(mktemp)
	log=$tmplog
fi
trap '[ -n "$tmplog" ] && rm -f "$tmplog"' EXIT

status=0
"$top/tools/run.sh" --layer "$layer" --boot "$boot" --log "$log" --timeout "$timeout_s" \
	--cmdline "ktest=$pattern${cmdline:+ $cmdline}" || status=$?

# The console has \r\n line ends and may have GRUB's escape sequences.
clean=$(tr -d '\r' < "$log" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g')
tail_lines() { printf '%s\n' "$clean" | tail -n 15 | sed 's/^/    | /'; }

printf '%s\n' "$clean" | awk -v label="$label" '
	/ktest: (PASS|FAIL) / {
		sub(/.*ktest: /, "")
		print $1 " " label ":" $2
	}'

summary=$(printf '%s\n' "$clean" | grep -E 'ktest: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
if [ $status = 124 ] || [ $status = 137 ]; then
	echo "FAIL $label:boot (hung: killed after ${timeout_s}s; last lines of COM1:)"
	tail_lines
	exit 1
fi
if [ -z "$summary" ]; then
	echo "FAIL $label:boot (no test summary; emulator exit status $status; last lines of COM1:)"
	tail_lines
	exit 1
fi
passed=$(sed -E 's/.*ktest: ([0-9]+) passed.*/\1/' <<<"$summary")
failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")
if [ "$failed" != 0 ] || [ "$passed" = 0 ]; then
	[ "$passed" = 0 ] && echo "FAIL $label:boot (no test matched '$pattern')"
	# Show the reasons printed before each FAIL line.
	printf '%s\n' "$clean" | grep -E 'ktest:   ' | sed 's/^/    | /'
	exit 1
fi
# QEMU reports the power-off status: 1 means status 0, every test passed.
if [ "$boot" != bochs ] && [ $status != 1 ]; then
	echo "FAIL $label:boot (summary says all passed, but QEMU exited with $status)"
	exit 1
fi
exit 0
