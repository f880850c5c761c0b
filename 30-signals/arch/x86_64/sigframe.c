/*
 * sigframe.c - the x86_64 signal frame: what a handler finds on its stack,
 * and rt_sigreturn, which puts the interrupted context back from it.
 *
 * The layout is Linux's, byte for byte, because C libraries and debuggers
 * read it (glibc's and musl's ucontext_t, libgcc's unwinder):
 *
 *     higher addresses
 *       [ 128-byte red zone of the interrupted code, left alone ]
 *       fxsave area (512 bytes, 64-byte aligned)   <- uc_mcontext.fpstate
 *       struct rt_sigframe:
 *         siginfo (128 bytes)                       <- handler's rsi
 *         ucontext: flags, link, stack, mcontext, sigmask   <- handler's rdx
 *         return address = sa_restorer              <- handler's rsp
 *     lower addresses
 *
 * The handler's rsp is 8 below a 16-byte boundary, as if it had been
 * called.  Everything the interrupted code had (all general registers,
 * rip, rsp, rflags, the FPU/SSE state, the signal mask, the alternate stack
 * setting) is in the frame and nowhere else, so handlers nest to any
 * depth: each rt_sigreturn returns to exactly what its frame describes.
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <arch/gdt.h>
#include <errno.h>
#include <printk.h>
#include <stddef.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>
#include "../../sig.h"

#define RFLAGS_CF (1UL << 0)
#define RFLAGS_PF (1UL << 2)
#define RFLAGS_AF (1UL << 4)
#define RFLAGS_ZF (1UL << 6)
#define RFLAGS_SF (1UL << 7)
#define RFLAGS_TF (1UL << 8)
#define RFLAGS_DF (1UL << 10)
#define RFLAGS_OF (1UL << 11)
#define RFLAGS_IOPL (3UL << 12)
#define RFLAGS_NT (1UL << 14)
#define RFLAGS_RF (1UL << 16)
#define RFLAGS_VM (1UL << 17)
#define RFLAGS_AC (1UL << 18)
/* The flags a frame may set (Linux's FIX_EFLAGS); the rest keep the kernel's values. */
#define RFLAGS_USER (RFLAGS_AC | RFLAGS_OF | RFLAGS_DF | RFLAGS_TF | RFLAGS_SF | RFLAGS_ZF | \
		     RFLAGS_AF | RFLAGS_PF | RFLAGS_CF | RFLAGS_RF)

#define UC_SIGCONTEXT_SS 0x2
#define UC_STRICT_RESTORE_SS 0x4
#define RED_ZONE 128
#define FXSAVE_SIZE 512
#define MINSIGSTKSZ 2048
#define USER_TOP 0x0000800000000000ULL	/* first non-canonical address */

/* Linux's struct sigcontext (x86_64), the machine part of a ucontext. */
struct sigcontext64 {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;	/* user address of the fxsave area, 0 for none */
	uint64_t reserved1[8];
};

struct stack64 {
	uint64_t ss_sp;
	int32_t ss_flags;
	int32_t pad;
	uint64_t ss_size;
};

struct ucontext64 {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct stack64 uc_stack;
	struct sigcontext64 uc_mcontext;
	uint64_t uc_sigmask;
};

struct rt_sigframe {
	uint64_t pretcode;	/* the handler returns here: sa_restorer */
	struct ucontext64 uc;
	uint8_t info[128];	/* siginfo_t */
};

BUILD_BUG_ON(sizeof(struct sigcontext64) != 256);
BUILD_BUG_ON(sizeof(struct ucontext64) != 304);
BUILD_BUG_ON(sizeof(struct rt_sigframe) != 440);

/* The MXCSR bits this CPU accepts: fxrstor of any other bit faults in the kernel. */
static uint32_t mxcsr_mask = 0xffbf;

void sigframe_init(void)
{
	static uint8_t area[FXSAVE_SIZE] __aligned(16);
	uint32_t mask;

	fpu_save(area);
	memcpy(&mask, area + 28, sizeof(mask));
	if (mask)
		mxcsr_mask = mask;
}

static int is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

/* Linux's siginfo_t: which union member is filled depends on the signal and si_code. */
void siginfo_to_linux(const struct ksiginfo *info, void *out)
{
	uint8_t *b = out;
	int32_t head[3] = { info->signo, info->err, info->code };
	int32_t ids[2] = { info->pid, (int32_t)info->uid };

	memset(b, 0, 128);
	memcpy(b, head, sizeof(head));
	if (is_fault_signal(info->signo) && info->code > 0) {
		memcpy(b + 16, &info->addr, 8);			/* si_addr */
	} else if (info->signo == SIGCHLD && info->code > 0) {
		int64_t utime = (int64_t)info->utime, stime = 0;

		memcpy(b + 16, ids, sizeof(ids));		/* si_pid, si_uid */
		memcpy(b + 24, &info->status, 4);		/* si_status */
		memcpy(b + 32, &utime, 8);			/* si_utime */
		memcpy(b + 40, &stime, 8);			/* si_stime */
	} else {
		memcpy(b + 16, ids, sizeof(ids));		/* si_pid, si_uid */
		memcpy(b + 24, &info->addr, 8);			/* si_value (sigqueue) */
	}
}

int sig_on_altstack(const struct sigtask *st, uint64_t sp)
{
	return st->ss_size && sp > st->ss_sp && sp - st->ss_sp <= st->ss_size;
}

/* What uc_stack and sigaltstack(2) report: the setting, and whether @sp is on it. */
static void altstack_report(const struct sigtask *st, uint64_t sp, struct stack64 *out)
{
	out->ss_sp = st->ss_sp;
	out->ss_size = st->ss_size;
	out->pad = 0;
	if (st->ss_flags & SS_DISABLE)
		out->ss_flags = SS_DISABLE;
	else
		out->ss_flags = (int32_t)((st->ss_flags & SS_AUTODISARM) |
					  (sig_on_altstack(st, sp) ? SS_ONSTACK : 0));
}

int sigframe_setup(struct trap_frame *tf, const struct ksiginfo *info,
		   const struct k_sigaction *ka, struct sigtask *st, uint64_t saved_mask)
{
	struct task *t = task_current();
	struct rt_sigframe frame;
	struct sigcontext64 *sc = &frame.uc.uc_mcontext;
	uint64_t sp = tf->rsp, fp, addr;

	/* LAB 30 BEGIN sigframe_setup */
	/* LAB STUB: (void)t; (void)frame; (void)sc; (void)sp; (void)fp; (void)addr; */
	/* LAB STUB: return -EFAULT; */
	/* x86_64 handlers return through the C library's restorer; Linux refuses a frame without one. */
	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;
	memset(&frame, 0, sizeof(frame));
	/* uc_stack describes the stack as it was when the signal came (before any switch). */
	altstack_report(st, tf->rsp, &frame.uc.uc_stack);
	if ((ka->flags & SA_ONSTACK) && !(st->ss_flags & SS_DISABLE) && !sig_on_altstack(st, sp)) {
		sp = st->ss_sp + st->ss_size;
		if (st->ss_flags & SS_AUTODISARM) {
			altstack_disable(st);
		}
	} else {
		sp -= RED_ZONE;
	}
	fp = (sp - FXSAVE_SIZE) & ~63ULL;
	addr = ((fp - sizeof(frame)) & ~15ULL) - 8;

	frame.pretcode = ka->restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	frame.uc.uc_sigmask = saved_mask;
	sc->r8 = tf->r8, sc->r9 = tf->r9, sc->r10 = tf->r10, sc->r11 = tf->r11;
	sc->r12 = tf->r12, sc->r13 = tf->r13, sc->r14 = tf->r14, sc->r15 = tf->r15;
	sc->rdi = tf->rdi, sc->rsi = tf->rsi, sc->rbp = tf->rbp, sc->rbx = tf->rbx;
	sc->rdx = tf->rdx, sc->rax = tf->rax, sc->rcx = tf->rcx, sc->rsp = tf->rsp;
	sc->rip = tf->rip;
	sc->eflags = tf->rflags;
	sc->cs = (uint16_t)tf->cs;
	sc->ss = (uint16_t)tf->ss;
	sc->trapno = tf->vector == TRAP_SYSCALL ? 0 : tf->vector;
	sc->err = tf->vector == TRAP_SYSCALL ? 0 : tf->error_code;
	sc->cr2 = is_fault_signal(info->signo) ? info->addr : 0;
	sc->oldmask = saved_mask;
	sc->fpstate = fp;
	siginfo_to_linux(info, frame.info);

	/* The FPU holds the user's state while we are in the kernel: save it into the frame. */
	fpu_save(t->fpu);
	if (copy_to_user((void __user *)(uintptr_t)fp, t->fpu, FXSAVE_SIZE) ||
	    copy_to_user((void __user *)(uintptr_t)addr, &frame, sizeof(frame)))
		return -EFAULT;

	/* The handler starts with a clean FPU, the arguments of a sa_sigaction and DF clear. */
	fpu_init_state(t->fpu);
	fpu_restore(t->fpu);
	tf->rdi = (uint64_t)info->signo;
	tf->rsi = addr + offsetof(struct rt_sigframe, info);
	tf->rdx = addr + offsetof(struct rt_sigframe, uc);
	tf->rax = 0;
	tf->rsp = addr;
	tf->rip = ka->handler;
	tf->cs = GDT_USER_CS;
	tf->ss = GDT_USER_DS;
	tf->rflags &= ~(RFLAGS_DF | RFLAGS_RF | RFLAGS_TF);
	return 0;
	/* LAB 30 END sigframe_setup */
}

/*
 * Apply a new alternate stack setting for a thread whose stack pointer is
 * @sp: sigaltstack(2), and rt_sigreturn putting a frame's back (which, as
 * Linux's restore_altstack, ignores the error).
 */
static int altstack_change(struct sigtask *st, const struct stack64 *ss, uint64_t sp)
{
	uint32_t mode = (uint32_t)ss->ss_flags & ~SS_AUTODISARM;

	if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
		return -EINVAL;
	if (sig_on_altstack(st, sp))
		return -EPERM;		/* cannot change the stack we are on */
	if (mode == SS_DISABLE) {
		altstack_disable(st);
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	st->ss_sp = ss->ss_sp;
	st->ss_size = ss->ss_size;
	st->ss_flags = (uint32_t)ss->ss_flags & SS_AUTODISARM;
	return 0;
}

long sigframe_return(struct trap_frame *tf)
{
	struct task *t = task_current();
	struct sigtask *st = sigstate(t);
	struct rt_sigframe frame;
	const struct sigcontext64 *sc = &frame.uc.uc_mcontext;
	/* The handler's `ret` popped pretcode: the frame starts 8 below rsp. */
	uint64_t addr = tf->rsp - 8;

	/* LAB 30 BEGIN sigreturn */
	/* LAB STUB: (void)st; (void)frame; (void)sc; (void)altstack_change; */
	/* LAB STUB: goto bad; */
	if (!st || copy_from_user(&frame, (const void __user *)(uintptr_t)addr, sizeof(frame)))
		goto bad;
	/*
	 * Never back to kernel mode, to a non-canonical rip (sysret/iret would
	 * fault in the kernel) or with privileged flags (IOPL, virtual-8086).
	 */
	if (sc->cs != GDT_USER_CS || sc->ss != GDT_USER_DS || sc->rip >= USER_TOP ||
	    (sc->eflags & (RFLAGS_IOPL | RFLAGS_VM)))
		goto bad;
	if (sc->fpstate) {
		if (copy_from_user(t->fpu, (const void __user *)(uintptr_t)sc->fpstate, FXSAVE_SIZE))
			goto bad;
		uint32_t mxcsr;

		memcpy(&mxcsr, t->fpu + 24, sizeof(mxcsr));
		mxcsr &= mxcsr_mask;
		memcpy(t->fpu + 24, &mxcsr, sizeof(mxcsr));
	} else {
		fpu_init_state(t->fpu);
	}
	fpu_restore(t->fpu);

	tf->r8 = sc->r8, tf->r9 = sc->r9, tf->r10 = sc->r10, tf->r11 = sc->r11;
	tf->r12 = sc->r12, tf->r13 = sc->r13, tf->r14 = sc->r14, tf->r15 = sc->r15;
	tf->rdi = sc->rdi, tf->rsi = sc->rsi, tf->rbp = sc->rbp, tf->rbx = sc->rbx;
	tf->rdx = sc->rdx, tf->rax = sc->rax, tf->rcx = sc->rcx, tf->rsp = sc->rsp;
	tf->rip = sc->rip;
	tf->rflags = (tf->rflags & ~RFLAGS_USER) | (sc->eflags & RFLAGS_USER);
	tf->cs = GDT_USER_CS;
	tf->ss = GDT_USER_DS;
	sig_set_blocked(st, frame.uc.uc_sigmask);
	altstack_change(st, &frame.uc.uc_stack, tf->rsp);
	/* These registers are not a syscall's any more: nothing to restart. */
	syscall_frame_forget(tf);
	return (long)tf->rax;
	/* LAB 30 END sigreturn */
bad:
	pr_info("%s[%d]: bad signal frame at %#llx: killed by signal %d\n", t->comm, t->tid,
		(unsigned long long)addr, SIGSEGV);
	task_exit_group(SIGSEGV);
}

/* rt_sigreturn(2): the restorer's syscall; registers come from the frame, not from arguments. */
SYSCALL_DEFINE0(rt_sigreturn)
{
	return sigframe_return(task_current()->frame);
}

/* sigaltstack(2) */
SYSCALL_DEFINE2(sigaltstack, const struct stack64 __user *, uss, struct stack64 __user *, uoss)
{
	struct task *t = task_current();
	struct sigtask *st = sigstate(t);
	uint64_t sp = t->frame->rsp;
	struct stack64 old, ss;

	if (!st)
		return -ENOSYS;
	altstack_report(st, sp, &old);
	if (uss) {
		long err;

		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		err = altstack_change(st, &ss, sp);
		if (err)
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
