/*
 * syscall_entry.S - the `syscall` instruction's way into the kernel and
 * `sysret`'s way out, plus the start of a new task and the jump to user mode.
 *
 * `syscall` leaves the user's RIP in RCX and RFLAGS in R11, masks RFLAGS
 * with SFMASK (we clear IF, DF, TF, AC), and switches CS/SS, but not the
 * stack: the first instructions must reach a kernel stack without touching
 * memory through the user's RSP.  We build exactly the struct trap_frame an
 * interrupt from user mode would have built (same place: the top of the
 * task's kernel stack), so fork, execve and signal delivery see one layout.
 */
#include <arch/entry.h>
#include <arch/gdt.h>
#include <arch/trap.h>

/* Offsets in struct trap_frame (arch/trap.h). */
#define F_R11 32
#define F_RCX 96
#define F_RIP 136
#define F_CS 144
#define F_RFLAGS 152
#define F_RSP 160
#define F_SS 168

	.text
	.globl syscall_entry
	.balign 16
syscall_entry:
	swapgs
	movq %rsp, %gs:PERCPU_USER_RSP
	movq %gs:PERCPU_KERNEL_RSP, %rsp
	pushq $GDT_USER_DS		/* ss */
	pushq %gs:PERCPU_USER_RSP	/* rsp */
	pushq %r11			/* rflags */
	pushq $GDT_USER_CS		/* cs */
	pushq %rcx			/* rip */
	pushq %rax			/* error code slot: the syscall number, kept for a restart */
	pushq $TRAP_SYSCALL		/* vector */
	TRAP_PUSH_REGS
	/* The frame is saved and we are on our own stack: interrupts may come. */
	sti
	movq %rsp, %rdi
	call syscall_from_user		/* the syscall, then pending work */
	cli

	/*
	 * sysret restores RIP from RCX and RFLAGS from R11.  Use it only when
	 * that loses nothing: the frame still says rcx == rip and r11 ==
	 * rflags (execve and signal return change them), and RIP is a
	 * canonical user address (sysret with a non-canonical RCX faults in
	 * kernel mode on Intel CPUs, with the user's RSP: a classic hole).
	 */
	movq F_RCX(%rsp), %rcx
	cmpq F_RIP(%rsp), %rcx
	jne 1f
	movq F_R11(%rsp), %r11
	cmpq F_RFLAGS(%rsp), %r11
	jne 1f
	shrq $47, %rcx
	jnz 1f
	cmpq $GDT_USER_CS, F_CS(%rsp)
	jne 1f
	cmpq $GDT_USER_DS, F_SS(%rsp)
	jne 1f
	TRAP_POP_REGS
	/* Now: vector, error code, rip, cs, rflags, rsp, ss. */
	movq 40(%rsp), %rsp
	swapgs
	sysretq
1:	jmp trap_exit

/* A new task's first return from switch_stacks() lands here. */
	.globl task_first_return
task_first_return:
	call sched_tail
	testq %r12, %r12
	jz 2f
	movq %r13, %rdi			/* a kernel thread: r12(r13), then exit */
	call *%r12
	call kthread_exit
2:	cli				/* a user task: its frame is right here */
	jmp trap_exit

/* enter_user(tf): continue at trap_exit with RSP at the frame. */
	.globl enter_user
enter_user:
	cli
	movq %rdi, %rsp
	jmp trap_exit

/*
 * switch_stacks(save_rsp, new_rsp): the context switch.  Only the
 * callee-saved registers need saving: to its caller this is a function call.
 */
	.globl switch_stacks
switch_stacks:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

