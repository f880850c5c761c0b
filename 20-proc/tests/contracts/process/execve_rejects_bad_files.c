/*
 * execve(2) of a file that is no program fails with an error and the
 * caller goes on running: an empty file, a text file without "#!", an ELF
 * header cut short, a valid-looking header for another machine (i386), a
 * "#!" naming a missing interpreter, a file without execute permission and
 * a directory.  Every check runs before the old program is given up.
 */
#include <elf.h>
#include "../contract.h"

static const char *make_bytes(const char *name, const void *data, size_t len, mode_t mode)
{
	const char *path = tmp_path(name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		setup_failed(path);
	close(fd);
	if (chmod(path, mode) < 0)
		setup_failed("chmod");
	return path;
}

static void try_exec(const char *what, const char *path)
{
	char *argv[] = { (char *)"x", NULL };
	char *envp[] = { NULL };

	show(what, execve(path, argv, envp));
}

int main(void)
{
	Elf64_Ehdr eh;

	try_exec("an empty file", make_bytes("empty", "", 0, 0755));
	try_exec("text without #!", make_bytes("text", "echo hi\n", 8, 0755));
	try_exec("ELF magic and 10 bytes", make_bytes("short", "\177ELF\2\1\1\0\0\0", 10, 0755));

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = EM_386;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(Elf64_Phdr);
	try_exec("an ELF for i386", make_bytes("i386", &eh, sizeof(eh), 0755));

	try_exec("#! a missing interpreter",
		 make_bytes("script", "#!/no/such/interpreter\n", 23, 0755));
	try_exec("a file without x permission", make_bytes("noexec", "#!/bin/sh\n", 10, 0644));
	try_exec("a directory", getenv("CONTRACT_TMP") ? getenv("CONTRACT_TMP") : "/tmp");
	printf("still running after all of them: yes\n");
	return 0;
}
