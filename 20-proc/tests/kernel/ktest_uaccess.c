/*
 * ktest_uaccess.c - the user-copy helpers return -EFAULT for every kind of
 * bad user pointer, and the kernel survives each one.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <ktest.h>
#include <mm.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>

#define UBASE 0x400000ULL

/* An address space with one read-write page at UBASE and one read-only page after it. */
static struct mm *setup(void)
{
	struct mm *mm = mm_create();

	if (!mm)
		return NULL;
	mm_switch(mm);
	mm_map(mm, UBASE, PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	mm_map(mm, UBASE + PAGE_SIZE, PAGE_SIZE, VMA_READ, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	return mm;
}

static void teardown(struct mm *mm)
{
	mm_switch(NULL);
	mm_destroy(mm);
}

#define UPTR(a) ((void __user *)(uintptr_t)(a))

KTEST(copy_to_user_round_trip_through_a_demand_zero_page)
{
	struct mm *mm = setup();
	char out[16];

	KT_ASSERT(mm != NULL);
	KT_EQ(copy_to_user(UPTR(UBASE + 100), "hello", 6), 0);
	KT_EQ(copy_from_user(out, UPTR(UBASE + 100), 6), 0);
	KT_STREQ(out, "hello");
	teardown(mm);
}

KTEST(user_copies_refuse_null_kernel_and_unmapped_addresses)
{
	struct mm *mm = setup();
	char buf[8] = "abcdefg";

	KT_ASSERT(mm != NULL);
	KT_EQ(copy_to_user(UPTR(0), buf, 1), -EFAULT);
	KT_EQ(copy_from_user(buf, UPTR(0), 1), -EFAULT);
	KT_EQ(copy_to_user(UPTR(0xffffffff80000000ULL), buf, 1), -EFAULT);
	KT_EQ(copy_from_user(buf, UPTR(0xffff800000000000ULL), 8), -EFAULT);
	KT_EQ(copy_to_user(UPTR(0x7000000000ULL), buf, 1), -EFAULT);	/* no VMA */
	/* A range that starts in user space and wraps into the kernel half. */
	KT_EQ(copy_from_user(buf, UPTR(USER_SPACE_END - 4), 8), -EFAULT);
	KT_EQ(clear_user(UPTR(USER_SPACE_END - 1), 2), -EFAULT);
	teardown(mm);
}

KTEST(copy_to_a_read_only_page_is_efault_not_a_fixed_up_write)
{
	struct mm *mm = setup();
	char buf[4] = "xyz";

	KT_ASSERT(mm != NULL);
	KT_EQ(copy_to_user(UPTR(UBASE + PAGE_SIZE), buf, 4), -EFAULT);
	/* Reading it is fine (a zero page). */
	KT_EQ(copy_from_user(buf, UPTR(UBASE + PAGE_SIZE), 4), 0);
	KT_EQ(buf[0], 0);
	teardown(mm);
}

KTEST(copy_running_off_the_end_of_a_mapping_is_efault)
{
	struct mm *mm = setup();
	char buf[64];

	KT_ASSERT(mm != NULL);
	/* Two mapped pages, then nothing: a read across the end faults. */
	KT_EQ(copy_from_user(buf, UPTR(UBASE + 2 * PAGE_SIZE - 8), 16), -EFAULT);
	KT_EQ(copy_to_user(UPTR(UBASE + PAGE_SIZE - 8), buf, 16), -EFAULT);
	teardown(mm);
}

KTEST(strncpy_from_user_lengths_and_limits)
{
	struct mm *mm = setup();
	char buf[8];

	KT_ASSERT(mm != NULL);
	KT_EQ(copy_to_user(UPTR(UBASE), "abc", 4), 0);
	KT_EQ(strncpy_from_user(buf, UPTR(UBASE), sizeof(buf)), 3);
	KT_STREQ(buf, "abc");
	KT_EQ(copy_to_user(UPTR(UBASE), "abcdefghij", 11), 0);
	KT_EQ(strncpy_from_user(buf, UPTR(UBASE), sizeof(buf)), -ENAMETOOLONG);
	KT_EQ(strncpy_from_user(buf, UPTR(0), sizeof(buf)), -EFAULT);
	/* A string without its NUL that runs into an unmapped page. */
	KT_EQ(mm_unmap(mm, UBASE + PAGE_SIZE, PAGE_SIZE), 0);
	memset(buf, 'x', sizeof(buf));
	KT_EQ(copy_to_user(UPTR(UBASE + PAGE_SIZE - 4), buf, 4), 0);
	KT_EQ(strncpy_from_user(buf, UPTR(UBASE + PAGE_SIZE - 4), sizeof(buf)), -EFAULT);
	teardown(mm);
}

KTEST(syscall_names_come_from_the_linux_table)
{
	KT_STREQ(syscall_name(0), "read");
	KT_STREQ(syscall_name(60), "exit");
	KT_STREQ(syscall_name(57), "fork");
	KT_STREQ(syscall_name(100000), "?");
}
