/*
 * misc.c - small syscalls about the process itself: ids, process groups and
 * sessions, resource limits, uname, sysinfo, arch_prctl, getrandom, reboot.
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <arch/mmu.h>
#include <errno.h>
#include <pmm.h>
#include <power.h>
#include <printk.h>
#include <string.h>
#include <syscall.h>
#include <timer.h>
#include <uaccess.h>
#include "proc.h"

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NOFILE 7
#define RLIMIT_AS 9
#define RLIMIT_NLIMITS 16
#define RLIM_INFINITY (~0ULL)

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

void task_rlimits_default(struct task *t)
{
	for (int i = 0; i < RLIMIT_NLIMITS; i++)
		t->rlimits[i][0] = t->rlimits[i][1] = RLIM_INFINITY;
	/* The values a Linux login shell usually starts with. */
	t->rlimits[RLIMIT_STACK][0] = 8 << 20;
	t->rlimits[RLIMIT_CORE][0] = 0;
	t->rlimits[RLIMIT_NOFILE][0] = 1024;
	t->rlimits[RLIMIT_NOFILE][1] = 4096;
}

SYSCALL_DEFINE0(getpid)
{
	return task_current()->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return task_current()->tid;
}

SYSCALL_DEFINE0(getppid)
{
	struct task *p = task_current()->leader->parent;

	return p ? p->tgid : 0;
}

SYSCALL_DEFINE0(getuid)
{
	return task_current()->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return task_current()->euid;
}

SYSCALL_DEFINE0(getgid)
{
	return task_current()->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return task_current()->egid;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, r, uid_t __user *, e, uid_t __user *, s)
{
	struct task *t = task_current();

	if (put_user(&t->uid, r) || put_user(&t->euid, e) || put_user(&t->suid, s))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, r, gid_t __user *, e, gid_t __user *, s)
{
	struct task *t = task_current();

	if (put_user(&t->gid, r) || put_user(&t->egid, e) || put_user(&t->sgid, s))
		return -EFAULT;
	return 0;
}

/* Only root changes ids here (there are no capabilities to consult). */
SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	struct task *t = task_current();

	if (t->euid == 0)
		t->uid = t->suid = uid;
	else if (uid != t->uid && uid != t->suid)
		return -EPERM;
	t->euid = uid;
	return 0;
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	struct task *t = task_current();

	if (t->euid == 0)
		t->gid = t->sgid = gid;
	else if (gid != t->gid && gid != t->sgid)
		return -EPERM;
	t->egid = gid;
	return 0;
}

SYSCALL_DEFINE2(getgroups, int, size, gid_t __user *, list)
{
	/* No supplementary groups. */
	return size < 0 ? -EINVAL : 0;
}

SYSCALL_DEFINE2(setgroups, int, size, const gid_t __user *, list)
{
	if (task_current()->euid != 0)
		return -EPERM;
	/* Supplementary groups are not kept: accept only the empty list. */
	return size == 0 ? 0 : -EINVAL;
}

/* ------------------------------------------------ process groups, sessions */

static struct task *process_find(pid_t pid)
{
	struct task *t = pid ? task_find(pid) : task_current()->leader;

	if (!t || t->tgid != t->tid || t->state == TASK_DEAD)
		return NULL;
	return t;
}

static int pgrp_exists_in_session(pid_t pgid, pid_t sid)
{
	struct list_node *n;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->leader == t && t->pgid == pgid && t->sid == sid && t->state != TASK_DEAD)
			return 1;
	}
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task *self = task_current()->leader;
	struct task *t = process_find(pid);

	if (pgid < 0)
		return -EINVAL;
	if (!t || (t != self && t->parent != self))
		return -ESRCH;
	if (t->sid != self->sid)
		return -EPERM;
	if (t->tgid == t->sid)		/* a session leader keeps its group */
		return -EPERM;
	/* setpgid(0, 0) means "my own pid", never group 0. */
	if (!pgid)
		pgid = t->tgid;
	if (pgid != t->tgid && !pgrp_exists_in_session(pgid, self->sid))
		return -EPERM;
	t->pgid = pgid;
	return 0;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task *t = process_find(pid);

	return t ? t->pgid : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return task_current()->leader->pgid;
}

SYSCALL_DEFINE0(setsid)
{
	struct task *self = task_current()->leader;

	/* A group leader may not start a session: its group would straddle two. */
	struct list_node *n;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->state != TASK_DEAD && t->pgid == self->tgid)
			return -EPERM;
	}
	self->sid = self->pgid = self->tgid;
	return self->sid;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task *t = process_find(pid);

	return t ? t->sid : -ESRCH;
}

/* ------------------------------------------------ limits */

struct rlimit64 {
	uint64_t cur;
	uint64_t max;
};

static long do_prlimit(struct task *t, unsigned int res, const struct rlimit64 __user *new,
		       struct rlimit64 __user *old)
{
	struct rlimit64 nv;

	if (res >= RLIMIT_NLIMITS)
		return -EINVAL;
	if (new && copy_from_user(&nv, new, sizeof(nv)))
		return -EFAULT;
	if (new && nv.cur > nv.max)
		return -EINVAL;
	if (new && nv.max > t->rlimits[res][1] && task_current()->euid != 0)
		return -EPERM;
	if (old && copy_to_user(old, t->rlimits[res], sizeof(struct rlimit64)))
		return -EFAULT;
	if (new) {
		t->rlimits[res][0] = nv.cur;
		t->rlimits[res][1] = nv.max;
	}
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, res, struct rlimit64 __user *, old)
{
	/* Unlike prlimit64's, getrlimit's pointer is not optional: NULL is -EFAULT. */
	if (!old)
		return -EFAULT;
	return do_prlimit(task_current(), res, NULL, old);
}

#define PR_SET_NAME 15
#define PR_GET_NAME 16

SYSCALL_DEFINE5(prctl, int, option, uint64_t, arg2, uint64_t, arg3, uint64_t, arg4, uint64_t, arg5)
{
	struct task *t = task_current();
	char name[TASK_COMM_LEN];
	long n;

	switch (option) {
	case PR_SET_NAME:
		/* The name is cut to 15 bytes, as Linux does, not refused. */
		n = strncpy_from_user(name, (const char __user *)arg2, sizeof(name));
		if (n == -EFAULT)
			return -EFAULT;
		if (n == -ENAMETOOLONG) {
			if (copy_from_user(name, (const char __user *)arg2, sizeof(name) - 1))
				return -EFAULT;
		}
		name[sizeof(name) - 1] = 0;
		memcpy(t->comm, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void __user *)arg2, t->comm, sizeof(t->comm));
	default:
		/* Other options (capabilities, seccomp, ...) have nothing behind them here. */
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(setrlimit, unsigned int, res, const struct rlimit64 __user *, new)
{
	if (!new)
		return -EFAULT;
	return do_prlimit(task_current(), res, new, NULL);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, res, const struct rlimit64 __user *, new,
		struct rlimit64 __user *, old)
{
	struct task *t = pid ? task_find(pid) : task_current();

	if (!t)
		return -ESRCH;
	return do_prlimit(t, res, new, old);
}

/* ------------------------------------------------ system information */

struct utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

static char hostname[65] = "strata";

SYSCALL_DEFINE1(uname, struct utsname __user *, buf)
{
	struct utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, hostname, sizeof(u.nodename));
	/* C libraries compare the release with their minimum kernel: claim the ABI we follow. */
	strlcpy(u.release, "6.1.0-strata", sizeof(u.release));
	strlcpy(u.version, "#1 " STRATA_LAYER, sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(buf, &u, sizeof(u));
}

SYSCALL_DEFINE2(sethostname, const char __user *, name, int, len)
{
	char buf[65];

	if (task_current()->euid != 0)
		return -EPERM;
	if (len < 0 || len > 64)
		return -EINVAL;
	if (copy_from_user(buf, name, len))
		return -EFAULT;
	buf[len] = 0;
	memcpy(hostname, buf, sizeof(hostname));
	return 0;
}

struct sysinfo {
	int64_t uptime;
	uint64_t loads[3];
	uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	char reserved[4];
};

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;
	struct list_node *n;

	memset(&si, 0, sizeof(si));
	si.uptime = timer_ticks() / TIMER_HZ;
	struct pmm_stats st;

	pmm_stats(&st);
	si.totalram = st.total * PAGE_SIZE;
	/* Pre-zeroed pages are free memory to a user, as Linux counts them. */
	si.freeram = (st.free + st.zero_cached) * PAGE_SIZE;
	list_for_each(n, &task_list)
		si.procs++;
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si));
}

SYSCALL_DEFINE2(arch_prctl, int, code, uint64_t, addr)
{
	struct task *t = task_current();

	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_SPACE_END)
			return -EPERM;
		t->fs_base = addr;
		set_fs_base(addr);
		return 0;
	case ARCH_GET_FS:
		return put_user(&t->fs_base, (uint64_t __user *)addr);
	default:
		/* GS stays the kernel's business here (swapgs); nothing in user space needs it. */
		return -EINVAL;
	}
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

/* ------------------------------------------------ randomness */

static uint64_t rng_state;

/*
 * A xorshift generator stirred with the time stamp counter (and RDRAND when
 * the CPU has it).  Good for AT_RANDOM and hash seeds; NOT cryptographic -
 * layer 50's TLS users should not rely on it.
 */
uint64_t random_u64(void)
{
	uint64_t x = rng_state ^ rdtsc();
	unsigned char ok = 0;
	uint64_t hw = 0;

	if (cpuid(1, 0).ecx & (1U << 30))	/* RDRAND */
		__asm__ __volatile__("rdrand %0; setc %1" : "=r"(hw), "=qm"(ok));
	if (ok)
		x ^= hw;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x * 0x2545f4914f6cdd1dULL;
	return rng_state;
}

void random_fill(void *buf, size_t n)
{
	uint8_t *p = buf;

	while (n) {
		uint64_t v = random_u64();
		size_t k = n < 8 ? n : 8;

		memcpy(p, &v, k);
		p += k;
		n -= k;
	}
}

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2
#define GRND_INSECURE 4

SYSCALL_DEFINE3(getrandom, void __user *, buf, size_t, len, unsigned int, flags)
{
	uint8_t chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if (len > 33554431)	/* Linux caps one call at 32 MiB - 1 */
		len = 33554431;
	while (done < len) {
		size_t k = len - done < sizeof(chunk) ? len - done : sizeof(chunk);

		random_fill(chunk, k);
		if (copy_to_user((uint8_t __user *)buf + done, chunk, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return done;
}

/* ------------------------------------------------ reboot */

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc
#define LINUX_REBOOT_CMD_CAD_ON 0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != 85072278 && magic2 != 369367448 &&
	     magic2 != 537993216))
		return -EINVAL;
	if (task_current()->euid != 0)
		return -EPERM;
	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		pr_notice("reboot: power off requested by %s[%d]\n", task_current()->comm,
			  task_current()->tid);
		power_off(POWER_STATUS_OK);
	case LINUX_REBOOT_CMD_RESTART:
		/* The emulators run with -no-reboot: a restart ends them, like a power-off. */
		pr_notice("reboot: restart requested; this kernel powers off instead\n");
		power_off(POWER_STATUS_OK);
	default:
		return -EINVAL;
	}
}
