# Layer 00-boot: what it adds to the kernel, its host tests, its loader.
# Paths are relative to the top of the tree; see the top-level Makefile.

L00 := 00-boot
LINKER_SCRIPT := $(L00)/arch/x86_64/kernel.ld
KERNEL_INCLUDES += $(L00)/include $(L00)/arch/x86_64/include

KERNEL_SRCS += \
	$(L00)/arch/x86_64/boot.S \
	$(L00)/arch/x86_64/trap_entry.S \
	$(L00)/arch/x86_64/backtrace.c \
	$(L00)/arch/x86_64/gdt.c \
	$(L00)/arch/x86_64/idt.c \
	$(L00)/arch/x86_64/lapic.c \
	$(L00)/arch/x86_64/pic.c \
	$(L00)/arch/x86_64/pit.c \
	$(L00)/arch/x86_64/power.c \
	$(L00)/arch/x86_64/serial.c \
	$(L00)/arch/x86_64/trap.c \
	$(L00)/lib/cmdline.c \
	$(L00)/lib/format.c \
	$(L00)/lib/glob.c \
	$(L00)/lib/string.c \
	$(L00)/boot_info.c \
	$(L00)/boot_mb2.c \
	$(L00)/cmdline_apply.c \
	$(L00)/initcall.c \
	$(L00)/ksyms.c \
	$(L00)/ktest.c \
	$(L00)/main.c \
	$(L00)/panic.c \
	$(L00)/printk.c \
	$(L00)/tests/kernel/ktest_ksyms.c \
	$(L00)/tests/kernel/ktest_printk.c \
	$(L00)/tests/kernel/ktest_timer.c \
	$(L00)/tests/kernel/ktest_traps.c \
	$(L00)/tests/kernel/ktest_selftest.c

# Host unit tests: pure modules built as programs with ASan and UBSan.
HOST_TESTS += test_format test_cmdline test_boot_info_mb2
host_test_test_format_srcs := $(L00)/tests/host/test_format.c $(L00)/lib/format.c
host_test_test_cmdline_srcs := $(L00)/tests/host/test_cmdline.c $(L00)/lib/cmdline.c $(L00)/lib/glob.c
host_test_test_boot_info_mb2_srcs := $(L00)/tests/host/test_boot_info_mb2.c $(L00)/boot_mb2.c $(L00)/boot_info.c

include $(L00)/loader/loader.mk
