#!/usr/bin/env bash
# run.sh - boot a layer's kernel in QEMU (UEFI or Multiboot2) or Bochs.
#
#   run.sh --layer NN --boot uefi|multiboot|bochs [--cmdline 'WORDS']
#          [--interactive] [--gdb] [--log FILE] [--timeout SECONDS] [--esp IMG]
#          [--initramfs CPIO]   (default: build/NN/initramfs.cpio if the layer builds one)
#          [--disk IMG]         (QEMU only: IMG as a raw virtio-blk disk, writable)
#
# Interactive: COM1 is this terminal (QEMU: Ctrl-A X quits).  Otherwise COM1
# goes to --log, standard input is closed, and the machine is killed after
# --timeout seconds (exit status 124, as timeout(1) reports it).  QEMU's exit
# status is the kernel's power-off status: (status << 1) | 1.
# Images come from build/NN/ (make LAYER=NN builds them).
set -euo pipefail

layer="" boot=uefi cmdline="" interactive=0 gdb=0 log="" timeout_s=120 esp="" initramfs="" disk=""
while [ $# -gt 0 ]; do
	case $1 in
	--layer) layer=$2; shift 2 ;;
	--boot) boot=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--interactive) interactive=1; shift ;;
	--gdb) gdb=1; shift ;;
	--log) log=$2; shift 2 ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--esp) esp=$2; shift 2 ;;
	--initramfs) initramfs=$2; shift 2 ;;
	--disk) disk=$2; shift 2 ;;
	*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build/$layer
# The initramfs the build made for this layer, if it makes one.
build_initramfs=""
[ -f "$build/initramfs.cpio" ] && build_initramfs=$build/initramfs.cpio
[ -n "$layer" ] && [ -f "$build/kernel.elf" ] || {
	echo "run.sh: no kernel in build/$layer; run 'make LAYER=$layer' first" >&2
	exit 2
}
if [ $interactive = 0 ] && [ -z "$log" ]; then
	echo "run.sh: a non-interactive run needs --log FILE" >&2
	exit 2
fi
if [ -n "$disk" ]; then
	[ -f "$disk" ] || { echo "run.sh: --disk $disk: no such file" >&2; exit 2; }
	[ "$boot" != bochs ] || { echo "run.sh: --disk needs QEMU: Bochs has no virtio-blk" >&2; exit 2; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tools/qemu-machine.sh
. "$top/tools/qemu-machine.sh"
qemu=("${QEMU_MACHINE[@]}")
if [ $interactive = 1 ]; then
	qemu+=(-serial mon:stdio)
else
	qemu+=(-serial "file:$log" -monitor none)
fi
# The extra disk (layers 40 and above drive it); QEMU reads a comma in a
# file name as ",,".
[ -z "$disk" ] || qemu+=(-drive "file=${disk//,/,,},format=raw,if=virtio")
if [ $gdb = 1 ]; then
	# -S: halt before the first instruction; -s: gdb stub on tcp::1234.
	qemu+=(-s -S)
	cat > "$build/gdbinit" <<-GDB
	file $build/kernel.elf
	set architecture i386:x86-64
	target remote localhost:1234
	GDB
	echo "run.sh: QEMU is halted; in another terminal: gdb -x build/$layer/gdbinit"
	echo "run.sh: then e.g. 'hbreak kmain' and 'continue' (see README.md)"
fi

# The ISO and ESP in build/ carry the build's CMDLINE; a run with another
# command line gets its own copy.
iso_for() {
	if [ -z "$cmdline" ] && [ -z "$initramfs" ]; then
		echo "$build/kernel.iso"
	else
		"$top/tools/mkiso.sh" "$build/kernel.elf" "$cmdline" "$work/kernel.iso" \
			"${initramfs:-$build_initramfs}"
		echo "$work/kernel.iso"
	fi
}

run_timed() {
	if [ $interactive = 1 ]; then
		"$@"
	else
		# A kill at the timeout is expected and reported by the caller: keep
		# QEMU's "terminating on signal" line out of the way.
		timeout --foreground -k 5 "$timeout_s" "$@" </dev/null \
			2> >(grep -v 'terminating on signal' >&2)
	fi
}

case $boot in
uefi)
	cp /usr/share/OVMF/OVMF_VARS_4M.fd "$work/vars.fd"
	if [ -n "$initramfs" ]; then
		"$top/tools/mkesp.sh" "$build/BOOTX64.EFI" "$build/kernel.elf" "$cmdline" \
			"$work/esp.img" "$initramfs" >/dev/null
	else
		cp "${esp:-$build/esp.img}" "$work/esp.img"
		"$top/tools/mkesp.sh" --set-cmdline "$work/esp.img" "$cmdline"
	fi
	qemu+=(-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd
		-drive "if=pflash,format=raw,file=$work/vars.fd"
		-drive "format=raw,file=$work/esp.img")
	run_timed "${qemu[@]}"
	;;
multiboot)
	qemu+=(-cdrom "$(iso_for)" -boot d)
	run_timed "${qemu[@]}"
	;;
bochs)
	iso=$(iso_for)
	serial=${log:-$work/com1.txt}
	: > "$serial"
	cat > "$work/bochsrc" <<-RC
	megs: 256
	romimage: file=/usr/share/bochs/BIOS-bochs-latest
	vgaromimage: file=/usr/share/vgabios/vgabios.bin
	ata0-master: type=cdrom, path=$iso, status=inserted
	boot: cdrom
	com1: enabled=1, mode=file, dev=$serial
	display_library: term
	log: $work/bochs.log
	clock: sync=none
	cpu: ips=50000000
	panic: action=fatal
	RC
	echo c > "$work/bochs.rc"	# Debian's Bochs starts in its debugger: continue at once
	# Bochs' only headless display needs a terminal: give it a pseudo-terminal
	# and throw the screen away; COM1 is what we read.
	bochs_cmd=(script -qfec "bochs -q -f $work/bochsrc -rc $work/bochs.rc" /dev/null)
	if [ $interactive = 1 ]; then
		"${bochs_cmd[@]}" </dev/null >/dev/null 2>&1 &
		pid=$!
		# A background job ignores ^C in a script, and script(1) puts Bochs in
		# a session of its own: end it explicitly, found by this run's bochsrc.
		trap 'kill $pid 2>/dev/null; pkill -KILL -f "$work/bochsrc"; rm -rf "$work"' EXIT
		trap 'exit 130' INT TERM HUP
		tail -n +1 -f "$serial" --pid=$pid
		wait $pid || true
	else
		# script(1) gives Bochs a session of its own, which neither a
		# timeout's kill nor the terminal's ^C reaches (and Bochs ignores
		# SIGTERM): on the way out, kill what is left of it.  Waiting in the
		# background lets ^C end the run now, not at the timeout.
		timeout -k 5 "$timeout_s" "${bochs_cmd[@]}" </dev/null >/dev/null 2>&1 &
		pid=$!
		trap '{ kill $pid; pkill -KILL -f "$work/bochsrc"; wait $pid; } 2>/dev/null; rm -rf "$work"' EXIT
		trap 'exit 130' INT TERM HUP
		status=0
		wait $pid || status=$?
		exit $status
	fi
	;;
*)
	echo "run.sh: --boot must be uefi, multiboot or bochs" >&2
	exit 2
	;;
esac
