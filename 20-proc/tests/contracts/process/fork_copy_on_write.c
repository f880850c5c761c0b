/*
 * After fork() parent and child have separate copies of every private page
 * (data, bss, heap, stack, anonymous mmap): a write on one side is not seen
 * on the other (man 2 fork).  Pipes carry the child's observations back.
 */
#include "../contract.h"

static int data_var = 100;
static int bss_var;

int main(void)
{
	int stack_var = 7;
	char *heap = malloc(64 * 1024);
	char *anon = map_pages(4);
	int fds[2];
	char report[128];
	pid_t pid;
	int status;
	ssize_t n;

	if (!heap || pipe(fds) < 0)
		setup_failed("malloc/pipe");
	memset(heap, 'p', 64 * 1024);
	memset(anon, 'a', 4 * PAGE);

	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		/* The child sees the parent's values, then changes its own. */
		int ok = data_var == 100 && bss_var == 0 && stack_var == 7 &&
			 heap[40000] == 'p' && anon[3 * PAGE] == 'a';

		data_var = 1;
		bss_var = 2;
		stack_var = 3;
		heap[40000] = 'c';
		anon[3 * PAGE] = 'c';
		n = snprintf(report, sizeof(report), "child saw the parent's values: %s\n"
			     "child sees its own writes: %s\n", yes(ok),
			     yes(data_var == 1 && bss_var == 2 && stack_var == 3 &&
				 heap[40000] == 'c' && anon[3 * PAGE] == 'c'));
		write(fds[1], report, n);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], report, sizeof(report) - 1);
	report[n > 0 ? n : 0] = '\0';
	waitpid(pid, &status, 0);
	fputs(report, stdout);
	printf("child %s\n", status_text(status));
	printf("parent's data, bss, stack unchanged: %s\n",
	       yes(data_var == 100 && bss_var == 0 && stack_var == 7));
	printf("parent's heap and mmap unchanged: %s\n",
	       yes(heap[40000] == 'p' && anon[3 * PAGE] == 'a'));

	/* And the other way: the parent writes after the fork, then tells
	 * the child to look by closing the pipe. */
	close(fds[0]);
	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		char c;

		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(data_var == 100 && heap[5] == 'p' ? 0 : 1);
	}
	data_var = 555;
	heap[5] = 'x';
	close(fds[1]);
	waitpid(pid, &status, 0);
	printf("parent's later writes invisible to the child: %s\n",
	       yes(WIFEXITED(status) && WEXITSTATUS(status) == 0));
	return 0;
}
