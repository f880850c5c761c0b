# The serial console TTY: COM1 as /dev/console, /dev/ttyS0 and /dev/tty.

HOST_TESTS += test_tty_abi
host_test_test_tty_abi_srcs := $(L20)/tty/tests/test_tty_abi.c $(L20)/tty/tests/tty_abi_values.c
