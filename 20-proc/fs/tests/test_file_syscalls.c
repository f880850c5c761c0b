/*
 * test_file_syscalls.c - the file syscalls themselves, on the host.
 *
 * The syscall sources are #included so their static sys_* functions can be
 * called directly; "user memory" is ordinary memory (the copy helpers are
 * memcpy), and there is one task whose fd table and fs context are real.
 * A wait that would put the task to sleep is reported as interrupted
 * (-ERESTARTSYS) and counted, so a test can prove that a call *would block*
 * instead of returning a wrong answer at once.
 *
 * Not covered here: the character devices (their registry is a linker
 * section; see tests/ktest_fs.c) and really sleeping.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <errno.h>
#include <signal.h>	/* the C library's: its si_code names first (see the kernel's signal.h) */
#include <stdarg.h>
#include <printk.h>
/*
 * The C library has headers called wait.h, syscall.h and signal.h, and it
 * comes first on the host: take the kernel's by path so their guards are set.
 */
#include "../../include/wait.h"
#include "../../include/syscall.h"
#include "../../include/signal.h"
#include <task.h>

/* The files under test, in one translation unit. */
#include "../file.c"
#include "../fdtable.c"
#include "../fs_context.c"
#include "../user_path.c"
#include "../open.c"
#include "../read_write.c"
#include "../fcntl.c"
#include "../pipe.c"
#include "../stat.c"
#include "../dir_syscalls.c"

/* ---------------------------------------------------------------- stubs */

static struct task me;
static struct super_block *sb;
static int would_block, signals_sent, last_signal;

void *kmalloc(size_t n) { return malloc(n ? n : 1); }
void *kzalloc(size_t n) { return calloc(1, n ? n : 1); }
void kfree(void *p) { free(p); }

/* ramfs data pages: plain heap pages here (fs/ramfs_pages.c in the kernel). */
void *ramfs_page_alloc(void) { return calloc(1, 4096); }
void ramfs_page_put(void *page) { free(page); }
uint64_t ramfs_page_share(void *page) { return (uint64_t)(uintptr_t)page; }
struct task *task_current(void) { return &me; }
struct inode *vfs_root(void) { return sb->root; }

void printk(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void ktime_realtime(struct ktimespec *ts)
{
	static int64_t now = 5000;

	ts->tv_sec = now++;
	ts->tv_nsec = 0;
}

int copy_from_user(void *dst, const void *src, size_t n)
{
	if (!src)
		return -EFAULT;
	memcpy(dst, src, n);
	return 0;
}

int copy_to_user(void *dst, const void *src, size_t n)
{
	if (!dst)
		return -EFAULT;
	memcpy(dst, src, n);
	return 0;
}

int clear_user(void *dst, size_t n)
{
	memset(dst, 0, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *src, size_t size)
{
	size_t len;

	if (!src)
		return -EFAULT;
	len = strnlen(src, size);
	if (len == size)
		return -ENAMETOOLONG;
	memcpy(dst, src, len + 1);
	return len;
}

void wait_queue_init(struct wait_queue *wq) { list_init(&wq->waiters); }
void wake_up(struct wait_queue *wq) { (void)wq; }
void wait_prepare(struct wait_queue *wq, struct wait_entry *we) { (void)wq; (void)we; }
void wait_finish(struct wait_queue *wq, struct wait_entry *we) { (void)wq; (void)we; }
void wait_sleep(uint64_t deadline) { (void)deadline; }
void poll_wait(struct poll_table *pt, struct wait_queue *wq) { (void)pt; (void)wq; }
uint64_t timer_ticks(void) { return 0; }

/* Reached only when the condition was false: the task would sleep now. */
int wait_interrupted(void)
{
	would_block++;
	return 1;
}

void ksiginfo_user(struct ksiginfo *info, int sig)
{
	*info = (struct ksiginfo){ .signo = sig, .code = SI_USER };
}

void signal_send(struct task *t, const struct ksiginfo *info, int thread)
{
	signals_sent++;
	last_signal = info->signo;
}

/* ---------------------------------------------------------------- helpers */

static void fresh(void)
{
	files_put(me.files);
	fs_context_put(me.fs);
	HT_ASSERT(ramfs_create(&sb) == 0);	/* the old one is leaked: cheap and simple */
	me.files = files_create();
	me.fs = fs_context_create();
	me.uid = me.euid = 0;
	me.gid = me.egid = 0;
	would_block = signals_sent = last_signal = 0;
}

__attribute__((destructor)) static void cleanup(void)
{
	files_put(me.files);
	fs_context_put(me.fs);
}

static long open_(const char *path, int flags)
{
	return sys_openat(AT_FDCWD, path, flags, 0644);
}

static long put(const char *path, const char *text)
{
	long fd = open_(path, O_WRONLY | O_CREAT | O_TRUNC);

	if (fd < 0)
		return fd;
	sys_write(fd, text, strlen(text));
	return sys_close(fd);
}

/* ---------------------------------------------------------------- descriptors */

HOST_TEST(open_returns_the_lowest_free_descriptor)
{
	fresh();
	put("f", "x");
	HT_EQ_INT(open_("f", O_RDONLY), 0);
	HT_EQ_INT(open_("f", O_RDONLY), 1);
	HT_EQ_INT(open_("f", O_RDONLY), 2);
	HT_EQ_INT(open_("f", O_RDONLY), 3);
	HT_EQ_INT(sys_close(1), 0);
	HT_EQ_INT(sys_close(1), -EBADF);
	HT_EQ_INT(open_("f", O_RDONLY), 1);
	HT_EQ_INT(sys_dup(0), 4);
	HT_EQ_INT(sys_fcntl(0, F_DUPFD, 100), 100);
	HT_EQ_INT(sys_fcntl(0, F_DUPFD, 100), 101);
	HT_EQ_INT(open_("f", O_RDONLY), 5);
}

HOST_TEST(fd_cloexec_is_cleared_by_dup_and_dup2_and_set_by_dup3)
{
	long fd;

	fresh();
	put("f", "x");
	fd = open_("f", O_RDONLY | O_CLOEXEC);
	HT_EQ_INT(sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_fcntl(sys_dup(fd), F_GETFD, 0), 0);
	HT_EQ_INT(sys_dup2(fd, 10), 10);
	HT_EQ_INT(sys_fcntl(10, F_GETFD, 0), 0);
	HT_EQ_INT(sys_dup3(fd, 11, O_CLOEXEC), 11);
	HT_EQ_INT(sys_fcntl(11, F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_dup3(11, 10, O_CLOEXEC), 10);	/* replaces an open one */
	HT_EQ_INT(sys_fcntl(10, F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_dup3(fd, fd, 0), -EINVAL);
	HT_EQ_INT(sys_dup3(fd, 12, O_NONBLOCK), -EINVAL);
	HT_EQ_INT(sys_dup2(fd, fd), fd);
	HT_EQ_INT(sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);	/* dup2 onto itself changes nothing */
	HT_EQ_INT(sys_dup2(99, 98), -EBADF);
	HT_EQ_INT(sys_fcntl(sys_fcntl(fd, F_DUPFD_CLOEXEC, 0), F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_fcntl(fd, F_SETFD, 0), 0);
	HT_EQ_INT(sys_fcntl(fd, F_GETFD, 0), 0);
	HT_EQ_INT(sys_ioctl(fd, FIOCLEX, 0), 0);
	HT_EQ_INT(sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_fcntl(fd, 9999, 0), -EINVAL);
}

HOST_TEST(fork_copy_keeps_cloexec_bits_and_shares_positions_exec_closes_marked)
{
	struct files *parent, *child;
	char c;

	fresh();
	put("f", "abc");
	HT_EQ_INT(open_("f", O_RDONLY), 0);
	HT_EQ_INT(open_("f", O_RDONLY | O_CLOEXEC), 1);
	parent = me.files;
	child = files_dup(parent);
	HT_ASSERT(child != NULL);
	HT_EQ_INT(child->slots[1].cloexec, 1);
	HT_ASSERT(child->slots[0].file == parent->slots[0].file);
	me.files = child;
	HT_EQ_INT(sys_read(0, &c, 1), 1);	/* the child reads 'a' ... */
	me.files = parent;
	HT_EQ_INT(sys_read(0, &c, 1), 1);	/* ... so the parent gets 'b' */
	HT_EQ_INT(c, 'b');
	files_close_on_exec(child);
	HT_ASSERT(child->slots[0].file != NULL);
	HT_ASSERT(child->slots[1].file == NULL);
	files_put(child);
	HT_EQ_INT(sys_read(1, &c, 1), 1);	/* the parent's copy is untouched */
}

HOST_TEST(close_range_closes_or_marks_a_range)
{
	fresh();
	put("f", "x");
	for (int i = 0; i < 6; i++)
		open_("f", O_RDONLY);
	HT_EQ_INT(sys_close_range(1, 2, 0), 0);
	HT_EQ_INT(sys_fcntl(1, F_GETFD, 0), -EBADF);
	HT_EQ_INT(sys_fcntl(3, F_GETFD, 0), 0);
	HT_EQ_INT(sys_close_range(3, ~0U, CLOSE_RANGE_CLOEXEC), 0);
	HT_EQ_INT(sys_fcntl(5, F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_close_range(5, 4, 0), -EINVAL);
}

HOST_TEST(status_flags_are_shared_by_dups_and_only_some_change)
{
	long fd;

	fresh();
	put("f", "x");
	fd = open_("f", O_RDWR);
	HT_EQ_INT(sys_fcntl(fd, F_GETFL, 0), O_RDWR | O_LARGEFILE);
	HT_EQ_INT(sys_dup2(fd, 7), 7);
	HT_EQ_INT(sys_fcntl(7, F_SETFL, O_NONBLOCK | O_APPEND | O_WRONLY), 0);
	HT_EQ_INT(sys_fcntl(fd, F_GETFL, 0), O_RDWR | O_LARGEFILE | O_NONBLOCK | O_APPEND);
	HT_EQ_INT(sys_ioctl(fd, FIONBIO, (uint64_t)(uintptr_t)&(int){ 0 }), 0);
	HT_EQ_INT(sys_fcntl(7, F_GETFL, 0) & O_NONBLOCK, 0);
}

/* ---------------------------------------------------------------- open */

HOST_TEST(open_flags_follow_linux)
{
	char buf[16];
	long fd;

	fresh();
	put("f", "hello");
	sys_mkdir("d", 0755);
	HT_EQ_INT(open_("f", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	HT_EQ_INT(open_("missing", O_RDONLY), -ENOENT);
	HT_EQ_INT(open_("f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	HT_EQ_INT(open_("d", O_WRONLY), -EISDIR);
	HT_EQ_INT(open_("d", O_RDONLY | O_CREAT), -EISDIR);
	HT_EQ_INT(open_("f/", O_RDONLY), -ENOTDIR);
	HT_EQ_INT(open_("new/", O_RDWR | O_CREAT), -EISDIR);
	HT_EQ_INT(sys_symlink("f", "lf"), 0);
	HT_EQ_INT(open_("lf", O_RDONLY | O_NOFOLLOW), -ELOOP);
	HT_ASSERT(open_("lf", O_PATH | O_NOFOLLOW) >= 0);
	/* O_CREAT through a dangling symlink creates its target; O_EXCL refuses. */
	HT_EQ_INT(sys_symlink("target", "dangling"), 0);
	HT_EQ_INT(open_("dangling", O_WRONLY | O_CREAT | O_EXCL), -EEXIST);
	fd = open_("dangling", O_WRONLY | O_CREAT);
	HT_ASSERT(fd >= 0);
	HT_EQ_INT(sys_close(fd), 0);
	HT_ASSERT(open_("target", O_RDONLY) >= 0);
	/* O_TRUNC empties, O_APPEND writes at the end whatever the position. */
	fd = open_("f", O_RDWR | O_TRUNC);
	HT_EQ_INT(sys_write(fd, "abc", 3), 3);
	sys_close(fd);
	fd = open_("f", O_RDWR | O_APPEND);
	HT_EQ_INT(sys_lseek(fd, 0, SEEK_SET), 0);
	HT_EQ_INT(sys_write(fd, "de", 2), 2);
	HT_EQ_INT(sys_pread64(fd, buf, sizeof(buf), 0), 5);
	HT_ASSERT(memcmp(buf, "abcde", 5) == 0);
	HT_EQ_INT(sys_read(open_("f", O_WRONLY), buf, 1), -EBADF);
	HT_EQ_INT(sys_write(open_("f", O_RDONLY), buf, 1), -EBADF);
	HT_EQ_INT(sys_read(open_("lf", O_PATH), buf, 1), -EBADF);
}

HOST_TEST(open_creates_with_the_umask_applied_and_not_checked_against_its_own_mode)
{
	struct linux_stat st;
	long fd;

	fresh();
	HT_EQ_INT(sys_umask(027), 022);
	fd = sys_openat(AT_FDCWD, "ro", O_WRONLY | O_CREAT, 0444);
	HT_ASSERT(fd >= 0);
	me.euid = 1000;		/* even for a user: a file just made 0444 is writable by this open */
	HT_EQ_INT(sys_write(fd, "x", 1), 1);
	me.euid = 0;
	HT_EQ_INT(sys_fstat(fd, &st), 0);
	HT_EQ_INT(st.st_mode, S_IFREG | 0440);
	HT_EQ_INT(sys_mkdir("dd", 0777), 0);
	HT_EQ_INT(sys_stat("dd", &st), 0);
	HT_EQ_INT(st.st_mode, S_IFDIR | 0750);
}

HOST_TEST(unlinked_open_file_stays_readable_until_closed)
{
	char buf[8];
	long fd;

	fresh();
	put("f", "alive");
	fd = open_("f", O_RDONLY);
	HT_EQ_INT(sys_unlink("f"), 0);
	HT_EQ_INT(open_("f", O_RDONLY), -ENOENT);
	HT_EQ_INT(sys_read(fd, buf, sizeof(buf)), 5);
	HT_ASSERT(memcmp(buf, "alive", 5) == 0);
	HT_EQ_INT(sys_close(fd), 0);
}

/* ---------------------------------------------------------------- pipes */

HOST_TEST(pipe_nonblocking_empty_read_is_eagain_and_eof_only_without_writers)
{
	int fds[2];
	char c;

	fresh();
	HT_EQ_INT(sys_pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0);
	HT_EQ_INT(fds[0], 0);
	HT_EQ_INT(fds[1], 1);
	HT_EQ_INT(sys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC);
	HT_EQ_INT(sys_fcntl(fds[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	HT_EQ_INT(sys_read(fds[0], &c, 1), -EAGAIN);
	HT_EQ_INT(would_block, 0);
	HT_EQ_INT(sys_write(fds[1], "z", 1), 1);
	HT_EQ_INT(sys_read(fds[0], &c, 1), 1);
	HT_EQ_INT(c, 'z');
	HT_EQ_INT(sys_close(fds[1]), 0);
	HT_EQ_INT(sys_read(fds[0], &c, 1), 0);	/* no writer: end of file */
	HT_EQ_INT(sys_pipe2(fds, 0), 0);
	HT_EQ_INT(sys_read(fds[0], &c, 1), -ERESTARTSYS);	/* blocking: it would sleep */
	HT_EQ_INT(would_block, 1);
	HT_EQ_INT(sys_pipe2(fds, O_TRUNC), -EINVAL);
}

HOST_TEST(pipe_write_without_readers_is_epipe_and_sigpipe)
{
	int fds[2];

	fresh();
	HT_EQ_INT(sys_pipe(fds), 0);
	HT_EQ_INT(sys_close(fds[0]), 0);
	HT_EQ_INT(sys_write(fds[1], "x", 1), -EPIPE);
	HT_EQ_INT(signals_sent, 1);
	HT_EQ_INT(last_signal, 13);
}

HOST_TEST(pipe_holds_64k_and_small_writes_are_atomic)
{
	static char big[PIPE_SIZE + 100];
	int fds[2];

	fresh();
	HT_EQ_INT(sys_pipe2(fds, O_NONBLOCK), 0);
	HT_EQ_INT(sys_write(fds[1], big, PIPE_SIZE - 10), PIPE_SIZE - 10);
	/* 20 bytes with room for 10: all or nothing. */
	HT_EQ_INT(sys_write(fds[1], big, 20), -EAGAIN);
	HT_EQ_INT(sys_write(fds[1], big, 10), 10);
	HT_EQ_INT(sys_write(fds[1], big, 1), -EAGAIN);
	HT_EQ_INT(sys_read(fds[0], big, 5000), 5000);
	/* A large write takes what fits. */
	HT_EQ_INT(sys_write(fds[1], big, PIPE_BUF + 1000), 5000);
	/* Blocking and no room for a whole small write: it waits, writes nothing. */
	HT_EQ_INT(sys_read(fds[0], big, 100), 100);
	HT_EQ_INT(sys_fcntl(fds[1], F_SETFL, 0), 0);
	HT_EQ_INT(sys_write(fds[1], big, 200), -ERESTARTSYS);
	HT_EQ_INT(would_block, 1);
	HT_EQ_INT(sys_ioctl(fds[0], FIONREAD, (uint64_t)(uintptr_t)&(int){ 0 }), 0);
	{
		int n = 0;

		sys_ioctl(fds[0], FIONREAD, (uint64_t)(uintptr_t)&n);
		HT_EQ_INT(n, PIPE_SIZE - 100);
	}
}

HOST_TEST(pipe_writev_up_to_pipe_buf_is_one_atomic_write)
{
	static char filler[PIPE_SIZE];
	struct user_iovec iov[2] = { { "abc", 3 }, { "defg", 4 } };
	int fds[2];
	char buf[8];

	fresh();
	HT_EQ_INT(sys_pipe(fds), 0);
	HT_EQ_INT(sys_writev(fds[1], iov, 2), 7);
	HT_EQ_INT(sys_read(fds[0], buf, 8), 7);
	HT_ASSERT(memcmp(buf, "abcdefg", 7) == 0);
	/* Room for the first iovec only: nothing at all is written. */
	HT_EQ_INT(sys_write(fds[1], filler, PIPE_SIZE - 5), PIPE_SIZE - 5);
	HT_EQ_INT(sys_writev(fds[1], iov, 2), -ERESTARTSYS);
	HT_EQ_INT(would_block, 1);
}

HOST_TEST(pipe_has_no_position)
{
	int fds[2];
	char c;

	fresh();
	HT_EQ_INT(sys_pipe(fds), 0);
	HT_EQ_INT(sys_lseek(fds[0], 0, SEEK_SET), -ESPIPE);
	HT_EQ_INT(sys_pread64(fds[0], &c, 1, 0), -ESPIPE);
	HT_EQ_INT(sys_pwrite64(fds[1], &c, 1, 0), -ESPIPE);
}

HOST_TEST(pipe_fstat_reports_a_fifo)
{
	struct linux_stat st;
	int fds[2];

	fresh();
	HT_EQ_INT(sys_pipe(fds), 0);
	HT_EQ_INT(sys_fstat(fds[0], &st), 0);
	HT_EQ_INT(st.st_mode & S_IFMT, S_IFIFO);
	HT_EQ_INT(sys_newfstatat(fds[1], "", &st, AT_EMPTY_PATH), 0);
	HT_EQ_INT(st.st_mode & S_IFMT, S_IFIFO);
}

HOST_TEST(fifo_open_waits_for_the_other_end_unless_nonblocking)
{
	char buf[4];
	long r, w;

	fresh();
	HT_EQ_INT(sys_mknod("fifo", S_IFIFO | 0600, 0), 0);
	HT_EQ_INT(open_("fifo", O_WRONLY | O_NONBLOCK), -ENXIO);
	HT_EQ_INT(open_("fifo", O_RDONLY), -ERESTARTSYS);	/* would wait for a writer */
	HT_EQ_INT(would_block, 1);
	r = open_("fifo", O_RDONLY | O_NONBLOCK);
	HT_ASSERT(r >= 0);
	w = open_("fifo", O_WRONLY);		/* a reader exists: no wait */
	HT_ASSERT(w >= 0);
	HT_EQ_INT(would_block, 1);
	HT_EQ_INT(sys_write(w, "hi", 2), 2);
	HT_EQ_INT(sys_read(r, buf, 4), 2);
	HT_EQ_INT(sys_write(w, "left", 4), 4);
	sys_close(w);
	sys_close(r);
	/* Everyone closed: the data is gone; O_RDWR never waits. */
	r = open_("fifo", O_RDWR);
	HT_ASSERT(r >= 0);
	HT_EQ_INT(sys_fcntl(r, F_SETFL, O_NONBLOCK), 0);
	HT_EQ_INT(sys_read(r, buf, 4), -EAGAIN);
}

/* ---------------------------------------------------------------- directories */

HOST_TEST(getdents64_lists_dot_dotdot_and_refuses_a_buffer_too_small_for_one)
{
	char buf[512];
	char names[256] = "";
	long fd, n;

	fresh();
	sys_mkdir("d", 0755);
	put("d/file_number_one", "");
	put("d/file_number_two", "");
	fd = open_("d", O_RDONLY | O_DIRECTORY);
	HT_EQ_INT(sys_getdents64(fd, buf, 10), -EINVAL);
	/* 32 bytes hold one entry of up to 12 characters: one per call. */
	while ((n = sys_getdents64(fd, buf, 32)) > 0) {
		strcat(names, ((struct linux_dirent64 *)buf)->d_name);
		strcat(names, " ");
	}
	HT_EQ_INT(n, -EINVAL);		/* "file_number_one" needs 40: refused, not dropped */
	n = sys_getdents64(fd, buf, sizeof(buf));
	HT_ASSERT(n > 0);
	HT_EQ_STR(((struct linux_dirent64 *)buf)->d_name, "file_number_one");
	HT_EQ_STR(names, ". .. ");
	HT_EQ_INT(sys_getdents64(fd, buf, sizeof(buf)), 0);
	/* rewinddir(3) is lseek(fd, 0, SEEK_SET) on a directory. */
	HT_EQ_INT(sys_lseek(fd, 0, SEEK_SET), 0);
	HT_ASSERT(sys_getdents64(fd, buf, sizeof(buf)) > 0);
	HT_EQ_STR(((struct linux_dirent64 *)buf)->d_name, ".");
	HT_EQ_INT(sys_read(fd, buf, 1), -EISDIR);
	HT_EQ_INT(sys_getdents64(open_("d/file_number_one", O_RDONLY), buf, sizeof(buf)), -ENOTDIR);
}

HOST_TEST(getcwd_follows_chdir_and_fchdir)
{
	char buf[64];
	long fd;

	fresh();
	HT_EQ_INT(sys_getcwd(buf, sizeof(buf)), 2);
	HT_EQ_STR(buf, "/");
	sys_mkdir("a", 0755);
	sys_mkdir("a/b", 0755);
	HT_EQ_INT(sys_chdir("a/b"), 0);
	HT_EQ_INT(sys_getcwd(buf, sizeof(buf)), 5);
	HT_EQ_STR(buf, "/a/b");
	HT_EQ_INT(sys_getcwd(buf, 4), -ERANGE);
	HT_EQ_INT(put("here", "x"), 0);
	HT_EQ_INT(open_("/a/b/here", O_RDONLY) >= 0, 1);
	fd = open_("..", O_RDONLY);
	HT_EQ_INT(sys_fchdir(fd), 0);
	HT_EQ_INT(sys_getcwd(buf, sizeof(buf)), 3);
	HT_EQ_STR(buf, "/a");
	HT_EQ_INT(sys_chdir("b/here"), -ENOTDIR);
	HT_EQ_INT(sys_rmdir("/a"), -ENOTEMPTY);
}

HOST_TEST(stat_and_lstat_report_the_object_and_the_link)
{
	struct linux_stat st, lst;

	fresh();
	put("f", "12345");
	sys_symlink("f", "l");
	HT_EQ_INT(sys_stat("l", &st), 0);
	HT_EQ_INT(sys_lstat("l", &lst), 0);
	HT_EQ_INT(st.st_mode, S_IFREG | 0644);
	HT_EQ_INT(st.st_size, 5);
	HT_EQ_INT(st.st_nlink, 1);
	HT_EQ_INT(st.st_dev, sb->dev);
	HT_EQ_INT(lst.st_mode, S_IFLNK | 0777);
	HT_EQ_INT(lst.st_size, 1);
	HT_ASSERT(st.st_ino != lst.st_ino);
	HT_EQ_INT(sys_newfstatat(AT_FDCWD, "l", &lst, AT_SYMLINK_NOFOLLOW), 0);
	HT_EQ_INT(lst.st_mode & S_IFMT, S_IFLNK);
	HT_EQ_INT(sys_newfstatat(AT_FDCWD, "", &st, 0), -ENOENT);
	HT_EQ_INT(sys_newfstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH), 0);
	HT_EQ_INT(st.st_mode & S_IFMT, S_IFDIR);
	HT_EQ_INT(sys_newfstatat(AT_FDCWD, "f", &st, 0x8000), -EINVAL);
}

HOST_TEST(readlink_truncates_without_a_nul)
{
	char buf[8];

	fresh();
	sys_symlink("a/long/target", "l");
	memset(buf, '#', sizeof(buf));
	HT_EQ_INT(sys_readlink("l", buf, 4), 4);
	HT_ASSERT(memcmp(buf, "a/lo#", 5) == 0);
	HT_EQ_INT(sys_readlink("l", buf, 0), -EINVAL);
	put("f", "x");
	HT_EQ_INT(sys_readlink("f", buf, 8), -EINVAL);
}

HOST_TEST(permissions_chmod_chown_access_truncate_as_a_user)
{
	struct linux_stat st;

	fresh();
	put("f", "data");
	me.uid = me.euid = 1000;
	me.gid = me.egid = 1000;
	HT_EQ_INT(sys_access("f", R_OK), 0);
	HT_EQ_INT(sys_access("f", W_OK), -EACCES);
	HT_EQ_INT(sys_open("f", O_WRONLY, 0), -EACCES);
	HT_EQ_INT(sys_chmod("f", 0777), -EPERM);
	HT_EQ_INT(sys_chown("f", 1000, 1000), -EPERM);
	HT_EQ_INT(sys_truncate("f", 0), -EACCES);
	me.uid = me.euid = 0;
	HT_EQ_INT(sys_chown("f", 1000, 1000), 0);
	HT_EQ_INT(sys_chmod("f", 04755), 0);
	HT_EQ_INT(sys_chown("f", (uid_t)-1, 1000), 0);
	HT_EQ_INT(sys_stat("f", &st), 0);
	HT_EQ_INT(st.st_mode, S_IFREG | 0755);	/* chown dropped set-user-ID */
	HT_EQ_INT(st.st_uid, 1000);
	me.uid = me.euid = 1000;
	HT_EQ_INT(sys_truncate("f", 2), 0);
	HT_EQ_INT(sys_stat("f", &st), 0);
	HT_EQ_INT(st.st_size, 2);
	HT_EQ_INT(sys_access("f", X_OK), 0);
	HT_EQ_INT(sys_truncate("f", -1), -EINVAL);
	HT_EQ_INT(sys_ftruncate(open_("f", O_RDONLY), 0), -EINVAL);
}

HOST_TEST(utimensat_sets_omits_and_checks_ownership)
{
	struct ktimespec t[2] = { { 100, 5 }, { 0, UTIME_OMIT } };
	struct linux_stat st, before;

	fresh();
	put("f", "x");
	HT_EQ_INT(sys_stat("f", &before), 0);
	HT_EQ_INT(sys_utimensat(AT_FDCWD, "f", t, 0), 0);
	HT_EQ_INT(sys_stat("f", &st), 0);
	HT_EQ_INT(st.st_atime_sec, 100);
	HT_EQ_INT(st.st_atime_nsec, 5);
	HT_EQ_INT(st.st_mtime_sec, before.st_mtime_sec);
	t[1].tv_nsec = 1000000000;
	HT_EQ_INT(sys_utimensat(AT_FDCWD, "f", t, 0), -EINVAL);
	me.euid = 1000;
	t[1].tv_nsec = 0;
	HT_EQ_INT(sys_utimensat(AT_FDCWD, "f", t, 0), -EPERM);
	HT_EQ_INT(sys_utimensat(AT_FDCWD, "f", NULL, 0), -EACCES);
}

HOST_TEST(rename_unlinkat_and_link_through_the_syscalls)
{
	fresh();
	put("a", "A");
	put("b", "B");
	sys_mkdir("d", 0755);
	put("d/x", "");
	HT_EQ_INT(sys_rename("a", "b"), 0);
	HT_EQ_INT(open_("a", O_RDONLY), -ENOENT);
	HT_EQ_INT(sys_renameat2(AT_FDCWD, "b", AT_FDCWD, "d/x", RENAME_NOREPLACE), -EEXIST);
	HT_EQ_INT(sys_unlinkat(AT_FDCWD, "d", 0), -EISDIR);
	HT_EQ_INT(sys_unlinkat(AT_FDCWD, "d", AT_REMOVEDIR), -ENOTEMPTY);
	HT_EQ_INT(sys_link("b", "c"), 0);
	HT_EQ_INT(sys_unlink("b"), 0);
	HT_ASSERT(open_("c", O_RDONLY) >= 0);
	HT_EQ_INT(sys_mknod("dev", S_IFCHR | 0600, DEV_MAKE(1, 3)), 0);
	HT_EQ_INT(sys_mknod("dir", S_IFDIR | 0600, 0), -EINVAL);
	me.euid = 1000;
	HT_EQ_INT(sys_mknod("dev2", S_IFCHR | 0600, DEV_MAKE(1, 3)), -EPERM);
}
