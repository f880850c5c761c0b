/*
 * proc.h - interfaces between the files of layer 20's process core
 * (not part of the layer's public interface: see include/ for that).
 */
#ifndef PROC_H
#define PROC_H

#include <task.h>

#define TASK_PID_MAX 32768	/* thread ids wrap here (Linux's default pid_max) */

struct exec_args;

/* task.c */
struct task *task_alloc(void);
void task_free(struct task *t);
void task_release_stack(struct task *t);
void task_prepare_stack(struct task *t, void (*fn)(void *), void *arg);

/* Called from assembly (syscall_entry.S). */
void sched_tail(void);
void syscall_from_user(struct trap_frame *tf);

/* sched.c */
void task_start(struct task *t);
void sched_init(void);
void sched_idle_loop(void) __noreturn;
void sched_user_return(struct trap_frame *tf);

/* exit.c */
void kthread_exit(void) __noreturn;
int task_group_in_use(pid_t id);
void mm_release(struct task *t);
void mm_put_unused(struct mm *mm);

/* init.c */
extern struct task *init_process;

/* signal.c */
void signal_deliver(struct trap_frame *tf);
void signal_faults_init(void);
int signal_fork_notify(struct task *child, uint64_t flags);
void signal_exec_notify(void);
void signal_exit_notify(struct task *t);

/* fork.c / exit.c */
void vfork_release(struct task *t);

/* mmap.c */
struct file;
int map_copy_file(struct file *f, uint64_t off, uint64_t addr, uint64_t len);
struct mm;
int mmap_beyond_eof(struct mm *mm, uint64_t addr);
struct inode;
int map_file_pages(struct mm *mm, struct inode *inode, uint64_t va, uint64_t first,
		   uint64_t npages, uint32_t vprot, int shared);

/* misc.c */
uint64_t random_u64(void);
void random_fill(void *buf, size_t n);

/* misc.c */
void task_rlimits_default(struct task *t);

/* exec.c */
int exec_kernel(const char *path, const char *const *argv, const char *const *envp);

/* futex.c */
int futex_wake_addr(uint64_t uaddr, int count);

#endif /* PROC_H */
