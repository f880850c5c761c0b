# The serial console TTY: COM1 as /dev/console, /dev/ttyS0 and /dev/tty.

KERNEL_SRCS += \
	$(L20)/tty/ldisc.c \
	$(L20)/tty/ldisc_erase.c \
	$(L20)/tty/ldisc_output.c \
	$(L20)/tty/tty.c \
	$(L20)/tty/tty_ioctl.c \
	$(L20)/tty/tests/ktest_tty.c

HOST_TESTS += test_ldisc test_tty_abi
host_test_test_ldisc_srcs := $(L20)/tty/tests/test_ldisc.c $(L20)/tty/ldisc.c $(L20)/tty/ldisc_erase.c \
	$(L20)/tty/ldisc_output.c
host_test_test_tty_abi_srcs := $(L20)/tty/tests/test_tty_abi.c $(L20)/tty/tests/tty_abi_values.c
