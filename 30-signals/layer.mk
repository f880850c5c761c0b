# Layer 30-signals: POSIX signals, handlers with frames on the user stack, job control, itimers.

L30 := 30-signals
KERNEL_INCLUDES += $(L30)/include

KERNEL_SRCS += \
	$(L30)/arch/x86_64/sigframe.c \
	$(L30)/itimer.c \
	$(L30)/signal.c \
	$(L30)/syscalls.c
