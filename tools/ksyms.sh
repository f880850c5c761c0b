#!/usr/bin/env bash
# ksyms.sh - the kernel's symbol table, for symbolised backtraces.
#
#   ksyms.sh empty                 assembly for an empty table (first link)
#   ksyms.sh generate KERNEL.elf   assembly for the table of KERNEL's functions
#   ksyms.sh verify FIRST.elf FINAL.elf
#                                  check that filling the table moved no symbol
#
# The table lives in .ksyms, the last section of the image (kernel.ld), so
# the second link changes nothing before it; verify proves that.
set -euo pipefail

header() {
	printf '\t.section .ksyms, "a"\n\t.balign 8\n'
	printf '\t.globl ksyms_num, ksyms_addr, ksyms_name_off, ksyms_names\n'
}

case "${1:-}" in
empty)
	header
	printf 'ksyms_num:\n\t.quad 0\nksyms_addr:\nksyms_name_off:\nksyms_names:\n\t.byte 0\n'
	;;
generate)
	[ -f "${2:-}" ] || { echo "ksyms.sh: no such kernel: ${2:-}" >&2; exit 1; }
	header
	# Text symbols (t/T, and weak W) sorted by address.
	nm -n --defined-only "$2" | awk '
		BEGIN { n = 0 }
		$2 ~ /^[tTW]$/ { addr[n] = $1; name[n] = $3; n++ }
		END {
			printf "ksyms_num:\n\t.quad %d\nksyms_addr:\n", n
			for (i = 0; i < n; i++) printf "\t.quad 0x%s\n", addr[i]
			printf "\t.balign 4\nksyms_name_off:\n"
			off = 0
			for (i = 0; i < n; i++) { printf "\t.long %d\n", off; off += length(name[i]) + 1 }
			printf "ksyms_names:\n"
			for (i = 0; i < n; i++) printf "\t.asciz \"%s\"\n", name[i]
		}'
	;;
verify)
	[ -f "${2:-}" ] && [ -f "${3:-}" ] || { echo "usage: ksyms.sh verify FIRST FINAL" >&2; exit 2; }
	# Everything but the table itself and the end-of-image symbols after it.
	filter() { nm -n "$1" | grep -Ev ' (ksyms_[a-z_]+|__kernel_end|__kernel_phys_end)$'; }
	if ! diff <(filter "$2") <(filter "$3") >/dev/null; then
		echo "ksyms.sh: the symbol table moved other symbols; .ksyms must stay the last section" >&2
		diff <(filter "$2") <(filter "$3") | head -20 >&2
		exit 1
	fi
	;;
*)
	echo "usage: ksyms.sh empty | generate KERNEL.elf | verify FIRST.elf FINAL.elf" >&2
	exit 2
	;;
esac
