/*
 * Thread-local storage: each thread's %fs base points at its own copy of
 * the __thread variables (set by clone's CLONE_SETTLS, or arch_prctl for
 * the first thread), initialised from the program's TLS template; the
 * main thread's copy is untouched by the others (man 2 arch_prctl).
 */
#include <pthread.h>
#include "../contract.h"

#define ARCH_GET_FS 0x1003

static __thread int tls_counter = 1000;
static __thread char tls_bss[64];

static void *thread_main(void *arg)
{
	int start = tls_counter;
	int i;

	for (i = 0; i < 100; i++)
		tls_counter++;
	tls_bss[0] = 'T';
	return (void *)(long)(start * 10000 + tls_counter);
}

int main(void)
{
	pthread_t threads[4];
	unsigned long fs = 0;
	void *results[4];
	int i, ok = 1;

	show("arch_prctl(ARCH_GET_FS)", syscall(SYS_arch_prctl, ARCH_GET_FS, &fs));
	printf("fs base is pthread_self(): %s\n", yes(fs == (unsigned long)pthread_self()));
	printf("fs base is the TCB's self pointer: %s\n", yes(*(unsigned long *)fs == fs));
	tls_counter = 5;
	for (i = 0; i < 4; i++)
		if (pthread_create(&threads[i], NULL, thread_main, NULL))
			setup_failed("pthread_create");
	for (i = 0; i < 4; i++) {
		pthread_join(threads[i], &results[i]);
		ok &= (long)results[i] == 1000L * 10000 + 1100;
	}
	printf("every thread started from the initial value and counted alone: %s\n", yes(ok));
	printf("main thread's copy untouched: %s, its bss copy zero: %s\n",
	       yes(tls_counter == 5), yes(tls_bss[0] == 0));
	return 0;
}
