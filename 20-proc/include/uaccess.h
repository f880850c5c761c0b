/**
 * @file uaccess.h
 * @brief The only way the kernel touches user memory: copies that return -EFAULT instead of crashing.
 *
 * Every user pointer is declared `__user`; sparse (`make check`) refuses a
 * dereference of one.  The helpers first check that the whole range lies
 * below USER_SPACE_END (so a user program can never make the kernel read or
 * write kernel memory), then copy with SMAP opened for the duration.  A page
 * that is not mapped is faulted in through the address space's VMAs like any
 * user access (demand zero, copy-on-write); an address no VMA allows makes
 * the copy stop, and the page-fault handler resumes at a fixup that returns
 * -EFAULT (arch/x86_64/uaccess.S).
 *
 * All helpers may sleep in the page-fault path only in the sense of
 * allocating pages; they must be called from a task (syscall) context.
 */
#ifndef UACCESS_H
#define UACCESS_H

#include <compiler.h>
#include <stddef.h>
#include <stdint.h>

/**
 * user_range_ok() - Whether [@p p, @p p + @p n) lies wholly in the user half.
 * @param p a user address
 * @param n the length in bytes
 * @return 1 if the range is a user range (it may still be unmapped)
 */
int user_range_ok(const void __user *p, size_t n);

/**
 * copy_from_user() - Copy @p n bytes from user memory into the kernel.
 * @param dst kernel buffer
 * @param src user address
 * @param n bytes
 * @return 0, or -EFAULT if any byte could not be read (dst may be partly written)
 */
int copy_from_user(void *dst, const void __user *src, size_t n);

/**
 * copy_to_user() - Copy @p n bytes from the kernel to user memory.
 * @param dst user address
 * @param src kernel buffer
 * @param n bytes
 * @return 0, or -EFAULT if any byte could not be written
 */
int copy_to_user(void __user *dst, const void *src, size_t n);

/**
 * clear_user() - Zero @p n bytes of user memory.
 * @param dst user address
 * @param n bytes
 * @return 0 or -EFAULT
 */
int clear_user(void __user *dst, size_t n);

/**
 * strncpy_from_user() - Copy a NUL-terminated user string into @p dst.
 * @param dst kernel buffer of @p size bytes; always NUL-terminated on success
 * @param src user address of the string
 * @param size the buffer size
 * @return the string's length (without the NUL), -EFAULT, or -ENAMETOOLONG
 *         if it does not fit in @p size bytes with its NUL
 */
long strncpy_from_user(char *dst, const char __user *src, size_t size);

/**
 * uaccess_fixup() - Redirect a kernel fault inside a copy helper to its -EFAULT exit.
 * @param rip the faulting instruction's address; updated to the fixup when it lies in a helper
 * @return 1 if @p rip was inside a helper (the fault is handled), 0 otherwise
 *
 * Called by layer 20's handler for faults that the address space could not
 * resolve; nothing else needs it.
 */
int uaccess_fixup(uint64_t *rip);

/** @brief Read one value of type of @p *kptr from user address @p uptr: 0 or -EFAULT. */
#define get_user(kptr, uptr) copy_from_user((kptr), (uptr), sizeof(*(kptr)))
/** @brief Write the value @p *kptr to user address @p uptr: 0 or -EFAULT. */
#define put_user(kptr, uptr) copy_to_user((uptr), (kptr), sizeof(*(kptr)))

#endif /* UACCESS_H */
