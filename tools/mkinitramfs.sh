#!/usr/bin/env bash
# mkinitramfs.sh - build the initramfs (cpio newc) for a layer's kernel.
#
#   mkinitramfs.sh OUT.cpio BUILD_DIR [--extra DIR]...
#   mkinitramfs.sh --deps BUILD_DIR [--extra DIR]...
#
# BUILD_DIR is build/NN: the archive gets what the layers up to NN provide.
#   /bin/busybox (Debian's busybox-static) and a symlink per applet
#   /dev: console 5:1, tty 5:0, ttyS0 4:64, null 1:3, zero 1:5, full 1:7
#   /etc/passwd, /etc/group (root only), /etc/strata-layer (e.g. "20-proc")
#   /tmp (1777), /root (0700)
#   /init               the highest layer's NN-*/user/init.sh
#   /bin/NAME           each NN-*/user/NAME.c, built with musl-gcc -static
#   /tests/contracts/AREA/NAME and run-guest.sh (see tools/contracts.sh)
#   /tests/busybox/*, /tests/stress/*  NN-*/tests/busybox and tests/stress
# Each --extra DIR adds DIR's tree at the root, keeping relative paths and
# modes; a path it shares with the above replaces it.
#
# Programs are compiled into BUILD_DIR only when their sources changed, and
# the archive is written to OUT.cpio.tmp, then renamed: a failed run never
# leaves a half-written archive.  The spec it was made from (tools/mkcpio.c)
# is kept as OUT.spec.  --deps prints every input file, one a
# line, for a Makefile rule's prerequisites.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

usage() {
	echo "usage: mkinitramfs.sh OUT.cpio BUILD_DIR [--extra DIR]... | --deps BUILD_DIR [--extra DIR]..." >&2
	exit 2
}
[ $# -ge 2 ] || usage
deps_only=0
if [ "$1" = --deps ]; then
	deps_only=1
	out=""
else
	out=$1
fi
build=$2
shift 2
extras=()
while [ $# -gt 0 ]; do
	if [ "$1" != --extra ] || [ $# -lt 2 ]; then
		usage
	fi
	[ -d "$2" ] || { echo "mkinitramfs.sh: --extra $2 is not a directory" >&2; exit 2; }
	extras+=("$(cd "$2" && pwd)")
	shift 2
done
layer=$(basename "$build")
case $layer in
[0-9][0-9]) ;;
*) echo "mkinitramfs.sh: BUILD_DIR must be build/NN, not '$build'" >&2; exit 2 ;;
esac
mkdir -p "$build"
build=$(cd "$build" && pwd)

# The layer directories this kernel is made of, lowest first.
layers=()
for d in "$top"/[0-9][0-9]-*/; do
	d=${d%/}
	n=$(basename "$d")
	n=${n%%-*}
	[ "$((10#$n))" -le "$((10#$layer))" ] && layers+=("$d")
done
[ ${#layers[@]} -gt 0 ] || { echo "mkinitramfs.sh: no layer up to $layer" >&2; exit 2; }
layer_name=$(basename "${layers[-1]}")

busybox=$(command -v busybox || true)
[ -n "$busybox" ] || {
	echo "mkinitramfs.sh: busybox is missing (apt-get install busybox-static)" >&2
	exit 1
}
busybox=$(readlink -f "$busybox")

# Every input, for --deps: the tools, the layers' user space, busybox.
list_inputs() {
	local d
	echo "$top/tools/mkinitramfs.sh"
	echo "$top/tools/mkcpio.c"
	echo "$top/tools/contracts.sh"
	echo "$busybox"
	for d in "${layers[@]}"; do
		[ -d "$d/user" ] && find "$d/user" -type f
		for sub in tests/contracts tests/busybox tests/stress; do
			[ -d "$d/$sub" ] && find "$d/$sub" -type f
		done
	done
	for d in "${extras[@]}"; do
		find "$d" ! -type d
	done
	return 0
}
if [ $deps_only = 1 ]; then
	list_inputs | LC_ALL=C sort
	exit 0
fi

if readelf -l "$busybox" 2>/dev/null | grep -q INTERP; then
	echo "mkinitramfs.sh: $busybox is dynamically linked; install busybox-static" >&2
	exit 1
fi

# ---------------------------------------------------------------- programs
mkcpio=$build/host-tools/mkcpio
if [ ! -x "$mkcpio" ] || [ "$top/tools/mkcpio.c" -nt "$mkcpio" ]; then
	mkdir -p "$(dirname "$mkcpio")"
	gcc -O2 -Wall -Wextra -Werror -o "$mkcpio.tmp" "$top/tools/mkcpio.c"
	mv "$mkcpio.tmp" "$mkcpio"
fi

"$top/tools/contracts.sh" --compile "$build"

user_bins=()
for d in "${layers[@]}"; do
	for src in "$d"/user/*.c; do
		[ -f "$src" ] || continue
		bin=$build/user/$(basename "$src" .c)
		if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
			mkdir -p "$build/user"
			musl-gcc -static -O2 -std=gnu11 -Wall -Wextra -Werror -o "$bin.tmp" "$src"
			mv "$bin.tmp" "$bin"
		fi
		user_bins+=("$bin")
	done
done

# ---------------------------------------------------------------- the spec
# Entries by path; written sorted (LC_ALL=C), which puts every directory
# before what it contains.  A later entry for a path replaces an earlier one.
declare -A entry=()
# (Parameter expansion, not dirname(1): a few hundred forks cost seconds.)
add_parent() {	# make sure PATH's directory exists without changing its mode
	local parent
	case $1 in
	*/*) parent=${1%/*} ;;
	*) return 0 ;;
	esac
	[ -n "${entry[$parent]+x}" ] || add_dir "$parent" 0755
}
add_dir() {	# add_dir PATH MODE: the directory and any missing parents
	add_parent "$1"
	entry[$1]="dir $1 $2 0 0"
}
file_entry() {	# file_entry PATH SOURCE MODE
	add_parent "$1"
	entry[$1]="file $1 $2 $3 0 0"
}
slink_entry() {	# slink_entry PATH TARGET
	add_parent "$1"
	entry[$1]="slink $1 $2 0777 0 0"
}
nod_entry() {	# nod_entry PATH MODE MAJOR MINOR
	add_parent "$1"
	entry[$1]="nod $1 $2 0 0 c $3 $4"
}
mode_of() {	# permission bits of a file, in octal
	printf '0%o' "$((0$(stat -c %a "$1") & 07777))"
}

for d in bin sbin usr/bin usr/sbin dev etc tests; do
	add_dir "$d" 0755
done
add_dir tmp 1777
add_dir root 0700

file_entry bin/busybox "$busybox" 0755
while read -r applet; do
	case $applet in
	bin/busybox | linuxrc | '') continue ;;	# the binary itself; initrd-only init
	esac
	slink_entry "$applet" /bin/busybox
done < <("$busybox" --list-full)

nod_entry dev/console 0600 5 1
nod_entry dev/tty 0666 5 0
nod_entry dev/ttyS0 0660 4 64
nod_entry dev/null 0666 1 3
nod_entry dev/zero 0666 1 5
nod_entry dev/full 0666 1 7

gen=$build/initramfs-files
mkdir -p "$gen"
echo 'root:x:0:0:root:/root:/bin/sh' >"$gen/passwd"
echo 'root:x:0:' >"$gen/group"
echo "$layer_name" >"$gen/strata-layer"
file_entry etc/passwd "$gen/passwd" 0644
file_entry etc/group "$gen/group" 0644
file_entry etc/strata-layer "$gen/strata-layer" 0644

for d in "${layers[@]}"; do
	[ -f "$d/user/init.sh" ] && file_entry init "$d/user/init.sh" 0755
done
[ -n "${entry[init]+x}" ] || {
	echo "mkinitramfs.sh: no NN-*/user/init.sh in the layers up to $layer" >&2
	exit 1
}
for bin in "${user_bins[@]}"; do
	file_entry "bin/$(basename "$bin")" "$bin" 0755
done

# Contract tests: the binaries of the sources that exist now (a deleted
# test's old binary stays out), and the guest runner.
for d in "${layers[@]}"; do
	c=$d/tests/contracts
	[ -d "$c" ] || continue
	for src in "$c"/*/*.c; do
		[ -f "$src" ] || continue
		rel=${src#"$c"/}
		rel=${rel%.c}
		file_entry "tests/contracts/$rel" "$build/contracts/$rel" 0755
	done
	[ -f "$c/run-guest.sh" ] && file_entry tests/contracts/run-guest.sh "$c/run-guest.sh" 0755
done
# The BusyBox suite and the stress scripts, as they are in the tree.
for d in "${layers[@]}"; do
	for sub in busybox stress; do
		[ -d "$d/tests/$sub" ] || continue
		for f in "$d/tests/$sub"/*; do
			[ -f "$f" ] && file_entry "tests/$sub/${f##*/}" "$f" "$(mode_of "$f")"
		done
	done
done

# --extra trees, relative paths and modes kept.
for x in "${extras[@]}"; do
	while IFS= read -r -d '' p; do
		rel=${p#"$x"/}
		if [ -L "$p" ]; then
			slink_entry "$rel" "$(readlink "$p")"
		elif [ -d "$p" ]; then
			add_parent "$rel"
			entry[$rel]="dir $rel $(mode_of "$p") 0 0"
		elif [ -f "$p" ]; then
			file_entry "$rel" "$p" "$(mode_of "$p")"
		else
			echo "mkinitramfs.sh: skipping $p (not a file, directory or symlink)" >&2
		fi
	done < <(find "$x" -mindepth 1 -print0)
done

for path in "${!entry[@]}"; do
	case $path in
	*[[:space:]]*)
		echo "mkinitramfs.sh: '$path' has white space, which the spec cannot hold" >&2
		exit 1
		;;
	esac
done

# ---------------------------------------------------------------- the archive
# The spec stays beside the archive it describes (build/NN/initramfs.spec
# for the build's own), so a run with --extra elsewhere leaves the build's
# alone and two runs at once do not share one.
spec=${out%.cpio}.spec
printf '%s\n' "${!entry[@]}" | LC_ALL=C sort | while read -r path; do
	echo "${entry[$path]}"
done >"$spec"
mkdir -p "$(dirname "$out")"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0} "$mkcpio" "$spec" >"$out.tmp" || {
	rm -f "$out.tmp"
	exit 1
}
mv "$out.tmp" "$out"
