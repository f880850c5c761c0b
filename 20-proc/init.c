/*
 * init.c - from booted kernel to the first user process.
 *
 * Layer 20's main (the hook kmain() runs last) turns the boot context into
 * the idle task and starts one kernel thread, which unpacks the initramfs,
 * opens /dev/console as fds 0, 1 and 2, and execs /init (or the `init=`
 * program) - becoming process 1.
 */
#include <arch/entry.h>
#include <arch/mmu.h>
#include <cmdline.h>
#include <errno.h>
#include <file.h>
#include <initcall.h>
#include <kmain.h>
#include <panic.h>
#include <printk.h>
#include <string.h>
#include <vfs.h>
#include "proc.h"

static const char *init_path;
static char init_path_buf[256];
struct task *init_process;

/* The command line is parsed from a temporary buffer: keep a copy. */
static int set_init(const char *value)
{
	if (strlcpy(init_path_buf, value, sizeof(init_path_buf)) >= sizeof(init_path_buf))
		return -ENAMETOOLONG;
	init_path = init_path_buf;
	return 0;
}
CMDLINE_PARAM(init, "init", set_init, "program to run as process 1 (default /init)");

static void init_thread(void *arg)
{
	const struct boot_info *bi = boot_info_get();
	static const char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/sbin:/usr/sbin:/bin:/usr/bin",
					    NULL };
	static const char *const fallbacks[] = { "/init", "/sbin/init", "/bin/init", "/bin/sh" };
	struct task *t = task_current();
	struct file *console;
	int err;

	if (bi->initrd_size) {
		err = initramfs_unpack(phys_to_virt(bi->initrd_base), bi->initrd_size);
		if (err)
			pr_err("init: the initramfs was rejected (%d); continuing without it\n", err);
		else
			pr_info("init: initramfs of %llu KiB unpacked\n",
				(unsigned long long)bi->initrd_size / 1024);
	} else {
		pr_warn("init: no initramfs was loaded\n");
	}

	t->files = files_create();
	t->fs = fs_context_create();
	if (!t->files || !t->fs)
		panic("init: out of memory");
	t->pgid = t->sid = t->tid;
	err = vfs_open("/dev/console", O_RDWR, 0, &console);
	if (err) {
		pr_err("init: cannot open /dev/console (%d): init runs without fds 0-2\n", err);
	} else {
		fd_install(file_get(console), 0);
		fd_install(file_get(console), 0);
		fd_install(console, 0);
	}

	if (init_path) {
		const char *argv[] = { init_path, NULL };

		err = exec_kernel(init_path, argv, envp);
		panic("init: cannot run init=%s (error %d)", init_path, err);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(fallbacks); i++) {
		const char *argv[] = { fallbacks[i], NULL };

		err = exec_kernel(fallbacks[i], argv, envp);
		if (err != -ENOENT)
			pr_err("init: %s failed (error %d)\n", fallbacks[i], err);
	}
	panic("init: no init found (tried /init, /sbin/init, /bin/init, /bin/sh)");
}

static void proc_main(void)
{
	struct task *init = kthread_create(init_thread, NULL, "init");

	if (!init || init->tid != 1)
		panic("init: cannot create process 1");
	init_process = init;
	sched_idle_loop();
}

static int proc_init(void)
{
	entry_init();
	sched_init();
	signal_faults_init();
	trap_set_user_return(sched_user_return);
	kmain_set_main(proc_main);
	return 0;
}
INITCALL(INITCALL_ARCH, proc_init);
