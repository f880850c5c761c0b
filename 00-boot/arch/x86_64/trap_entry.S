/*
 * trap_entry.S - one small stub per IDT vector, and the common path that
 * saves the registers as a struct trap_frame (see <arch/trap.h>) and calls
 * trap_dispatch().
 *
 * The processor pushes SS, RSP, RFLAGS, CS, RIP and, for some exceptions, an
 * error code.  Each stub pushes a 0 where the processor pushes no error code,
 * so every frame has the same shape, then pushes its vector number.
 */
#include <arch/gdt.h>
#include <arch/trap.h>

/* Vectors for which the processor pushes an error code (Intel SDM vol. 3, 6.13). */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			   (v) == 21 || (v) == 29 || (v) == 30)

#define FRAME_CS 144		/* offsetof(struct trap_frame, cs) */

	.text
	.balign 16
	.globl trap_stubs_start
trap_stubs_start:
	.set vec, 0
	.rept TRAP_VECTORS
	.balign 16
	.if !HAS_ERROR_CODE(vec)
	pushq $0
	.endif
	pushq $vec
	jmp trap_common
	.set vec, vec + 1
	.endr

trap_common:
	TRAP_PUSH_REGS
	/* From user mode, GS still holds the user's base: swap in the kernel's. */
	testb $3, FRAME_CS(%rsp)
	jz 1f
	swapgs
1:	cld				/* the C ABI requires DF = 0 on entry */
	movq %rsp, %rdi
	/* 176 bytes were pushed onto a 16-byte aligned stack: still aligned. */
	call trap_dispatch
	/* Also the way out for frames built elsewhere (layer 20: a new task, exec). */
	.globl trap_exit
trap_exit:
	testb $3, FRAME_CS(%rsp)
	jz 2f
	swapgs
2:	TRAP_POP_REGS
	addq $16, %rsp			/* vector and error code */
	iretq

	/* The stubs are 16 bytes apart; this table names each for the IDT. */
	.section .rodata
	.balign 8
	.globl trap_stub_table
trap_stub_table:
	.set vec, 0
	.rept TRAP_VECTORS
	.quad trap_stubs_start + vec * 16
	.set vec, vec + 1
	.endr
