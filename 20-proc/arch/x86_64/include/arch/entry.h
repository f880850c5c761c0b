/**
 * @file entry.h
 * @brief Entering and leaving user mode on x86_64: syscall/sysret, the per-CPU block, FPU state, the context switch.
 *
 * The per-CPU block is reached through the GS base while in the kernel; the
 * `swapgs` at every entry from user mode (syscall_entry.S, and layer 00's
 * trap_entry.S) exchanges the user's GS base with the kernel's.
 */
#ifndef ARCH_ENTRY_H
#define ARCH_ENTRY_H

/** @brief Offset of percpu.kernel_rsp (used by the assembly). */
#define PERCPU_KERNEL_RSP 0
/** @brief Offset of percpu.user_rsp (used by the assembly). */
#define PERCPU_USER_RSP 8
/** @brief The trap_frame.vector value of a frame built by the syscall entry (not an IDT vector). */
#define TRAP_SYSCALL 0x100

#ifndef __ASSEMBLY__
#include <arch/trap.h>
#include <compiler.h>
#include <stdint.h>

/** @brief This CPU's block, at GS base while in the kernel. */
struct percpu {
	uint64_t kernel_rsp;	/**< top of the current task's kernel stack (the syscall entry's stack) */
	uint64_t user_rsp;	/**< scratch: the user RSP between syscall entry and the frame push */
	struct task *current;	/**< the running task */
};

/** @brief The one CPU's block. */
extern struct percpu percpu0;

/**
 * entry_init() - Enable `syscall` (EFER.SCE, STAR, LSTAR, SFMASK), the FPU/SSE, and the GS base.
 */
void entry_init(void);

/**
 * entry_set_kernel_stack() - Use @p top as the kernel stack for entries from user mode.
 * @param top the running task's kernel stack top (TSS rsp0 and the syscall stack)
 */
void entry_set_kernel_stack(uint64_t top);

/**
 * fpu_save() - Save the user's x87/SSE state.
 * @param area 512 bytes, 16-byte aligned
 */
static inline void fpu_save(void *area)
{
	__asm__ __volatile__("fxsave64 (%0)" : : "r"(area) : "memory");
}

/**
 * fpu_restore() - Load the user's x87/SSE state.
 * @param area what fpu_save() stored, or fpu_init_state()
 */
static inline void fpu_restore(const void *area)
{
	__asm__ __volatile__("fxrstor64 (%0)" : : "r"(area) : "memory");
}

/**
 * fpu_init_state() - Fill @p area with the state a new program starts with (FCW 0x37f, MXCSR 0x1f80).
 * @param area 512 bytes, 16-byte aligned
 */
void fpu_init_state(void *area);

/**
 * set_fs_base() - Load the FS base (the user's thread pointer).
 * @param base the address
 */
void set_fs_base(uint64_t base);

/**
 * switch_stacks() - Save callee-saved registers, store RSP in *@p save_rsp, load @p new_rsp, pop, return.
 * @param save_rsp where the old task's stack pointer goes
 * @param new_rsp  the new task's saved stack pointer
 *
 * Returns in the new task: either where that task called switch_stacks(),
 * or, for a new task, at the address its stack was prepared with.
 */
void switch_stacks(uint64_t *save_rsp, uint64_t new_rsp);

/**
 * task_first_return() - Where a new task starts: calls sched_tail(), then leaves to user mode
 * through the trap frame at the top of its stack (a fork child), or calls the
 * kernel-thread function in r12 with the argument in r13.
 */
void task_first_return(void);

/**
 * enter_user() - Leave the kernel through the trap frame @p tf (does not return).
 * @param tf a frame with user CS/SS, at the top of the current kernel stack
 */
void enter_user(struct trap_frame *tf) __noreturn;

#endif /* __ASSEMBLY__ */
#endif /* ARCH_ENTRY_H */
