#!/usr/bin/env bash
# mkiso.sh KERNEL.elf 'CMDLINE' OUT.iso [INITRAMFS]
# A GRUB rescue ISO (BIOS boot) that loads KERNEL through Multiboot2, with
# the console on COM1 and no menu delay.
set -euo pipefail
if [ $# -lt 3 ] || [ ! -f "$1" ]; then
	echo "usage: mkiso.sh KERNEL.elf 'CMDLINE' OUT.iso [INITRAMFS]" >&2
	exit 2
fi
kernel=$1 cmdline=$2 out=$3 initramfs=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/iso
mkdir -p "$stage/boot/grub"
cp "$kernel" "$stage/boot/kernel.elf"
{
	echo 'serial --unit=0 --speed=115200'
	echo 'terminal_input serial'
	echo 'terminal_output serial'
	echo 'set timeout=0'
	echo 'menuentry "Strata" {'
	echo "	multiboot2 /boot/kernel.elf $cmdline"
	if [ -n "$initramfs" ]; then
		cp "$initramfs" "$stage/boot/initramfs.cpio"
		echo '	module2 /boot/initramfs.cpio initramfs'
	fi
	echo '	boot'
	echo '}'
} > "$stage/boot/grub/grub.cfg"
mkdir -p "$(dirname "$out")"
# Only the BIOS (i386-pc) platform: the ISO is for GRUB under QEMU's SeaBIOS and Bochs.
grub-mkrescue -d /usr/lib/grub/i386-pc -o "$out" "$stage" >/dev/null 2>"$work/log" || {
	cat "$work/log" >&2
	exit 1
}
