/*
 * execve(2) in a multithreaded process ends every other thread, keeps the
 * process id, and the new program's exit status is what the parent sees -
 * both when a second thread calls execve (Linux moves it into the leader's
 * place) and when the main thread does while another thread sleeps.
 */
#include <pthread.h>
#include "../contract.h"

static char *self;

static void exec_stage2(const char *tag)
{
	char pid[32];
	char *argv[] = { self, (char *)"stage2", (char *)tag, pid, NULL };

	snprintf(pid, sizeof(pid), "%d", getpid());
	execv(self, argv);
	printf("execv failed: %s\n", errno_name(errno));
	_exit(1);
}

static void *thread_execs(void *arg)
{
	exec_stage2("from a second thread");
	return NULL;
}

static void *thread_sleeps(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

static void child(void *arg)
{
	pthread_t th;

	if (arg) {
		pthread_create(&th, NULL, thread_execs, NULL);
		for (;;)
			pause();
	}
	pthread_create(&th, NULL, thread_sleeps, NULL);
	usleep(20000);
	exec_stage2("from the main thread");
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 4 && !strcmp(argv[1], "stage2")) {
		printf("stage 2 %s: same pid: %s\n", argv[2], yes(atoi(argv[3]) == getpid()));
		fflush(stdout);
		_exit(3);
	}
	printf("exec from a second thread: %s\n", status_text(run_child(child, (void *)1)));
	printf("exec from the main thread: %s\n", status_text(run_child(child, NULL)));
	return 0;
}
