/*
 * umask() returns the old mask and sets the new one (only 0777 counts);
 * creat, open(O_CREAT) and mkdir get mode & ~umask; chmod and fchmod set
 * the mode exactly (man 2 umask, man 2 chmod).
 */
#include "../contract.h"

static unsigned mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0xffff;
}

int main(void)
{
	int fd;

	umask(022);
	printf("umask(077) returns the old mask 0%o\n", (unsigned)umask(077));
	printf("umask(0) returns 0%o\n", (unsigned)umask(0));
	printf("umask(0777777) returns 0%o\n", (unsigned)umask(0777777));
	printf("only 0777 was kept: 0%o\n", (unsigned)umask(022));

	fd = creat(tmp_path("f644"), 0666);
	close(fd);
	printf("creat 0666 under 022: 0%o\n", mode_of(tmp_path("f644")));
	umask(077);
	fd = open(tmp_path("f600"), O_CREAT | O_WRONLY, 0666);
	close(fd);
	printf("open 0666 under 077: 0%o\n", mode_of(tmp_path("f600")));
	mkdir(tmp_path("d700"), 0777);
	printf("mkdir 0777 under 077: 0%o\n", mode_of(tmp_path("d700")));
	umask(0);
	mkdir(tmp_path("d1777"), 01777);
	printf("mkdir 01777 under 0: 0%o\n", mode_of(tmp_path("d1777")));
	fd = open(tmp_path("fexec"), O_CREAT | O_WRONLY, 0755);
	printf("open 0755 under 0: 0%o\n", mode_of(tmp_path("fexec")));

	show("chmod 0604", chmod(tmp_path("f644"), 0604));
	printf("mode now 0%o\n", mode_of(tmp_path("f644")));
	show("fchmod 0711", fchmod(fd, 0711));
	printf("mode now 0%o\n", mode_of(tmp_path("fexec")));
	show("chmod 04755 (setuid kept for root's own file)", chmod(tmp_path("fexec"), 04755));
	printf("mode now 0%o\n", mode_of(tmp_path("fexec")));
	show("chmod of a missing file", chmod(tmp_path("none"), 0600));
	return 0;
}
