/*
 * uaccess.c - range checks around the user-copy instructions of
 * arch/x86_64/uaccess.S, and the fixup that turns their faults into -EFAULT.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <uaccess.h>

long uaccess_copy(void *dst, const void *src, size_t n);
long uaccess_clear(void *dst, size_t n);
long uaccess_strncpy(char *dst, const char *src, size_t n);
extern const char uaccess_start[], uaccess_end[], uaccess_fault[];

int user_range_ok(const void __user *p, size_t n)
{
	uint64_t a = (uint64_t)(__force uintptr_t)p;

	/* LAB 20 BEGIN user_range */
	/* LAB STUB: (void)a; return 1; */
	/* Written so that a huge n cannot wrap around. */
	return a < USER_SPACE_END && n <= USER_SPACE_END - a;
	/* LAB 20 END user_range */
}

int copy_from_user(void *dst, const void __user *src, size_t n)
{
	long r;

	if (!user_range_ok(src, n))
		return -EFAULT;
	user_access_begin();
	r = uaccess_copy(dst, (__force const void *)src, n);
	user_access_end();
	return (int)r;
}

int copy_to_user(void __user *dst, const void *src, size_t n)
{
	long r;

	if (!user_range_ok(dst, n))
		return -EFAULT;
	user_access_begin();
	r = uaccess_copy((__force void *)dst, src, n);
	user_access_end();
	return (int)r;
}

int clear_user(void __user *dst, size_t n)
{
	long r;

	if (!user_range_ok(dst, n))
		return -EFAULT;
	user_access_begin();
	r = uaccess_clear((__force void *)dst, n);
	user_access_end();
	return (int)r;
}

long strncpy_from_user(char *dst, const char __user *src, size_t size)
{
	uint64_t a = (uint64_t)(__force uintptr_t)src;
	size_t n = size;
	long r;

	if (a >= USER_SPACE_END || size == 0)
		return -EFAULT;
	/* A string may end anywhere: copy no further than the user half. */
	if (n > USER_SPACE_END - a)
		n = USER_SPACE_END - a;
	user_access_begin();
	r = uaccess_strncpy(dst, (__force const char *)src, n);
	user_access_end();
	if (r < 0)
		return r;
	if ((size_t)r == n)
		return n == size ? -ENAMETOOLONG : -EFAULT;
	return r;
}

int uaccess_fixup(uint64_t *rip)
{
	/* LAB 20 BEGIN user_copy_fixup */
	/* LAB STUB: (void)uaccess_fault; */
	if (*rip >= (uint64_t)uaccess_start && *rip < (uint64_t)uaccess_end) {
		*rip = (uint64_t)uaccess_fault;
		return 1;
	}
	/* LAB 20 END user_copy_fixup */
	return 0;
}
