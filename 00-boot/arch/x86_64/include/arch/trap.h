/**
 * @file trap.h
 * @brief Exceptions and interrupts: the saved register frame and the handler tables.
 *
 * Every IDT vector enters through a stub that saves all general registers
 * into a struct trap_frame and calls trap_dispatch().  A layer claims a
 * vector with trap_set_handler() (layer 10 takes the page fault, layer 30
 * turns user faults into signals) and an IRQ line with irq_set_handler().
 * An exception nobody handles prints the register dump, the faulting
 * address and a symbolised backtrace, then stops the kernel.
 */
#ifndef ARCH_TRAP_H
#define ARCH_TRAP_H

#ifndef __ASSEMBLY__
#include <stdint.h>
#endif

#define TRAP_DIVIDE 0		/**< \#DE divide error */
#define TRAP_DEBUG 1		/**< \#DB debug */
#define TRAP_NMI 2		/**< non-maskable interrupt */
#define TRAP_BREAKPOINT 3	/**< \#BP int3 */
#define TRAP_OVERFLOW 4		/**< \#OF into */
#define TRAP_BOUND 5		/**< \#BR bound range */
#define TRAP_INVALID_OPCODE 6	/**< \#UD invalid opcode */
#define TRAP_NO_FPU 7		/**< \#NM device not available */
#define TRAP_DOUBLE_FAULT 8	/**< \#DF double fault */
#define TRAP_INVALID_TSS 10	/**< \#TS invalid TSS */
#define TRAP_SEGMENT_NP 11	/**< \#NP segment not present */
#define TRAP_STACK 12		/**< \#SS stack-segment fault */
#define TRAP_GP 13		/**< \#GP general protection */
#define TRAP_PAGE_FAULT 14	/**< \#PF page fault */
#define TRAP_X87 16		/**< \#MF x87 floating point */
#define TRAP_ALIGNMENT 17	/**< \#AC alignment check */
#define TRAP_MACHINE_CHECK 18	/**< \#MC machine check */
#define TRAP_SIMD 19		/**< \#XM SIMD floating point */
#define TRAP_VIRT 20		/**< \#VE virtualization */
#define TRAP_CONTROL 21		/**< \#CP control protection */
#define TRAP_EXCEPTIONS 32	/**< vectors 0..31 are the processor's exceptions */

#define IRQ_BASE 32		/**< vector of IRQ 0 after the PIC is remapped */
#define IRQ_COUNT 16		/**< legacy IRQ lines of the two 8259 PICs */
#define IRQ_TIMER 0		/**< the PIT */
#define IRQ_COM1 4		/**< the first serial port */
#define TRAP_SPURIOUS 0xff	/**< the local APIC's spurious-interrupt vector */
#define TRAP_VECTORS 256	/**< size of the IDT */

/** @brief Page-fault error code: the page was present (a protection fault). */
#define PF_PRESENT (1 << 0)
/** @brief Page-fault error code: the access was a write. */
#define PF_WRITE (1 << 1)
/** @brief Page-fault error code: the access came from user mode. */
#define PF_USER (1 << 2)
/** @brief Page-fault error code: the access was an instruction fetch. */
#define PF_INSTR (1 << 4)

#ifdef __ASSEMBLY__
/*
 * The general registers in struct trap_frame's order (r15 ends up lowest),
 * for every entry path: the IDT stubs here and layer 20's syscall entry.
 */
.macro TRAP_PUSH_REGS
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro TRAP_POP_REGS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
.endm
#endif /* __ASSEMBLY__ */

#ifndef __ASSEMBLY__
/**
 * @brief The registers saved on entry to any trap, lowest address first.
 *
 * The stubs in trap_entry.S push them in reverse order of this struct; the
 * last five fields are what the processor pushed itself.  A handler may
 * change any field (rip to skip an instruction, rax to return a value) and
 * the stub restores the changed values.
 */
struct trap_frame {
	uint64_t r15;	/**< saved r15 */
	uint64_t r14;	/**< saved r14 */
	uint64_t r13;	/**< saved r13 */
	uint64_t r12;	/**< saved r12 */
	uint64_t r11;	/**< saved r11 */
	uint64_t r10;	/**< saved r10 */
	uint64_t r9;	/**< saved r9 */
	uint64_t r8;	/**< saved r8 */
	uint64_t rbp;	/**< saved rbp */
	uint64_t rdi;	/**< saved rdi */
	uint64_t rsi;	/**< saved rsi */
	uint64_t rdx;	/**< saved rdx */
	uint64_t rcx;	/**< saved rcx */
	uint64_t rbx;	/**< saved rbx */
	uint64_t rax;	/**< saved rax */
	uint64_t vector;	/**< IDT vector, 0..255 */
	uint64_t error_code;	/**< the CPU's error code, 0 for vectors without one */
	uint64_t rip;	/**< where the trap happened (or the next instruction, for int3) */
	uint64_t cs;	/**< code segment; its low 2 bits are the privilege level */
	uint64_t rflags;	/**< flags */
	uint64_t rsp;	/**< stack pointer at the trap */
	uint64_t ss;	/**< stack segment */
};

/**
 * @brief A trap handler.
 * @param tf the saved registers, which the handler may change
 * @return 1 if it dealt with the trap (execution resumes from @p tf),
 *         0 to fall back to the default: report and halt
 */
typedef int (*trap_handler_t)(struct trap_frame *tf);

/**
 * trap_set_handler() - Install the handler for one vector.
 * @param vector 0..255
 * @param handler the new handler, or NULL for the default
 * @return the previous handler (NULL if it was the default), so a caller can restore it
 */
trap_handler_t trap_set_handler(unsigned int vector, trap_handler_t handler);

/**
 * irq_set_handler() - Install the handler for a legacy IRQ line and unmask it.
 * @param irq 0..15
 * @param handler called with interrupts off; the end-of-interrupt is sent after it returns
 * @return 0, -EINVAL for a bad line, -EBUSY if the line already has a handler
 */
int irq_set_handler(unsigned int irq, void (*handler)(struct trap_frame *tf));

/**
 * trap_set_user_return() - Run @p fn after every trap that came from user mode, just before returning there (a hook point).
 * @param fn called with the frame and interrupts disabled; it may enable them
 *           and switch tasks (layer 20: the scheduler's preemption and, through
 *           it, layer 30's signal delivery); NULL removes it
 */
void trap_set_user_return(void (*fn)(struct trap_frame *tf));

/**
 * trap_dispatch() - Called by the entry stubs with the saved registers; not for other callers.
 * @param tf the frame on the interrupted stack
 */
void trap_dispatch(struct trap_frame *tf);

/**
 * trap_report() - Print the register dump, faulting address and backtrace of @p tf.
 * @param tf  the frame to describe
 * @param why a headline, e.g. "unhandled exception"
 */
void trap_report(const struct trap_frame *tf, const char *why);

/**
 * trap_name() - The mnemonic of a vector ("\#PF page fault").
 * @param vector 0..255
 * @return a static string
 */
const char *trap_name(unsigned int vector);

/**
 * idt_init() - Build the IDT with a gate for every vector and load it.
 *
 * Called once by kmain() after gdt_init().
 */
void idt_init(void);

/**
 * idt_gate_target() - Read back the handler address of an IDT gate (for tests).
 * @param vector 0..255
 * @param present receives 1 if the gate is present
 * @param dpl     receives the gate's privilege level
 * @param ist     receives its interrupt-stack index
 * @return the gate's target address
 */
uint64_t idt_gate_target(unsigned int vector, int *present, int *dpl, int *ist);

/** @brief The entry stubs, one per vector, from trap_entry.S. */
extern const uint64_t trap_stub_table[TRAP_VECTORS];

/**
 * backtrace_print() - Print the chain of frame pointers starting at @p rbp.
 * @param rip the current instruction (printed first)
 * @param rbp the frame pointer to start from
 *
 * Each line is "  [<address>] function+0xoffset".  Stops at a null, misaligned,
 * non-kernel or non-increasing frame pointer, or after 32 frames.
 */
void backtrace_print(uint64_t rip, uint64_t rbp);

/**
 * backtrace_print_trap() - Print the backtrace of the code a trap interrupted.
 * @param tf the trap's saved registers
 *
 * Like backtrace_print(), but also finds the caller of a function that had
 * no frame of its own when it trapped (a leaf, or one still in its prologue).
 */
void backtrace_print_trap(const struct trap_frame *tf);
#endif

#endif /* ARCH_TRAP_H */
