# qemu-machine.sh - the emulated machine every QEMU run uses; sourced by
# run.sh (this kernel's boots) and bench.sh (this kernel and Linux side by
# side), so the two kernels the benchmark compares see the same machine.
#
# QEMU_MACHINE: a PC (i440FX) with the CPU model "max" (every feature QEMU's
# software emulation, TCG, offers), 256 MiB, one CPU, no display, no network;
# a reset ends QEMU (-no-reboot), and isa-debug-exit lets a kernel end it
# with a status: writing V to port 0xf4 exits with (V << 1) | 1.
# shellcheck shell=bash disable=SC2034,SC2054	# used where sourced; commas are QEMU's
QEMU_MACHINE=(qemu-system-x86_64 -machine pc -cpu max -m 256M -display none -no-reboot
	-net none -device isa-debug-exit,iobase=0xf4,iosize=0x04)
