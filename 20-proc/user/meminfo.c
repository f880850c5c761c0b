/*
 * meminfo - print total and free RAM from sysinfo(2) as
 *     total_kib=T free_kib=F
 * for scripts that watch memory (tests/stress) before /proc/meminfo exists.
 */
#include <stdio.h>
#include <sys/sysinfo.h>

int main(void)
{
	struct sysinfo si;
	unsigned long long unit;

	if (sysinfo(&si) != 0) {
		perror("meminfo: sysinfo");
		return 1;
	}
	unit = si.mem_unit ? si.mem_unit : 1;
	printf("total_kib=%llu free_kib=%llu\n", si.totalram * unit / 1024,
	       si.freeram * unit / 1024);
	return 0;
}
