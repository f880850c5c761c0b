/*
 * Credentials and the task name: real and effective ids agree and match
 * getresuid/getresgid; root may setuid/setgid to its own ids; getgroups
 * returns a count; prctl(PR_SET_NAME) sets the 15-character comm that
 * PR_GET_NAME reads back (man 2 getuid, man 2 prctl).
 */
#include <sys/prctl.h>
#include "../contract.h"

int main(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	char name[32];

	printf("uid is 0: %s, euid equals uid: %s\n", yes(getuid() == 0), yes(geteuid() == getuid()));
	printf("gid is 0: %s, egid equals gid: %s\n", yes(getgid() == 0), yes(getegid() == getgid()));
	show("getresuid", getresuid(&r, &e, &s));
	printf("all three uids equal getuid: %s\n", yes(r == getuid() && e == r && s == r));
	show("getresgid", getresgid(&gr, &ge, &gs));
	printf("all three gids equal getgid: %s\n", yes(gr == getgid() && ge == gr && gs == gr));
	show("setuid(getuid())", setuid(getuid()));
	show("setgid(getgid())", setgid(getgid()));
	printf("getgroups(0, NULL) >= 0: %s\n", yes(getgroups(0, NULL) >= 0));

	show("PR_SET_NAME 'contract-name-that-is-long'",
	     prctl(PR_SET_NAME, "contract-name-that-is-long", 0, 0, 0));
	memset(name, 'x', sizeof(name));
	show("PR_GET_NAME", prctl(PR_GET_NAME, name, 0, 0, 0));
	printf("name: '%s'\n", name);
	return 0;
}
