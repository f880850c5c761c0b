/*
 * sig.h - interfaces between the files of layer 30 (not part of the layer's
 * public interface: see include/sigstate.h for that).
 */
#ifndef SIG_H
#define SIG_H

#include <arch/trap.h>
#include <signal.h>
#include <sigstate.h>

/* SIGKILL and SIGSTOP can be neither blocked, caught nor ignored. */
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define SIG_STOPS (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))

/* Turn the alternate stack off. */
static inline void altstack_disable(struct sigtask *st)
{
	st->ss_sp = st->ss_size = 0;
	st->ss_flags = SS_DISABLE;
}

/* signal.c */
int sig_valid(int sig);
int sig_send_info(struct task *t, const struct ksiginfo *info, int thread);
int sig_dequeue(struct sigtask *st, uint64_t mask, struct ksiginfo *info);
uint64_t sig_pending_set(const struct sigtask *st);
int sig_is_ignored(const struct sighand *hand, int sig);
void sig_flush(struct sigproc *proc, uint64_t set);
void sig_set_blocked(struct sigtask *st, uint64_t blocked);
int sig_deliverable(const struct sigtask *st);

/* arch/x86_64/sigframe.c */
int sigframe_setup(struct trap_frame *tf, const struct ksiginfo *info,
		   const struct k_sigaction *ka, struct sigtask *st, uint64_t saved_mask);
long sigframe_return(struct trap_frame *tf);
void siginfo_to_linux(const struct ksiginfo *info, void *out);
void sigframe_init(void);
int sig_on_altstack(const struct sigtask *st, uint64_t sp);

/* itimer.c */
void itimer_disarm(struct sigproc *proc);

#endif /* SIG_H */
