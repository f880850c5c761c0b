#!/usr/bin/env bash
# mkesp.sh - build the FAT image of an EFI system partition for the UEFI boot path.
#
#   tools/mkesp.sh LOADER.EFI KERNEL.ELF 'CMDLINE' OUT.img [INITRAMFS]
#   tools/mkesp.sh --set-cmdline IMG 'CMDLINE'
#
# The image holds
#   \EFI\BOOT\BOOTX64.EFI   the loader, on the removable-media path the
#                           firmware boots without any boot entry
#   \boot\kernel.elf        the kernel
#   \boot\cmdline.txt       CMDLINE and a newline, only if CMDLINE is not empty
#   \boot\initramfs.cpio    INITRAMFS, if given
# It is a bare FAT file system without a partition table ("superfloppy"),
# which OVMF accepts as a disk; mtools writes it with no root rights and no
# loop device.  --set-cmdline replaces (or, for '', removes) the command
# line of an existing image in place: the test runner boots one copy of the
# image per command line that way.
set -euo pipefail

usage() {
	echo "usage: $0 LOADER.EFI KERNEL.ELF 'CMDLINE' OUT.img [INITRAMFS]" >&2
	echo "       $0 --set-cmdline IMG 'CMDLINE'" >&2
	exit 2
}

die() {
	echo "mkesp.sh: $*" >&2
	exit 1
}

# mtools refuses images whose geometry it finds odd unless told not to care.
export MTOOLS_SKIP_CHECK=1

# The loader keeps the first line only, at most 511 bytes (BOOT_CMDLINE_MAX - 1).
check_cmdline() {
	[[ $1 != *$'\n'* ]] || die "the command line must be a single line"
	((${#1} <= 511)) || die "the command line is longer than 511 bytes"
}

# set_cmdline IMG CMDLINE: write \boot\cmdline.txt, or remove it for ''.
set_cmdline() {
	local img=$1 cmdline=$2 tmp

	check_cmdline "$cmdline"
	if [[ -z $cmdline ]]; then
		if mdir -i "$img" ::/boot/cmdline.txt >/dev/null 2>&1; then
			mdel -i "$img" ::/boot/cmdline.txt
		fi
		return
	fi
	tmp=$(mktemp)
	printf '%s\n' "$cmdline" >"$tmp"
	if ! mcopy -o -i "$img" "$tmp" ::/boot/cmdline.txt; then
		rm -f "$tmp"
		die "cannot write the command line into $img"
	fi
	rm -f "$tmp"
}

if [[ ${1-} == --set-cmdline ]]; then
	(($# == 3)) || usage
	[[ -f $2 ]] || die "$2: no such image"
	set_cmdline "$2" "$3"
	exit 0
fi

(($# == 4 || $# == 5)) || usage
loader=$1 kernel=$2 cmdline=$3 out=$4 initramfs=${5-}
for f in "$loader" "$kernel" ${initramfs:+"$initramfs"}; do
	[[ -f $f && -r $f ]] || die "$f: not a readable file"
done
check_cmdline "$cmdline"

# Size: the files, plus a tenth for cluster rounding, plus 2 MiB for the
# FATs and directories; at least 8 MiB, in whole MiB.
bytes=$(($(stat -c %s "$loader") + $(stat -c %s "$kernel") + ${#cmdline} + 1))
[[ -z $initramfs ]] || bytes=$((bytes + $(stat -c %s "$initramfs")))
mib=$(((bytes + bytes / 10 + (1 << 20) - 1) / (1 << 20) + 2))
((mib >= 8)) || mib=8

# Build beside OUT and rename at the end, so a failure leaves no half image.
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
rm -f "$tmp"
truncate -s "${mib}M" "$tmp"
mformat -i "$tmp" -v STRATA ::
mmd -i "$tmp" ::/EFI ::/EFI/BOOT ::/boot
mcopy -i "$tmp" "$loader" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$tmp" "$kernel" ::/boot/kernel.elf
[[ -z $initramfs ]] || mcopy -i "$tmp" "$initramfs" ::/boot/initramfs.cpio
set_cmdline "$tmp" "$cmdline"
mv "$tmp" "$out"
trap - EXIT
