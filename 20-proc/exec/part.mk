# 20-proc/exec: the pure steps of execve(2): checking an ELF executable,
# splitting a "#!" line, laying out the initial user stack.  The exec code
# that reads files and maps memory (20-proc/exec.c) calls these.

KERNEL_SRCS += $(L20)/exec/elf_parse.c $(L20)/exec/shebang.c \
	$(L20)/exec/initial_stack.c

HOST_TESTS += test_elf test_shebang test_initial_stack
host_test_test_elf_srcs := $(L20)/exec/tests/test_elf.c $(L20)/exec/elf_parse.c
host_test_test_shebang_srcs := $(L20)/exec/tests/test_shebang.c $(L20)/exec/shebang.c
host_test_test_initial_stack_srcs := $(L20)/exec/tests/test_initial_stack.c \
	$(L20)/exec/initial_stack.c
