/*
 * fork.c - new processes and threads: clone(2), fork(2) and vfork(2).
 *
 * A child starts as a copy of the caller's syscall frame with rax = 0, so it
 * "returns" from the same syscall.  What it shares with the parent is what
 * the clone flags say: the address space (CLONE_VM, otherwise a copy-on-write
 * duplicate), the fd table (CLONE_FILES), the working directory (CLONE_FS),
 * the thread group (CLONE_THREAD).
 */
#include <arch/entry.h>
#include <errno.h>
#include <mm.h>
#include <signal.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>
#include <vfs.h>
#include "proc.h"

#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_VFORK | CLONE_PARENT | CLONE_THREAD | CLONE_SYSVSEM | \
			 CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
			 CLONE_DETACHED | CLONE_UNTRACED | CLONE_CHILD_SETTID | CLONE_IO)

/* The flag combinations clone(2) refuses with EINVAL. */
static int clone_flags_valid(uint64_t flags)
{
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return 0;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return 0;
	if ((flags & CLONE_FS) && (flags & CLONE_NEWNS))
		return 0;
	return 1;
}

static long do_clone(uint64_t flags, uint64_t newsp, int __user *parent_tid,
		     int __user *child_tid, uint64_t tls)
{
	struct task *cur = task_current(), *leader = cur->leader, *c;
	long err = -ENOMEM;

	if (flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	if (!clone_flags_valid(flags))
		return -EINVAL;
	c = task_alloc();
	if (!c)
		return -EAGAIN;

	/* The address space: shared, or a copy-on-write duplicate. */
	if (flags & CLONE_VM) {
		c->mm = cur->mm;
	} else {
		/* LAB 20 BEGIN cow_fork */
		/* LAB STUB: c->mm = cur->mm; */
		/* mm_dup() also flushes the TLB: the parent's pages just became read-only. */
		c->mm = mm_dup(cur->mm);
		if (!c->mm)
			goto out_free;
		/* LAB 20 END cow_fork */
	}
	c->files = (flags & CLONE_FILES) ? files_get(cur->files) : files_dup(cur->files);
	if (!c->files)
		goto out_mm;
	c->fs = (flags & CLONE_FS) ? fs_context_get(cur->fs) : fs_context_dup(cur->fs);
	if (!c->fs)
		goto out_files;

	memcpy(c->comm, cur->comm, sizeof(c->comm));
	memcpy(c->rlimits, cur->rlimits, sizeof(c->rlimits));
	c->uid = cur->uid, c->euid = cur->euid, c->suid = cur->suid;
	c->gid = cur->gid, c->egid = cur->egid, c->sgid = cur->sgid;
	c->fs_base = (flags & CLONE_SETTLS) ? tls : cur->fs_base;
	fpu_save(cur->fpu);		/* the live registers are the parent's state */
	memcpy(c->fpu, cur->fpu, sizeof(c->fpu));
	c->signal = NULL;
	err = signal_fork_notify(c, flags);
	if (err)
		goto out_links_early;
	err = -ENOMEM;

	if (flags & CLONE_THREAD) {
		c->tgid = leader->tgid;
		c->leader = leader;
		c->exit_signal = 0;
		list_add_tail(&c->thread_node, &leader->threads);
	} else {
		struct task *parent = (flags & CLONE_PARENT) ? leader->parent : leader;

		c->exit_signal = flags & CSIGNAL;
		c->parent = parent;
		if (parent)
			list_add_tail(&c->sibling_node, &parent->children);
	}
	c->pgid = leader->pgid;
	c->sid = leader->sid;

	/* The child returns from this syscall with rax = 0, on its own stack if given one. */
	*c->frame = *cur->frame;
	c->frame->rax = 0;
	if (newsp)
		c->frame->rsp = newsp;
	task_prepare_stack(c, NULL, NULL);

	if (flags & CLONE_CHILD_SETTID)
		c->set_child_tid = (uint64_t)(__force uintptr_t)child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		c->clear_child_tid = (uint64_t)(__force uintptr_t)child_tid;
	if ((flags & CLONE_PARENT_SETTID) && put_user(&c->tid, parent_tid)) {
		/* Linux reports the fault after the child exists; we refuse earlier. */
		err = -EFAULT;
		goto out_links;
	}
	if (flags & CLONE_VFORK)
		c->vfork_parent = cur;

	pid_t tid = c->tid;

	task_start(c);
	if (flags & CLONE_VFORK) {
		/*
		 * Sleep until the child execs or exits: it runs on our memory
		 * and stack until then.  Only a group exit may cut this short
		 * (signals cannot: the child still uses our stack).
		 */
		/* LAB 20 BEGIN vfork_wait */
		wait_event_killable_deadline(&c->vfork_wq, c->vfork_done, 0);
		/* LAB 20 END vfork_wait */
	}
	return tid;

out_links:
	if (flags & CLONE_THREAD)
		list_del(&c->thread_node);
	else
		list_del(&c->sibling_node);
	signal_exit_notify(c);
out_links_early:
	fs_context_put(c->fs);
out_files:
	files_put(c->files);
out_mm:
	if (!(flags & CLONE_VM))
		mm_destroy(c->mm);
	c->mm = NULL;
out_free:
	c->state = TASK_DEAD;
	task_free(c);
	return err;
}

/* x86_64 argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, uint64_t, flags, uint64_t, newsp, int __user *, parent_tid,
		int __user *, child_tid, uint64_t, tls)
{
	return do_clone(flags, newsp, parent_tid, child_tid, tls);
}

SYSCALL_DEFINE0(fork)
{
	return do_clone(SIGCHLD, 0, NULL, NULL, 0);
}

SYSCALL_DEFINE0(vfork)
{
	return do_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, NULL, NULL, 0);
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	task_current()->clear_child_tid = (uint64_t)(__force uintptr_t)tidptr;
	return task_current()->tid;
}
