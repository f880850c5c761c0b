/*
 * ktest_user.c - user mode without any file: a kernel thread builds an
 * address space holding a few bytes of machine code and drops to ring 3
 * through the same frame an execve builds.  The test (running as the idle
 * task) is the "parent" and reads the exit status the program leaves.
 */
#include <arch/entry.h>
#include <arch/gdt.h>
#include <arch/mmu.h>
#include <ktest.h>
#include <mm.h>
#include <signal.h>
#include <string.h>
#include <task.h>
#include <timer.h>
#include <uaccess.h>
#include "../../proc.h"

#define CODE 0x400000ULL
#define STACK 0x800000ULL

struct program {
	const uint8_t *code;
	size_t len;
};

static void run_user(void *arg)
{
	const struct program *p = arg;
	struct task *t = task_current();
	struct mm *mm = mm_create();

	if (!mm)
		task_exit(0xff00);
	t->mm = mm;
	mm_switch(mm);
	mm_map(mm, CODE, PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	copy_to_user((void __user *)(uintptr_t)CODE, p->code, p->len);
	mm_protect(mm, CODE, PAGE_SIZE, VMA_READ | VMA_EXEC);
	mm_map(mm, STACK - PAGE_SIZE, PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE,
	       NULL, 0, 1);
	memset(t->frame, 0, sizeof(*t->frame));
	t->frame->rip = CODE;
	t->frame->rsp = STACK;
	t->frame->cs = GDT_USER_CS;
	t->frame->ss = GDT_USER_DS;
	t->frame->rflags = 0x202;
	enter_user(t->frame);
}

/* Start @p as a child of the calling task and run until it is a zombie; return its wait status. */
static int run_program_child(const struct program *p, int kill_after_ticks)
{
	struct task *self = task_current();
	struct task *t = kthread_create(run_user, (void *)p, "usertest");
	int status;

	if (!t)
		return -1;
	t->parent = self;
	list_add_tail(&t->sibling_node, &self->children);
	for (int i = 0; i < 2000 && t->state != TASK_ZOMBIE; i++) {
		if (kill_after_ticks && i == kill_after_ticks)
			task_send_signal(t, SIGKILL);
		sleep_until_tick(timer_ticks() + 1);
	}
	if (t->state != TASK_ZOMBIE)
		return -2;
	status = t->exit_status;
	list_del(&t->sibling_node);
	t->state = TASK_DEAD;
	task_free(t);
	return status;
}

/*
 * The test runs as the idle task, which only gets the CPU when nothing else
 * is runnable; a spinning program would starve it.  So a harness thread, an
 * ordinary task, is the program's parent.
 */
struct harness {
	const struct program *p;
	int kill_after;
	int status;
	volatile int done;
};

static void harness_fn(void *arg)
{
	struct harness *h = arg;

	h->status = run_program_child(h->p, h->kill_after);
	h->done = 1;
}

static int run_program(const struct program *p, int kill_after_ticks)
{
	struct harness h = { p, kill_after_ticks, 0, 0 };

	if (!kthread_create(harness_fn, &h, "harness"))
		return -1;
	while (!h.done) {
		__asm__ __volatile__("sti; hlt");
		schedule();
	}
	return h.status;
}

/* getpid; exit(pid & 0xff) */
static const uint8_t prog_getpid_exit[] = {
	0xb8, 39, 0, 0, 0,		/* mov $39, %eax (getpid) */
	0x0f, 0x05,			/* syscall */
	0x48, 0x89, 0xc7,		/* mov %rax, %rdi */
	0xb8, 60, 0, 0, 0,		/* mov $60, %eax (exit) */
	0x0f, 0x05,			/* syscall */
};

KTEST(user_program_makes_syscalls_and_exits_with_its_code)
{
	struct program p = { prog_getpid_exit, sizeof(prog_getpid_exit) };
	int status = run_program(&p, 0);

	KT_ASSERT(status >= 0);
	KT_ASSERT((status & 0x7f) == 0);	/* exited, not killed */
	KT_ASSERT(((status >> 8) & 0xff) != 0);
}

/*
 * Callee-saved registers survive a syscall (and rcx/r11 are the return
 * address and flags, as the syscall instruction defines): exit(0) if all
 * is well, else exit(1).
 */
static const uint8_t prog_regs[] = {
	0xbb, 0x11, 0, 0, 0,		/* mov $0x11, %ebx */
	0xbd, 0x22, 0, 0, 0,		/* mov $0x22, %ebp */
	0x41, 0xbc, 0x33, 0, 0, 0,	/* mov $0x33, %r12d */
	0x41, 0xbf, 0x44, 0, 0, 0,	/* mov $0x44, %r15d */
	0xb8, 39, 0, 0, 0,		/* mov $39, %eax */
	0x0f, 0x05,			/* syscall */
	0x48, 0x8d, 0x05, 0xf9, 0xff, 0xff, 0xff, /* lea -7(%rip), %rax: the syscall's next insn */
	0x31, 0xff,			/* xor %edi, %edi */
	0x48, 0x39, 0xc1,		/* cmp %rax, %rcx */
	0x40, 0x0f, 0x95, 0xc7,		/* setne %dil */
	0x83, 0xfb, 0x11,		/* cmp $0x11, %ebx */
	0x75, 0x13,			/* jne fail */
	0x83, 0xfd, 0x22,		/* cmp $0x22, %ebp */
	0x75, 0x0e,			/* jne fail */
	0x41, 0x83, 0xfc, 0x33,		/* cmp $0x33, %r12d */
	0x75, 0x08,			/* jne fail */
	0x41, 0x83, 0xff, 0x44,		/* cmp $0x44, %r15d */
	0x75, 0x02,			/* jne fail */
	0xeb, 0x05,			/* jmp out */
	0xbf, 1, 0, 0, 0,		/* fail: mov $1, %edi */
	0xb8, 60, 0, 0, 0,		/* out: mov $60, %eax */
	0x0f, 0x05,			/* syscall */
};

KTEST(syscall_keeps_callee_saved_registers_and_returns_after_itself)
{
	struct program p = { prog_regs, sizeof(prog_regs) };

	KT_EQ(run_program(&p, 0), 0);
}

static const uint8_t prog_ud2[] = { 0x0f, 0x0b };
static const uint8_t prog_null_write[] = { 0xc7, 0x04, 0x25, 0, 0, 0, 0, 1, 0, 0, 0 };
static const uint8_t prog_kernel_read[] = {
	0x48, 0xb8, 0, 0, 0, 0x80, 0xff, 0xff, 0xff, 0xff,	/* movabs $0xffffffff80000000, %rax */
	0x8b, 0x00,						/* mov (%rax), %eax */
};
static const uint8_t prog_divide[] = { 0x31, 0xc9, 0xf7, 0xf1 };	/* xor %ecx,%ecx; div %ecx */
static const uint8_t prog_spin[] = { 0xeb, 0xfe };			/* jmp . */
static const uint8_t prog_bad_syscall[] = {
	0xb8, 0xe8, 0x03, 0, 0,		/* mov $1000, %eax */
	0x0f, 0x05,			/* syscall: -ENOSYS */
	0x48, 0x89, 0xc7,		/* mov %rax, %rdi */
	0xf7, 0xdf,			/* neg %edi */
	0xb8, 60, 0, 0, 0,		/* exit(-rax) */
	0x0f, 0x05,
};

KTEST(user_faults_end_the_program_with_the_right_signal)
{
	struct program ud2 = { prog_ud2, sizeof(prog_ud2) };
	struct program nul = { prog_null_write, sizeof(prog_null_write) };
	struct program kern = { prog_kernel_read, sizeof(prog_kernel_read) };
	struct program div = { prog_divide, sizeof(prog_divide) };

	KT_EQ(run_program(&ud2, 0), SIGILL);
	KT_EQ(run_program(&nul, 0), SIGSEGV);
	KT_EQ(run_program(&kern, 0), SIGSEGV);
	KT_EQ(run_program(&div, 0), SIGFPE);
}

KTEST(a_spinning_user_program_is_preempted_and_can_be_killed)
{
	struct program spin = { prog_spin, sizeof(prog_spin) };

	/* Only preemption lets the test run again to send the kill. */
	KT_EQ(run_program(&spin, 20), SIGKILL);
}

KTEST(an_unknown_syscall_number_returns_enosys)
{
	struct program p = { prog_bad_syscall, sizeof(prog_bad_syscall) };

	KT_EQ(run_program(&p, 0), 38 << 8);
}
