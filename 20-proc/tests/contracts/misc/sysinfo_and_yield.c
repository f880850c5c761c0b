/*
 * sysinfo() reports memory and load sensibly (man 2 sysinfo): total RAM
 * above zero, free RAM not above it, a mem_unit of at least 1, at least
 * one process; sched_yield() always succeeds (man 2 sched_yield).
 */
#include <sys/sysinfo.h>
#include "../contract.h"

int main(void)
{
	struct sysinfo si;
	int i, fails = 0;

	memset(&si, 0, sizeof(si));
	show("sysinfo", sysinfo(&si));
	printf("totalram > 0: %s, freeram <= totalram: %s, mem_unit >= 1: %s\n",
	       yes(si.totalram > 0), yes(si.freeram <= si.totalram), yes(si.mem_unit >= 1));
	printf("total RAM at least 16 MiB: %s\n",
	       yes((unsigned long long)si.totalram * si.mem_unit >= 16ULL << 20));
	printf("procs >= 1: %s, uptime below ten years: %s\n", yes(si.procs >= 1),
	       yes(si.uptime < 10L * 365 * 86400));
	for (i = 0; i < 1000; i++)
		fails += sched_yield() != 0;
	printf("1000 sched_yield calls, failures: %d\n", fails);
	return 0;
}
