#!/usr/bin/env bash
# linux-kernel.sh - print the path of Debian's Linux kernel image, the
# baseline `make bench` boots beside this kernel; fetch it first if needed.
#
#   linux-kernel.sh            prints e.g. build/linux/linux-image-6.1.0-56-amd64/vmlinuz
#   LINUX_VMLINUZ=FILE linux-kernel.sh    prints FILE (any readable bzImage)
#
# The kernel is the one Debian's metapackage linux-image-amd64 depends on
# today (linux-image-6.1.0-N-amd64).  That package is fetched with
# `apt-get download` and only its boot/vmlinuz-* (and boot/config-*, to see
# how it was built) is unpacked with dpkg-deb into build/linux/PACKAGE/,
# together with a file "version".  It is not installed: installing a kernel
# package into the host runs its maintainer scripts (initramfs-tools builds an
# initrd, boot-loader hooks run), puts some 400 MiB of modules under
# /lib/modules, needs root and changes the machine; the benchmark needs one
# file, and a copy under build/ leaves the host as it was and works without
# root.  (A Debian host's own /boot/vmlinuz-* is readable there too, but
# which kernel that is depends on the machine, so it is used only when
# LINUX_VMLINUZ names it.)  The download is about 70 MiB, once; the .deb is
# deleted after unpacking.  Without a package list (apt-get update never
# run), an image fetched before is used; failing that, the lists are read
# (apt-get update, as root or through sudo) and the question asked again.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/build/linux

if [ -n "${LINUX_VMLINUZ:-}" ]; then
	[ -r "$LINUX_VMLINUZ" ] || { echo "linux-kernel.sh: cannot read $LINUX_VMLINUZ" >&2; exit 1; }
	echo "$LINUX_VMLINUZ"
	exit 0
fi

# The package the metapackage points at, e.g. linux-image-6.1.0-56-amd64.
package_name() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1
}
pkg=$(package_name)
if [ -z "$pkg" ]; then
	# No package list: use the newest image fetched before, if any; else
	# read the lists (as root, or through sudo) and ask again.
	cached=$(printf '%s\n' "$dir"/linux-image-*/vmlinuz | sort -V | tail -n 1)
	if [ -f "$cached" ]; then
		echo "$cached"
		exit 0
	fi
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq >&2 || true
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo apt-get update -qq >&2 || true
	fi
	pkg=$(package_name)
	[ -n "$pkg" ] || {
		echo "linux-kernel.sh: apt knows no linux-image-amd64; run 'apt-get update' as root" >&2
		exit 1
	}
fi

out=$dir/$pkg
if [ -f "$out/vmlinuz" ]; then
	echo "$out/vmlinuz"
	exit 0
fi

echo "linux-kernel.sh: fetching $pkg (about 70 MiB, once) into build/linux/" >&2
mkdir -p "$dir"
work=$(mktemp -d "$dir/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
# As root, apt warns that its sandbox user cannot write here; that is harmless.
if ! (cd "$work" && apt-get download "$pkg" >"$work/apt.log" 2>&1); then
	cat "$work/apt.log" >&2
	echo "linux-kernel.sh: apt-get download $pkg failed" >&2
	exit 1
fi
deb=$(ls "$work"/*.deb)
mkdir -p "$work/x"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work/x" --wildcards './boot/vmlinuz-*' './boot/config-*'
mkdir -p "$out.new"
mv "$work"/x/boot/vmlinuz-* "$out.new/vmlinuz"
mv "$work"/x/boot/config-* "$out.new/config"
dpkg-deb -f "$deb" Package Version >"$out.new/version"
rm -rf "$out"
mv "$out.new" "$out"
echo "$out/vmlinuz"
