# Layer 10-mm: physical pages, page tables, kmalloc, address spaces, page faults.

L10 := 10-mm
KERNEL_INCLUDES += $(L10)/include $(L10)/arch/x86_64/include

KERNEL_SRCS += \
	$(L10)/arch/x86_64/kernel_map.c \
	$(L10)/arch/x86_64/paging.c \
	$(L10)/buddy.c \
	$(L10)/early.c \
	$(L10)/fault.c \
	$(L10)/kmalloc.c \
	$(L10)/kstack.c \
	$(L10)/mm.c \
	$(L10)/mm_init.c \
	$(L10)/pmm.c \
	$(L10)/slab.c \
	$(L10)/vma.c \
	$(L10)/tests/kernel/bench_mm.c \
	$(L10)/tests/kernel/ktest_kmalloc.c \
	$(L10)/tests/kernel/ktest_mm.c \
	$(L10)/tests/kernel/ktest_paging.c \
	$(L10)/tests/kernel/ktest_pmm.c \
	$(L10)/tests/kernel/ktest_selftest_mm.c

HOST_TESTS += test_buddy test_vma test_slab
host_test_test_buddy_srcs := $(L10)/tests/host/test_buddy.c $(L10)/buddy.c
host_test_test_vma_srcs := $(L10)/tests/host/test_vma.c $(L10)/vma.c
host_test_test_slab_srcs := $(L10)/tests/host/test_slab.c $(L10)/slab.c
