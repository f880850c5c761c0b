/*
 * Job control's default actions: SIGSTOP (and SIGTSTP) stop a process, its
 * parent sees it with WUNTRACED (WIFSTOPPED, WSTOPSIG) and gets SIGCHLD
 * with CLD_STOPPED; SIGCONT continues it (WCONTINUED, CLD_CONTINUED) even
 * when SIGCONT is caught, and its handler runs; a stopped process does not
 * run; SIGKILL ends a stopped process; SA_NOCLDSTOP suppresses the
 * SIGCHLD for stops (signal(7), wait(2)).
 */
#include "../contract.h"

static siginfo_t last;
static volatile int chld;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	chld++;
}

static void describe(const char *what, int status)
{
	if (WIFSTOPPED(status))
		printf("%s: stopped by %s\n", what, signal_name(WSTOPSIG(status)));
	else if (WIFCONTINUED(status))
		printf("%s: continued\n", what);
	else
		printf("%s: %s\n", what, status_text(status));
}

static int *counter;

static void child_cont(int sig)
{
	counter[1] = 1;
}

int main(void)
{
	int status;
	pid_t child;

	counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (counter == MAP_FAILED)
		setup_failed("mmap");
	on_signal(SIGCHLD, on_chld, 0, NULL);
	child = fork();
	if (child == 0) {
		/*
		 * A group of its own, whose parent (us) is outside it: not an
		 * orphaned group, so SIGTSTP stops it wherever the test runs.
		 */
		setpgid(0, 0);
		signal(SIGCONT, child_cont);
		for (;;) {
			counter[0]++;
			usleep(1000);
		}
	}
	sleep_ms(50);
	kill(child, SIGSTOP);
	show_ok("waitpid(WUNTRACED)", waitpid(child, &status, WUNTRACED));
	describe("status", status);
	printf("SIGCHLD for the stop: %s %s\n", cld_name(last.si_code), signal_name(last.si_status));
	int before = counter[0];

	sleep_ms(100);
	printf("ran while stopped: %s\n", yes(counter[0] != before));
	show("waitpid(WNOHANG|WUNTRACED) again", waitpid(child, &status, WNOHANG | WUNTRACED));
	kill(child, SIGCONT);
	show_ok("waitpid(WCONTINUED)", waitpid(child, &status, WCONTINUED));
	describe("status", status);
	sleep_ms(100);
	printf("SIGCHLD for the continue: %s, child's SIGCONT handler ran %s, runs again %s\n",
	       cld_name(last.si_code), yes(counter[1]), yes(counter[0] != before));

	kill(child, SIGTSTP);
	waitpid(child, &status, WUNTRACED);
	describe("after SIGTSTP", status);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	describe("SIGKILL while stopped", status);

	/* SA_NOCLDSTOP: no SIGCHLD for the stop, but one at the end. */
	on_signal(SIGCHLD, on_chld, SA_NOCLDSTOP, NULL);
	chld = 0;
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGSTOP);
	waitpid(child, &status, WUNTRACED);
	sleep_ms(50);
	printf("SA_NOCLDSTOP: SIGCHLD for the stop %s\n", yes(chld));
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	sleep_ms(50);
	printf("SA_NOCLDSTOP: SIGCHLD for the end %s\n", yes(chld));
	return 0;
}
