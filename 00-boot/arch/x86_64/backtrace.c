/*
 * backtrace.c - walk the frame-pointer chain.
 *
 * Every kernel function is compiled with frame pointers, so at any point
 * RBP points at a pair {caller's RBP, return address}.  boot.S zeroes RBP
 * before the first C function, which ends the chain.
 */
#include <arch/trap.h>
#include <ksyms.h>
#include <printk.h>

#define MAX_FRAMES 32
#define KERNEL_HALF 0xffff800000000000ULL

static void print_frame(uint64_t addr, uint64_t lookup)
{
	uint64_t off = 0;
	const char *name = ksyms_lookup(lookup, &off);

	if (name)
		pr_emerg("  [<%016llx>] %s+%#llx\n", (unsigned long long)addr, name,
			 (unsigned long long)(off + (addr - lookup)));
	else
		pr_emerg("  [<%016llx>] ?\n", (unsigned long long)addr);
}

static void walk(uint64_t rbp)
{
	for (int i = 0; i < MAX_FRAMES; i++) {
		/* Only follow pointers that can be a kernel stack frame. */
		if (rbp < KERNEL_HALF || (rbp & 7))
			break;
		const uint64_t *frame = (const uint64_t *)rbp;
		uint64_t next = frame[0], ret = frame[1];

		if (!ret)
			break;
		/* ret - 1 lies in the call instruction, so in the caller even for a tail call. */
		print_frame(ret, ret - 1);
		if (next <= rbp)	/* the stack grows down: callers' frames are higher */
			break;
		rbp = next;
	}
}

void backtrace_print(uint64_t rip, uint64_t rbp)
{
	print_frame(rip, rip);
	walk(rbp);
}

/*
 * A function only has a frame once its prologue (push %rbp; mov %rsp,%rbp)
 * has run, and GCC gives leaf functions no frame at all, even with
 * -fno-omit-frame-pointer.  In those cases RBP still points at the caller's
 * caller, and the caller's return address is on the top of the stack.
 */
static uint64_t frameless_return_address(const struct trap_frame *tf)
{
	uint64_t off = 0;
	const uint64_t *sp = (const uint64_t *)tf->rsp;

	if ((tf->cs & 3) || tf->rsp < KERNEL_HALF || (tf->rsp & 7) || !ksyms_lookup(tf->rip, &off))
		return 0;
	const uint8_t *start = (const uint8_t *)(tf->rip - off);

	if (start[0] != 0x55 || off == 0)	/* no push %rbp, or not yet run */
		return sp[0];
	if (off == 1)				/* pushed, but RBP not yet set */
		return sp[1];
	return 0;
}

void backtrace_print_trap(const struct trap_frame *tf)
{
	print_frame(tf->rip, tf->rip);
	uint64_t ret = frameless_return_address(tf);

	if (ret && ksyms_lookup(ret - 1, NULL))
		print_frame(ret, ret - 1);
	walk(tf->rbp);
}
