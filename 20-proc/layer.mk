# Layer 20-proc: user mode, syscalls, ELF loading, processes, scheduler, files, TTY.

L20 := 20-proc
KERNEL_INCLUDES += $(L20)/include $(L20)/arch/x86_64/include $(BUILD)/gen

# Syscall numbers and names come from the C library's copy of Linux's table
# (Debian's linux-libc-dev), so the kernel can never disagree with musl or glibc.
UNISTD_64 := /usr/include/x86_64-linux-gnu/asm/unistd_64.h
$(BUILD)/gen/syscall_nr.h: $(UNISTD_64) $(L20)/layer.mk
	@mkdir -p $(@D)
	{ echo '/* Generated from $(UNISTD_64) by $(L20)/layer.mk. */'; \
	  echo '#ifndef SYSCALL_NR_H'; echo '#define SYSCALL_NR_H'; \
	  grep '^#define __NR_' $<; echo '#endif'; } > $@
$(BUILD)/gen/syscall_names.c: $(UNISTD_64) $(L20)/layer.mk
	@mkdir -p $(@D)
	{ echo '/* Generated from $(UNISTD_64) by $(L20)/layer.mk. */'; \
	  echo 'extern const char *const syscall_names[];'; \
	  echo 'extern const unsigned int syscall_names_count;'; \
	  echo 'const char *const syscall_names[] = {'; \
	  sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9]*\)$$/\t[\2] = "\1",/p' $<; \
	  echo '};'; echo 'const unsigned int syscall_names_count = sizeof(syscall_names) / sizeof(syscall_names[0]);'; } > $@
$(OBJ)/$(BUILD)/gen/syscall_names.c.o: $(BUILD)/gen/syscall_names.c
KERNEL_GENERATED += $(BUILD)/gen/syscall_nr.h

KERNEL_SRCS += \
	$(L20)/arch/x86_64/entry.c \
	$(L20)/arch/x86_64/syscall_entry.S \
	$(L20)/arch/x86_64/uaccess.S \
	$(L20)/exec.c \
	$(L20)/exit.c \
	$(L20)/fork.c \
	$(L20)/futex.c \
	$(L20)/init.c \
	$(L20)/misc.c \
	$(L20)/mmap.c \
	$(L20)/sched.c \
	$(L20)/signal.c \
	$(L20)/syscall.c \
	$(L20)/task.c \
	$(L20)/time.c \
	$(L20)/uaccess.c \
	$(BUILD)/gen/syscall_names.c \
	$(L20)/tests/kernel/ktest_sched.c \
	$(L20)/tests/kernel/ktest_uaccess.c \
	$(L20)/tests/kernel/ktest_user.c

# The initramfs: BusyBox, /dev nodes, /init, and every selected layer's
# guest programs and contract tests (tools/mkinitramfs.sh says what goes in).
INITRAMFS := $(BUILD)/initramfs.cpio
INITRAMFS_INPUTS := $(shell tools/mkinitramfs.sh --deps $(BUILD))
$(INITRAMFS): $(INITRAMFS_INPUTS)
	tools/mkinitramfs.sh $@ $(BUILD)

# Each part of the layer keeps its own list of sources and host tests.
include $(wildcard $(L20)/*/part.mk)
