#!/usr/bin/env bash
# contracts.sh - run the contract tests on the host's Linux and in the guest, and compare.
#
#   contracts.sh LAYER               compile, run on the host, boot the guest once, compare
#   contracts.sh LAYER --log FILE    compare with the console log FILE of an earlier guest run
#   contracts.sh --host-only [LAYER] compile and run on the host only: every test must exit 0
#   contracts.sh --compile BUILD_DIR compile into BUILD_DIR/contracts (mkinitramfs.sh uses it)
#
# A contract test is NN-*/tests/contracts/AREA/NAME.c, for every layer NN up
# to LAYER, built with musl-gcc -static into build/LAYER/contracts/AREA/NAME
# (only when its source or the layer's contract.h is newer).  The initramfs
# holds the same binaries under /tests/contracts/AREA/NAME.
#
# The guest runs NN-*/tests/contracts/run-guest.sh as init; it frames each
# test's standard output with
#     @@@ BEGIN AREA/NAME
#     @@@ END AREA/NAME status=N
# then prints its standard error as "@@@ stderr: LINE" lines, ends with
# "@@@ DONE" and powers off.  Here \r, escape sequences and kernel log lines
# ("[    1.234] ...") are removed from the console log, and each test's lines
# and status are compared with the host's.  Prints one line per test:
#     PASS LAYER:contract:AREA/NAME
#     XFAIL LAYER:contract:AREA/NAME (reason)      listed in xfail.txt, differs
#     FAIL LAYER:contract:AREA/NAME DIVERGE        and a short diff
#     FAIL LAYER:contract:AREA/NAME XPASS: remove it from xfail.txt
#     FAIL LAYER:contract:AREA/NAME (missing in guest: crashed or timed out)
# then "contracts: N PASS, N XFAIL, N DIVERGE, N FAIL".  Exits 0 iff no
# DIVERGE and no FAIL.
#
# xfail.txt (in each layer's tests/contracts/) has lines "AREA/NAME  reason";
# '#' starts a comment.  The lists of every layer up to LAYER apply; a line
# "!AREA/NAME" in a higher layer's list takes a lower layer's entry back
# (the higher layer fixed it).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

usage() {
	echo "usage: contracts.sh LAYER [--log FILE] | --host-only [LAYER] | --compile BUILD_DIR" >&2
	exit 2
}

mode=full layer="" build="" given_log=""
case ${1:-} in
--host-only) mode=host; layer=${2:-} ;;
--compile) mode=compile; build=${2:-}; [ -n "$build" ] || usage ;;
[0-9][0-9])
	layer=$1
	if [ "${2:-}" = --log ]; then
		given_log=${3:-}
		[ -f "$given_log" ] || usage
		given_log=$(cd "$(dirname "$given_log")" && pwd)/$(basename "$given_log")
	elif [ $# -gt 1 ]; then
		usage
	fi
	;;
*) usage ;;
esac
if [ $mode = compile ]; then
	layer=$(basename "$build")
else
	if [ -z "$layer" ]; then
		for d in [0-9][0-9]-*/; do layer=${d%%-*}; done	# the highest
	fi
	build=$top/build/$layer
fi
case $layer in
[0-9][0-9]) ;;
*) echo "contracts.sh: cannot tell the layer from '$layer'" >&2; exit 2 ;;
esac

# The contract directories of every layer up to this one.
contract_dirs=()
for d in [0-9][0-9]-*/; do
	n=${d%%-*}
	[ "$((10#$n))" -le "$((10#$layer))" ] || continue
	[ -d "${d}tests/contracts" ] && contract_dirs+=("${d}tests/contracts")
done

# ------------------------------------------------------------- compiling
# Every test as "AREA/NAME SOURCE", in name order.
list_tests() {
	local dir src rel
	for dir in "${contract_dirs[@]}"; do
		for src in "$dir"/*/*.c; do
			[ -f "$src" ] || continue
			rel=${src#"$dir"/}
			echo "${rel%.c} $src"
		done
	done | sort
}

compile_failed=()
compile_all() {
	local name src bin dups header
	command -v musl-gcc >/dev/null || {
		echo "contracts.sh: musl-gcc is missing (apt-get install musl-tools)" >&2
		exit 2
	}
	dups=$(list_tests | cut -d' ' -f1 | uniq -d)
	if [ -n "$dups" ]; then
		echo "contracts.sh: two layers have a contract test named: $dups" >&2
		exit 2
	fi
	# (Parameter expansion rather than dirname(1): this runs on every build.)
	while read -r name src; do
		bin=$build/contracts/$name
		header=${src%/*/*}/contract.h
		if [ -x "$bin" ] && [ "$bin" -nt "$src" ] &&
			{ [ ! -f "$header" ] || [ "$bin" -nt "$header" ]; }; then
			continue
		fi
		mkdir -p "${bin%/*}"
		if ! musl-gcc -static -O2 -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
			-Werror -o "$bin.tmp" "$src" >"$bin.log" 2>&1; then
			rm -f "$bin.tmp"
			compile_failed+=("$name")
			continue
		fi
		mv "$bin.tmp" "$bin"
		rm -f "$bin.log"
	done < <(list_tests)
}

compile_all
if [ $mode = compile ]; then
	if [ ${#compile_failed[@]} -gt 0 ]; then
		for name in "${compile_failed[@]}"; do
			echo "contracts.sh: $name does not compile:" >&2
			sed 's/^/    | /' "$build/contracts/$name.log" >&2
		done
		exit 1
	fi
	exit 0
fi

# ------------------------------------------------------------- the host run
run=$build/contracts-run
rm -rf "$run"
mkdir -p "$run/host" "$run/guest"
npass=0 nxfail=0 ndiverge=0 nfail=0

is_compile_failure() {
	local f
	for f in "${compile_failed[@]}"; do [ "$f" = "$1" ] && return 0; done
	return 1
}

command -v busybox >/dev/null || {
	echo "contracts.sh: busybox is missing (apt-get install busybox-static)" >&2
	exit 2
}
tests=()
while read -r name src; do
	tests+=("$name")
	mkdir -p "$(dirname "$run/host/$name")"
	is_compile_failure "$name" && continue
	tmp=$(mktemp -d)
	# BusyBox's timeout, as in the guest: it execs the test, so a test
	# killed by a signal shows as 128+N on both sides.
	(cd "$tmp" && CONTRACT_TMP=$tmp busybox timeout 10 "$build/contracts/$name" \
		</dev/null >"$run/host/$name.out" 2>"$run/host/$name.err")
	echo $? >"$run/host/$name.status"
	rm -rf "$tmp"
done < <(list_tests)

label=$layer:contract
show_file() { sed 's/^/    | /' "$1" | head -n "${2:-20}"; }

if [ $mode = host ]; then
	for name in "${tests[@]}"; do
		if is_compile_failure "$name"; then
			echo "FAIL $layer:contract-host:$name (does not compile)"
			show_file "$build/contracts/$name.log"
			nfail=$((nfail + 1))
		elif [ "$(cat "$run/host/$name.status")" = 0 ]; then
			echo "PASS $layer:contract-host:$name"
			npass=$((npass + 1))
		else
			echo "FAIL $layer:contract-host:$name (exit status $(cat "$run/host/$name.status"))"
			tail -n 8 "$run/host/$name.out" "$run/host/$name.err" | sed 's/^/    | /'
			nfail=$((nfail + 1))
		fi
	done
	echo "contracts on the host: $npass PASS, $nfail FAIL (output in ${run#"$top"/}/host)"
	[ $nfail = 0 ] && [ $npass -gt 0 ]
	exit
fi

# ------------------------------------------------------------- the guest run
boot_status=0
if [ -n "$given_log" ]; then
	log=$given_log
	boot_status="(none: --log given)"
else
	if [ ! -f "$build/kernel.elf" ] || [ ! -f "$build/initramfs.cpio" ]; then
		echo "FAIL $label:boot (no kernel or initramfs in build/$layer: run 'make LAYER=$layer')"
		exit 1
	fi
	if [ -n "$(find "$build/contracts" -type f -newer "$build/initramfs.cpio" ! -name '*.log' | head -n 1)" ]; then
		echo "FAIL $label:initramfs_is_current (test binaries newer than build/$layer/initramfs.cpio: run 'make LAYER=$layer')"
		exit 1
	fi
	log=$run/guest.log
	tools/run.sh --layer "$layer" --boot multiboot --log "$log" --timeout 600 \
		--cmdline "init=/tests/contracts/run-guest.sh loglevel=3" || boot_status=$?
	touch "$log"
fi

# Console log -> one NAME.out, NAME.status and NAME.err per test.
for name in "${tests[@]}"; do mkdir -p "$(dirname "$run/guest/$name")"; done
tr -d '\r' <"$log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' |
	grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' >"$run/guest-clean.log"
awk -v dir="$run/guest" '
	/^@@@ BEGIN / {
		cur = $3; last = ""
		if (cur !~ /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/) { cur = ""; next }
		out = dir "/" cur ".out"; printf "" > out
		next
	}
	/^@@@ END / {
		if (cur != "" && $3 == cur) {
			st = $4; sub(/^status=/, "", st)
			print st > (dir "/" cur ".status")
			close(out); close(dir "/" cur ".status")
			last = cur
		}
		cur = ""
		next
	}
	/^@@@ stderr: / {
		if (last != "") { sub(/^@@@ stderr: /, ""); print >> (dir "/" last ".err") }
		next
	}
	/^@@@ / { next }
	cur != "" { print > out }
' "$run/guest-clean.log"

# The expected failures: "AREA/NAME reason", later layers may take one back.
declare -A xfail=()
for dir in "${contract_dirs[@]}"; do
	[ -f "$dir/xfail.txt" ] || continue
	while read -r name reason; do
		case $name in
		'' | '#'*) continue ;;
		'!'*) unset "xfail[${name#!}]" ;;
		*) xfail[$name]=${reason:-no reason given} ;;
		esac
	done <"$dir/xfail.txt"
done

for name in "${tests[@]}"; do
	h=$run/host/$name g=$run/guest/$name
	listed=${xfail[$name]+yes}
	if is_compile_failure "$name"; then
		echo "FAIL $label:$name (does not compile)"
		show_file "$build/contracts/$name.log"
		nfail=$((nfail + 1))
	elif [ "$(cat "$h.status")" != 0 ]; then
		echo "FAIL $label:$name (fails on the host: exit status $(cat "$h.status"); fix the test)"
		tail -n 8 "$h.out" | sed 's/^/    | /'
		nfail=$((nfail + 1))
	elif [ ! -f "$g.status" ]; then
		if [ -n "$listed" ]; then
			echo "XFAIL $label:$name (${xfail[$name]})"
			nxfail=$((nxfail + 1))
		else
			echo "FAIL $label:$name (missing in guest: crashed or timed out)"
			[ -f "$g.out" ] && show_file "$g.out" 10
			nfail=$((nfail + 1))
		fi
	elif cmp -s "$h.out" "$g.out" && [ "$(cat "$h.status")" = "$(cat "$g.status")" ]; then
		if [ -n "$listed" ]; then
			echo "FAIL $label:$name XPASS: remove it from xfail.txt"
			nfail=$((nfail + 1))
		else
			echo "PASS $label:$name"
			npass=$((npass + 1))
		fi
	elif [ -n "$listed" ]; then
		echo "XFAIL $label:$name (${xfail[$name]})"
		nxfail=$((nxfail + 1))
	else
		echo "FAIL $label:$name DIVERGE"
		diff -u --label host --label guest "$h.out" "$g.out" | head -n 24 | sed 's/^/    | /'
		[ "$(cat "$h.status")" = "$(cat "$g.status")" ] ||
			echo "    | exit status: host $(cat "$h.status"), guest $(cat "$g.status")"
		[ -s "$g.err" ] && head -n 5 "$g.err" | sed 's/^/    | stderr: /'
		ndiverge=$((ndiverge + 1))
	fi
done

if ! grep -q '^@@@ DONE' "$run/guest-clean.log"; then
	echo "FAIL $label:guest_run_completes (no '@@@ DONE'; emulator exit status $boot_status; last lines of COM1:)"
	tail -n 15 "$run/guest-clean.log" | sed 's/^/    | /'
	nfail=$((nfail + 1))
fi
echo "contracts: $npass PASS, $nxfail XFAIL, $ndiverge DIVERGE, $nfail FAIL (logs in ${run#"$top"/})"
[ $ndiverge = 0 ] && [ $nfail = 0 ]
