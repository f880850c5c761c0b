/*
 * exec.c - execve(2): replace the current program with a new one.
 *
 * The work is done in an order that keeps the caller alive as long as
 * possible: arguments are copied in, the file is checked and parsed, then
 * a complete new address space is built and filled while the old one still
 * exists.  Only when everything is in place does the task switch to it - so
 * a bad ELF, a missing interpreter or a lack of memory is an error return
 * to the caller, never a half-dead process.
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <arch/gdt.h>
#include <arch/mmu.h>
#include <errno.h>
#include <file.h>
#include <inode.h>
#include <kmalloc.h>
#include <mm.h>
#include <printk.h>
#include <signal.h>
#include <string.h>
#include <syscall.h>
#include <timer.h>
#include <uaccess.h>
#include <vfs.h>
#include "exec/elf_parse.h"
#include "exec/initial_stack.h"
#include "exec/shebang.h"
#include "proc.h"

#define EXEC_PATH_MAX 4096
#define EXEC_STRINGS_MAX (256 * 1024)	/* bytes of argv + envp strings we accept */
#define EXEC_ARGS_MAX 65536		/* argv + envp entries */
#define SHEBANG_DEPTH 4			/* Linux allows a few levels of #! */
#define STACK_TOP 0x00007ffffffff000ULL
#define STACK_MIN (128 * 1024ULL)
#define STACK_MAX (256 * 1024 * 1024ULL)
#define PIE_BASE 0x0000555555554000ULL	/* where a PIE goes, as on Linux without ASLR */

/* The new program's arguments and environment, in kernel memory. */
struct exec_args {
	char *strings;		/* all strings, NUL-terminated, back to back */
	size_t used;
	const char **argv;
	size_t argc;
	const char **envp;
	size_t envc;
};

static void exec_args_free(struct exec_args *a)
{
	kfree(a->strings);
	kfree(a->argv);
	kfree(a->envp);
}

static int args_alloc(struct exec_args *a, size_t argc, size_t envc)
{
	memset(a, 0, sizeof(*a));
	a->strings = kmalloc(EXEC_STRINGS_MAX);
	a->argv = kmalloc((argc + SHEBANG_DEPTH * 2 + 1) * sizeof(char *));
	a->envp = kmalloc((envc + 1) * sizeof(char *));
	if (!a->strings || !a->argv || !a->envp) {
		exec_args_free(a);
		return -ENOMEM;
	}
	return 0;
}

static const char *args_add_kernel(struct exec_args *a, const char *s)
{
	size_t n = strlen(s) + 1;

	if (n > EXEC_STRINGS_MAX - a->used)
		return NULL;
	memcpy(a->strings + a->used, s, n);
	a->used += n;
	return a->strings + a->used - n;
}

/* Count a NULL-terminated user array of string pointers. */
static long count_user_array(const char __user *const __user *arr)
{
	long n = 0;

	if (!arr)
		return 0;
	for (;;) {
		const char __user *p;

		if (get_user(&p, arr + n))
			return -EFAULT;
		if (!p)
			return n;
		if (++n > EXEC_ARGS_MAX)
			return -E2BIG;
	}
}

static int copy_user_strings(struct exec_args *a, const char __user *const __user *arr, size_t n,
			     const char **out)
{
	for (size_t i = 0; i < n; i++) {
		const char __user *p;
		long len;

		if (get_user(&p, arr + i))
			return -EFAULT;
		len = strncpy_from_user(a->strings + a->used, p, EXEC_STRINGS_MAX - a->used);
		if (len == -ENAMETOOLONG)
			return -E2BIG;
		if (len < 0)
			return (int)len;
		out[i] = a->strings + a->used;
		a->used += (size_t)len + 1;
	}
	out[n] = NULL;
	return 0;
}

/* ------------------------------------------------------------ loading */

struct loaded {
	struct elf_image img;
	uint64_t bias;		/* added to every vaddr (0 for ET_EXEC) */
};

static uint32_t vma_prot(uint32_t elf_prot)
{
	return ((elf_prot & ELF_PROT_READ) ? VMA_READ : 0) |
	       ((elf_prot & ELF_PROT_WRITE) ? VMA_WRITE : 0) |
	       ((elf_prot & ELF_PROT_EXEC) ? VMA_EXEC : 0);
}

/* Read and check the ELF header and program headers of @f. */
static int elf_read(struct file *f, const char *path, struct elf_image *img)
{
	uint8_t hdr[64];
	void *phdrs;
	ssize_t n = file_pread_kernel(f, hdr, sizeof(hdr), 0);
	size_t len;
	int err;

	if (n < 0)
		return (int)n;
	err = elf_parse_header(hdr, (size_t)n, file_size(f), img);
	if (err)
		goto bad;
	len = (size_t)img->phnum * sizeof(Elf64_Phdr);
	phdrs = kmalloc(len);
	if (!phdrs)
		return -ENOMEM;
	n = file_pread_kernel(f, phdrs, len, img->phoff);
	err = n < 0 ? (int)n : elf_parse_phdrs(phdrs, (size_t)n, file_size(f), img);
	kfree(phdrs);
	if (err == -ENOEXEC)
		goto bad;
	return err;
bad:
	pr_info("exec: %s: not a valid executable: %s\n", path, img->error ? img->error : "?");
	return -ENOEXEC;
}

/*
 * Map every PT_LOAD of @l into @mm (the current address space) and fill it
 * from @f.  Like Linux, a segment's first page also holds the file bytes
 * before p_vaddr in that page; bytes after p_filesz are zero (fresh pages),
 * so the data of the next segment never leaks into .bss.
 */
static int elf_load(struct mm *mm, struct file *f, struct loaded *l)
{
	for (uint32_t i = 0; i < l->img.nr_loads; i++) {
		const struct elf_segment *s = &l->img.loads[i];
		uint64_t va = l->bias + s->vaddr;
		uint64_t start = ALIGN_DOWN(va, PAGE_SIZE);
		uint64_t end = ALIGN_UP(va + s->memsz, PAGE_SIZE);
		uint64_t lead = va - start;
		int64_t r;
		int err;

		if (end > VMA_USER_MAX || start < VMA_USER_MIN)
			return -ENOEXEC;
		/*
		 * A read-only segment without .bss shares the file's pages
		 * (copy-on-write, so nothing can write into the file): no copy
		 * of the program text at every exec.
		 */
		if (!(s->prot & ELF_PROT_WRITE) && s->memsz == s->filesz && f->inode &&
		    f->inode->ops && f->inode->ops->map_page) {
			r = mm_map(mm, start, end - start, vma_prot(s->prot), VMA_PRIVATE, NULL, 0, 1);
			if (r < 0)
				return (int)r;
			err = map_file_pages(mm, f->inode, start, (s->offset - lead) / PAGE_SIZE,
					     (end - start) / PAGE_SIZE, vma_prot(s->prot), 0);
			if (err)
				return err;
			continue;
		}
		r = mm_map(mm, start, end - start, vma_prot(s->prot) | VMA_WRITE,
			   VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
		if (r < 0)
			return (int)r;
		err = map_copy_file(f, s->offset - lead, start, s->filesz + lead);
		if (err)
			return err;
		if (!(s->prot & ELF_PROT_WRITE)) {
			err = mm_protect(mm, start, end - start, vma_prot(s->prot));
			if (err)
				return err;
		}
	}
	return 0;
}

/* An interpreter (ld.so) goes wherever the address space has room for its span. */
static int interp_place(struct mm *mm, struct loaded *l)
{
	uint64_t span = l->img.span_end - l->img.span_start;
	int64_t base = mm_map(mm, 0, span, 0, VMA_ANON | VMA_PRIVATE, NULL, 0, 0);

	if (base < 0)
		return (int)base;
	l->bias = (uint64_t)base - l->img.span_start;
	return 0;
}

static uint64_t cpu_hwcap(void)
{
	return cpuid(1, 0).edx;		/* AT_HWCAP on x86 is CPUID.1:EDX */
}

/* Lay out argc/argv/envp/auxv at the top of the new stack. */
static int stack_build(struct exec_args *a, const char *execfn, const struct loaded *main,
		       const struct loaded *interp, uint64_t *rsp)
{
	struct task *t = task_current();
	uint8_t random[INITIAL_STACK_RANDOM_SIZE];
	Elf64_auxv_t aux[16];
	size_t n = 0, size;
	void *buf;
	int err;

#define AUX(type, val) (aux[n].a_type = (type), aux[n].a_un.a_val = (val), n++)
	AUX(AT_HWCAP, cpu_hwcap());
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, main->bias + main->img.phdr_vaddr);
	AUX(AT_PHENT, sizeof(Elf64_Phdr));
	AUX(AT_PHNUM, main->img.phnum);
	AUX(AT_BASE, interp ? interp->bias + interp->img.span_start : 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, main->bias + main->img.entry);
	AUX(AT_UID, t->uid);
	AUX(AT_EUID, t->euid);
	AUX(AT_GID, t->gid);
	AUX(AT_EGID, t->egid);
	AUX(AT_SECURE, 0);
#undef AUX
	random_fill(random, sizeof(random));

	struct initial_stack_args sa = {
		.argc = a->argc, .argv = a->argv, .envc = a->envc, .envp = a->envp,
		.execfn = execfn, .random = random, .platform = "x86_64",
		.auxv = aux, .auxc = n,
	};

	/* Strings, their pointers, auxv and a little alignment slack. */
	size = ALIGN_UP(a->used + strlen(execfn) + 1 + (a->argc + a->envc + 3) * 8 +
			(n + 4) * 16 + 64 + 16 + 16, 16);
	buf = kmalloc(size);
	if (!buf)
		return -ENOMEM;
	err = initial_stack_build(buf, size, STACK_TOP, &sa, rsp);
	if (!err && copy_to_user((void __user *)(uintptr_t)(STACK_TOP - size), buf, size))
		err = -EFAULT;
	kfree(buf);
	return err;
}

/*
 * execve ends every other thread of the process (Linux's de_thread).  Each
 * is marked and woken; it leaves at its next return to user mode or out of
 * its sleep.  When the caller is not the leader, the leader ends too and
 * stays a zombie holding the process id, and the caller's own exit later
 * becomes the process's exit status (Linux moves the caller into the
 * leader's place instead; what a parent and getpid() see is the same).
 */
static void exec_end_other_threads(struct task *t)
{
	struct task *leader = t->leader;
	struct list_node *n;

	if (leader == t && list_empty(&leader->threads))
		return;
	if (leader != t && leader->state != TASK_ZOMBIE) {
		leader->exec_killed = 1;
		task_wake(leader);
	}
	list_for_each(n, &leader->threads) {
		struct task *th = list_entry(n, struct task, thread_node);

		if (th != t) {
			th->exec_killed = 1;
			task_wake(th);
			task_resume(th);
		}
	}
	for (;;) {
		int others = leader != t && leader->state != TASK_ZOMBIE;

		list_for_each(n, &leader->threads)
			if (list_entry(n, struct task, thread_node) != t)
				others = 1;
		if (!others)
			break;
		/*
		 * Give them the CPU: woken (or resumed) with exec_killed set, each
		 * is runnable and leaves at its next step.  A sleep would not do:
		 * a signal pending for us would end it at once, and this loop
		 * would spin in the kernel, where nothing preempts it.
		 */
		schedule();
	}
	if (leader != t)
		t->exec_took_over = 1;
}

static const char *basename(const char *path)
{
	const char *s = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			s = p + 1;
	return s;
}

/*
 * Build the new address space for @f (and its interpreter), switch to it,
 * and set the registers.  On failure the caller's address space is back in
 * place and untouched.
 */
static int exec_image(struct file *f, const char *path, struct exec_args *a, const char *execfn)
{
	struct task *t = task_current();
	struct mm *old = t->mm, *mm;
	/* Two ELF summaries are ~1.4 KiB: too much for a 16 KiB kernel stack. */
	struct loaded *img = kzalloc(2 * sizeof(*img));
	struct file *ifile = NULL;
	uint64_t rsp, entry;
	int err;

	if (!img)
		return -ENOMEM;
	err = elf_read(f, path, &img[0].img);
	if (err)
		goto out_file;
	if (img[0].img.has_interp) {
		char *ipath = kmalloc(img[0].img.interp_size);

		if (!ipath) {
			err = -ENOMEM;
			goto out_file;
		}
		ssize_t n = file_pread_kernel(f, ipath, img[0].img.interp_size, img[0].img.interp_offset);

		err = n < 0 ? (int)n : (size_t)n != img[0].img.interp_size ? -ENOEXEC :
		      elf_check_interp(ipath, (size_t)n);
		if (!err)
			err = vfs_open(ipath, O_RDONLY, 0, &ifile);
		if (!err)
			err = elf_read(ifile, ipath, &img[1].img);
		if (err)
			pr_info("exec: %s: interpreter %s: error %d\n", path, ipath, err);
		kfree(ipath);
		if (err)
			goto out_file;
	}
	if (img[0].img.type == ET_DYN)
		img[0].bias = PIE_BASE - img[0].img.span_start;
	if (!img[0].img.has_phdr_vaddr) {
		err = -ENOEXEC;		/* AT_PHDR unknowable: the program headers are not mapped */
		goto out_file;
	}

	/* Past the checks: build the new address space while the old one exists. */
	mm = mm_create();
	if (!mm) {
		err = -ENOMEM;
		goto out_file;
	}
	mm_switch(mm);
	err = elf_load(mm, f, &img[0]);
	if (!err && ifile)
		err = interp_place(mm, &img[1]);
	if (!err && ifile)
		err = elf_load(mm, ifile, &img[1]);
	if (!err) {
		/* The stack reserves RLIMIT_STACK, within sane bounds ("unlimited" included). */
		uint64_t ssize = t->rlimits[3][0];

		ssize = ssize < STACK_MIN ? STACK_MIN : ssize > STACK_MAX ? STACK_MAX : ssize;
		ssize = ALIGN_UP(ssize, PAGE_SIZE);
		int64_t r = mm_map(mm, STACK_TOP - ssize, ssize,
				   VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE | VMA_STACK, NULL,
				   0, 1);

		err = r < 0 ? (int)r : stack_build(a, execfn, &img[0], ifile ? &img[1] : NULL, &rsp);
	}
	if (err) {
		mm_switch(old);
		mm_destroy(mm);
		goto out_file;
	}
	mm_set_brk_base(mm, ALIGN_UP(img[0].bias + img[0].img.span_end, PAGE_SIZE));
	entry = ifile ? img[1].bias + img[1].img.entry : img[0].bias + img[0].img.entry;

	/* The point of no return: from here on the old program is gone. */
	exec_end_other_threads(t);
	t->mm = mm;
	mm_switch(mm);		/* waiting for the threads switched back to the old one */
	mm_put_unused(old);	/* destroys it unless a vfork parent or a thread still uses it */
	vfork_release(t);
	if (t->files) {
		struct files *own = files_dup(t->files);

		/* A table shared with other processes is unshared at exec, as in Linux. */
		if (own) {
			files_put(t->files);
			t->files = own;
		}
		files_close_on_exec(t->files);
	}
	strlcpy(t->comm, basename(path), sizeof(t->comm));
	t->fs_base = 0;
	set_fs_base(0);
	fpu_init_state(t->fpu);
	fpu_restore(t->fpu);
	signal_exec_notify();

	memset(t->frame, 0, sizeof(*t->frame));
	t->frame->rip = entry;
	t->frame->rsp = rsp;
	t->frame->cs = GDT_USER_CS;
	t->frame->ss = GDT_USER_DS;
	t->frame->rflags = RFLAGS_IF | 0x2;	/* bit 1 is always set */
	t->frame->vector = TRAP_SYSCALL;
	err = 0;
out_file:
	if (ifile)
		file_put(ifile);
	kfree(img);
	return err;
}

/* Open @path and run it, following "#!" lines; the shared core of execve and init. */
static int do_execve(const char *path, struct exec_args *a)
{
	const char *execfn = path;
	char *head = kmalloc(SHEBANG_BUF_SIZE);
	struct shebang *sb = kmalloc(sizeof(*sb));
	int err = -ENOMEM;

	if (!head || !sb)
		goto out;
	for (int depth = 0;; depth++) {
		struct file *f;
		ssize_t n;

		err = vfs_open(path, O_RDONLY, 0, &f);
		if (err)
			goto out;
		err = file_exec_check(f);
		n = err ? err : file_pread_kernel(f, head, SHEBANG_BUF_SIZE, 0);
		if (n < 0) {
			file_put(f);
			err = (int)n;
			goto out;
		}
		if (n < 2 || head[0] != '#' || head[1] != '!') {
			err = exec_image(f, path, a, execfn);
			file_put(f);
			goto out;
		}
		file_put(f);
		if (depth >= SHEBANG_DEPTH) {
			err = -ELOOP;
			goto out;
		}
		err = shebang_parse(head, (size_t)n, sb);
		if (err)
			goto out;
		/* argv becomes: interpreter, [its argument], the script's path, argv[1...]. */
		size_t extra = sb->has_arg ? 2 : 1;
		const char *script = args_add_kernel(a, path);
		const char *ip = args_add_kernel(a, sb->interp);
		const char *arg = sb->has_arg ? args_add_kernel(a, sb->arg) : "";

		if (!script || !ip || !arg) {
			err = -E2BIG;
			goto out;
		}
		if (a->argc == 0)
			a->argc = 1;	/* no argv[0] to replace: the script path takes its place */
		memmove(a->argv + extra + 1, a->argv + 1, a->argc * sizeof(char *));
		a->argv[0] = ip;
		if (sb->has_arg)
			a->argv[1] = arg;
		a->argv[extra] = script;
		a->argc += extra;
		path = ip;
	}
out:
	kfree(head);
	kfree(sb);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, upath, const char __user *const __user *, uargv,
		const char __user *const __user *, uenvp)
{
	struct exec_args a;
	long argc = count_user_array(uargv), envc = count_user_array(uenvp);
	char *path;
	int err;

	if (argc < 0)
		return argc;
	if (envc < 0)
		return envc;
	if (args_alloc(&a, (size_t)argc, (size_t)envc))
		return -ENOMEM;
	path = kmalloc(EXEC_PATH_MAX);
	err = path ? (int)strncpy_from_user(path, upath, EXEC_PATH_MAX) : -ENOMEM;
	if (err >= 0)
		err = copy_user_strings(&a, uargv, (size_t)argc, a.argv);
	if (err >= 0)
		err = copy_user_strings(&a, uenvp, (size_t)envc, a.envp);
	if (err >= 0) {
		a.argc = (size_t)argc;
		a.envc = (size_t)envc;
		err = do_execve(path, &a);
	}
	kfree(path);
	exec_args_free(&a);
	return err;
}

int exec_kernel(const char *path, const char *const *argv, const char *const *envp)
{
	struct exec_args a;
	size_t argc = 0, envc = 0;
	int err;

	while (argv[argc])
		argc++;
	while (envp[envc])
		envc++;
	err = args_alloc(&a, argc, envc);
	if (err)
		return err;
	for (size_t i = 0; i < argc; i++)
		a.argv[i] = args_add_kernel(&a, argv[i]);
	for (size_t i = 0; i < envc; i++)
		a.envp[i] = args_add_kernel(&a, envp[i]);
	a.argc = argc;
	a.envc = envc;
	err = do_execve(path, &a);
	exec_args_free(&a);
	if (err)
		return err;
	/* A kernel thread becomes a user process: leave through the new frame. */
	enter_user(task_current()->frame);
}
