/*
 * What execve() leaves on the new stack (the System V x86-64 ABI and
 * man 3 getauxval): argv[argc] is NULL and envp follows it; the auxiliary
 * vector gives AT_PAGESZ 4096, the program headers (AT_PHDR, AT_PHENT 56,
 * AT_PHNUM), AT_ENTRY, 16 AT_RANDOM bytes, the ids as the syscalls give
 * them, AT_SECURE 0 and AT_CLKTCK 100; AT_EXECFN names the program.
 */
#include <elf.h>
#include <sys/auxv.h>
#include "../contract.h"

extern char **environ;

int main(int argc, char **argv)
{
	const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	unsigned long phnum = getauxval(AT_PHNUM), i;
	int has_load = 0, has_phdr_entry = 0;

	printf("argv[argc] is NULL: %s\n", yes(argv[argc] == NULL));
	printf("environ starts right after argv: %s\n", yes(environ == argv + argc + 1));
	printf("argv is 8-byte aligned: %s\n", yes(((uintptr_t)argv & 7) == 0));
	printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHENT: %lu\n", getauxval(AT_PHENT));
	printf("AT_PHNUM > 0: %s\n", yes(phnum > 0));
	for (i = 0; phdr && i < phnum; i++) {
		has_load |= phdr[i].p_type == PT_LOAD;
		has_phdr_entry |= phdr[i].p_type == PT_PHDR || phdr[i].p_type == PT_LOAD;
	}
	printf("AT_PHDR points at program headers with a PT_LOAD: %s\n", yes(has_load && has_phdr_entry));
	printf("AT_ENTRY is set: %s\n", yes(getauxval(AT_ENTRY) != 0));
	printf("AT_RANDOM points at 16 bytes, not all zero: %s\n",
	       yes(random && memcmp(random, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16) != 0));
	printf("AT_UID/AT_EUID/AT_GID/AT_EGID match the syscalls: %s\n",
	       yes(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
		   getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid()));
	printf("AT_SECURE: %lu\n", getauxval(AT_SECURE));
	printf("AT_CLKTCK: %lu\n", getauxval(AT_CLKTCK));
	printf("AT_EXECFN is argv[0] (as passed to execve): %s\n",
	       yes(execfn && strcmp(execfn, argv[0]) == 0));
	return 0;
}
