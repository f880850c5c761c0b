/*
 * getrandom() fills the buffer and returns its length; two draws differ;
 * GRND_NONBLOCK and GRND_RANDOM are accepted; unknown flags are EINVAL
 * (man 2 getrandom).  Bytes are judged by counting, never printed.
 */
#include "../contract.h"

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2

int main(void)
{
	unsigned char a[256], b[256];
	int counts[256] = { 0 }, distinct = 0, i;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	show("getrandom 256 bytes", syscall(SYS_getrandom, a, sizeof(a), 0));
	show("getrandom again", syscall(SYS_getrandom, b, sizeof(b), 0));
	printf("the two draws differ: %s\n", yes(memcmp(a, b, sizeof(a)) != 0));
	for (i = 0; i < 256; i++)
		if (counts[a[i]]++ == 0)
			distinct++;
	/* 256 uniform bytes have about 162 distinct values; 100 is far below. */
	printf("more than 100 distinct byte values: %s\n", yes(distinct > 100));
	show("GRND_NONBLOCK", syscall(SYS_getrandom, a, 16, GRND_NONBLOCK));
	show("GRND_RANDOM, 16 bytes", syscall(SYS_getrandom, a, 16, GRND_RANDOM));
	show("length 0", syscall(SYS_getrandom, a, 0, 0));
	show("unknown flag 0x100", syscall(SYS_getrandom, a, 16, 0x100));
	return 0;
}
