/*
 * uaccess.S - the instructions that touch user memory, and nothing else.
 *
 * Every load or store of a user address in the kernel happens between
 * uaccess_start and uaccess_end.  If one faults on an address that no VMA
 * allows, the page-fault path (uaccess.c) sees the faulting RIP inside this
 * range and resumes at uaccess_fault, which returns -EFAULT to the C caller.
 * That works because these routines are leaves that never move RSP: at any
 * instruction, the return address is on top of the stack.
 * The C wrappers check the range and open SMAP around the call.
 */
#define EFAULT 14

	.text
	.globl uaccess_start, uaccess_end

/* long uaccess_copy(void *dst, const void *src, size_t n): 0 or -EFAULT. */
	.globl uaccess_copy
uaccess_copy:
uaccess_start:
	movq %rdx, %rcx
	rep movsb
	xorl %eax, %eax
	ret

/* long uaccess_clear(void *dst, size_t n): 0 or -EFAULT. */
	.globl uaccess_clear
uaccess_clear:
	movq %rsi, %rcx
	xorl %eax, %eax
	rep stosb
	ret

/*
 * long uaccess_strncpy(char *dst, const char *src, size_t n): copy up to n
 * bytes, stopping after a NUL; the length without the NUL, n if no NUL was
 * found in n bytes, or -EFAULT.
 */
	.globl uaccess_strncpy
uaccess_strncpy:
	xorl %eax, %eax
1:	cmpq %rdx, %rax
	je 2f
	movb (%rsi,%rax), %cl
	movb %cl, (%rdi,%rax)
	testb %cl, %cl
	jz 2f
	incq %rax
	jmp 1b
2:	ret
uaccess_end:

	.globl uaccess_fault
uaccess_fault:
	movq $-EFAULT, %rax
	ret
