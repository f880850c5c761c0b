/*
 * Threads: musl's pthread_create() is clone() with CLONE_VM | CLONE_FS |
 * CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS
 * | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, and pthread_join() sleeps
 * on the tid word that the kernel clears and futex-wakes when the thread
 * exits.  Here a thread shares memory and fds, has its own tid in the same
 * process, and two threads hand a token back and forth with FUTEX_WAIT and
 * FUTEX_WAKE.
 */
#include <pthread.h>
#include "../contract.h"

static volatile int turn;		/* the futex word: whose turn it is */
static volatile int counter;
static pid_t thread_tid, thread_pid;
static int pipe_fds[2];

static void wait_for_turn(int me)
{
	while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != me)
		futex(&turn, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, !me, NULL);
}

static void give_turn(int other)
{
	__atomic_store_n(&turn, other, __ATOMIC_RELEASE);
	futex(&turn, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL);
}

static void *thread_main(void *arg)
{
	int i;

	thread_tid = syscall(SYS_gettid);
	thread_pid = getpid();
	/* The fd table is shared: a pipe made before the thread works here. */
	write(pipe_fds[1], "t", 1);
	for (i = 0; i < 1000; i++) {
		wait_for_turn(1);
		counter++;
		give_turn(0);
	}
	return (void *)(long)42;
}

int main(void)
{
	pthread_t thread;
	void *result;
	char c = 0;
	int i, err;

	if (pipe(pipe_fds) < 0)
		setup_failed("pipe");
	err = pthread_create(&thread, NULL, thread_main, NULL);
	printf("pthread_create: %s\n", errno_name(err));
	if (err)
		return 1;
	for (i = 0; i < 1000; i++) {
		wait_for_turn(0);
		counter++;
		give_turn(1);
	}
	wait_for_turn(0);
	err = pthread_join(thread, &result);
	printf("pthread_join: %s, returned value %ld\n", errno_name(err), (long)result);
	printf("token passed 2000 times, counter %d\n", counter);
	printf("thread has its own tid: %s\n", yes(thread_tid != syscall(SYS_gettid) && thread_tid > 0));
	printf("thread's getpid is the process's: %s\n", yes(thread_pid == getpid()));
	printf("thread's write to the shared pipe arrived: %s\n",
	       yes(read(pipe_fds[0], &c, 1) == 1 && c == 't'));

	/* Threads are not children: wait() has nothing to reap. */
	show("wait after the thread ended", wait(NULL));
	return 0;
}
