#!/usr/bin/env bash
# deps.sh [EXTRA...] - install the Debian packages the build, the emulators
# and the tests need, if any is missing.  EXTRA adds optional groups: gdb.
#
# Runs apt-get as root, or through sudo; says what to do if neither works.
set -euo pipefail

packages=(
	# the kernel and the host tests (ASan and UBSan come with gcc)
	make gcc binutils libc6-dev
	# syscall numbers for the kernel (asm/unistd_64.h)
	linux-libc-dev
	# user programs for the initramfs: musl-gcc and a static BusyBox; cpio to inspect
	musl-tools busybox-static cpio
	# the UEFI loader
	gnu-efi
	# QEMU and its UEFI firmware
	qemu-system-x86 ovmf
	# Bochs and its BIOS; "term" is its only display library that needs no X
	bochs bochsbios vgabios bochs-term
	# the GRUB ISO (grub-mkrescue) and the FAT system partition image
	grub-pc-bin grub-common xorriso mtools
	# script(1) to give Bochs a terminal, timeout, awk
	util-linux coreutils gawk
	# make check, make docs
	sparse cppcheck doxygen graphviz
	# make bench's chart (Debian's Linux kernel it fetches itself: tools/linux-kernel.sh)
	gnuplot-nox
)
for extra in "$@"; do
	case $extra in
	gdb) packages+=(gdb) ;;
	*) echo "deps.sh: unknown group '$extra'" >&2; exit 2 ;;
	esac
done

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps.sh: installing ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
	sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo=(sudo)
else
	echo "deps.sh: these Debian packages are missing and I cannot install them" >&2
	echo "because this is not root and sudo needs a password; run:" >&2
	echo "  sudo apt-get install ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

