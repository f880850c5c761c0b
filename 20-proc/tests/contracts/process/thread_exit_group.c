/*
 * exit_group() from any thread ends the whole process, and the parent sees
 * that thread's exit code (man 2 exit_group); exit() of the thread-group
 * leader alone leaves the other threads running, and the process ends with
 * the last one (its status is then the last exit_group's, or 0).
 */
#include <pthread.h>
#include "../contract.h"

static volatile int never;

static void *exit_whole_process(void *arg)
{
	_exit(7);		/* musl's _exit is exit_group */
}

static void *block_forever(void *arg)
{
	while (!never)
		futex(&never, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, NULL);
	return NULL;
}

static void *finish_later(void *arg)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	nanosleep(&ts, NULL);
	write(1, "second thread still ran after the leader's exit: yes\n", 53);
	syscall(SYS_exit_group, 9);
	return NULL;
}

static void thread_exits_process(void *arg)
{
	pthread_t t;

	pthread_create(&t, NULL, exit_whole_process, NULL);
	block_forever(NULL);
}

static void blocked_thread_ends_with_process(void *arg)
{
	pthread_t t;

	pthread_create(&t, NULL, block_forever, NULL);
	sched_yield();
	exit(5);
}

static void leader_exits_first(void *arg)
{
	pthread_t t;

	pthread_create(&t, NULL, finish_later, NULL);
	syscall(SYS_exit, 0);	/* only the leader: the other thread runs on */
}

int main(void)
{
	printf("exit_group from a second thread: %s\n",
	       status_text(run_child(thread_exits_process, NULL)));
	printf("exit_group with a thread blocked in futex: %s\n",
	       status_text(run_child(blocked_thread_ends_with_process, NULL)));
	printf("leader exits alone, last thread calls exit_group(9): %s\n",
	       status_text(run_child(leader_exits_first, NULL)));
	return 0;
}
