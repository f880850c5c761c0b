/*
 * mkcpio - write a cpio "newc" archive (the initramfs format) from a spec.
 *
 *   mkcpio [SPEC] > OUT.cpio        (no SPEC, or "-": the spec is stdin)
 *
 * The spec has one entry a line, in the order they go into the archive
 * (a directory before what it contains); '#' starts a comment:
 *
 *   dir   PATH MODE UID GID
 *   file  PATH SRCFILE MODE UID GID
 *   slink PATH TARGET MODE UID GID
 *   nod   PATH MODE UID GID c|b MAJOR MINOR
 *
 * MODE is octal permission bits (07777 at most); the file type comes from the
 * keyword.  PATH may start with '/', which is dropped: names in an initramfs
 * are relative to its root.
 *
 * The output is deterministic: inode numbers count up from 1 in spec order,
 * every mtime is $SOURCE_DATE_EPOCH (or 0), and nothing is read from the host
 * except the contents of the SRCFILEs.  So the same spec and the same sources
 * give the same bytes, which keeps rebuilds reproducible.
 *
 * The format (see man 5 cpio, and Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst): each member is
 * a 110-byte header, "070701" then 13 fields of 8 hexadecimal digits (inode,
 * mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor,
 * rdevminor, namesize including the NUL, check = 0), then the name and its
 * NUL padded to a multiple of 4 bytes (counting from the header's start),
 * then the data padded to a multiple of 4.  A member named "TRAILER!!!" ends
 * the archive.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CPIO_MAGIC	"070701"
#define CPIO_TRAILER	"TRAILER!!!"
#define MAX_FIELDS	9

/* Where the spec is being read, for error messages. */
static const char *spec_name = "<stdin>";
static unsigned long spec_line;

static uint32_t next_ino = 1;
static uint32_t mtime;
/* Bytes written so far: every member starts on a 4-byte boundary. */
static uint64_t out_offset;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mkcpio: ");
	if (spec_line)
		fprintf(stderr, "%s:%lu: ", spec_name, spec_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void out_bytes(const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, stdout) != len)
		die("writing the archive: %s", strerror(errno));
	out_offset += len;
}

static void out_pad4(void)
{
	static const char zeros[4];

	out_bytes(zeros, (4 - out_offset % 4) % 4);
}

/* One member's header and name; the caller writes the data after it. */
static void out_header(const char *name, uint32_t mode, uint32_t uid,
		       uint32_t gid, uint32_t nlink, uint32_t size,
		       uint32_t rdev_major, uint32_t rdev_minor, uint32_t ino)
{
	char hdr[6 + 13 * 8 + 1];
	size_t namesize = strlen(name) + 1;

	snprintf(hdr, sizeof(hdr),
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 CPIO_MAGIC, ino, mode, uid, gid, nlink, mtime, size,
		 0u, 0u, rdev_major, rdev_minor, (uint32_t)namesize, 0u);
	out_bytes(hdr, sizeof(hdr) - 1);
	out_bytes(name, namesize);
	out_pad4();
}

static uint32_t parse_number(const char *text, int base, uint32_t max,
			     const char *what)
{
	char *end;
	unsigned long long value;

	errno = 0;
	value = strtoull(text, &end, base);
	if (errno || end == text || *end || text[0] == '-' || value > max)
		die("bad %s '%s'", what, text);
	return (uint32_t)value;
}

/* The name as stored: no leading '/', no empty, "." or ".." component. */
static const char *archive_name(const char *path)
{
	const char *p;

	while (*path == '/')
		path++;
	if (!*path)
		die("empty path (the root directory needs no entry)");
	if (strlen(path) >= PATH_MAX)
		die("path too long: '%s'", path);
	for (p = path; *p; ) {
		size_t len = strcspn(p, "/");

		if (len == 0 || (len == 1 && p[0] == '.') ||
		    (len == 2 && p[0] == '.' && p[1] == '.'))
			die("path '%s' has an empty, '.' or '..' component", path);
		p += len;
		if (*p == '/')
			p++;
	}
	return path;
}

static void emit_dir(char **f)
{
	uint32_t mode = parse_number(f[2], 8, 07777, "mode");

	out_header(archive_name(f[1]), S_IFDIR | mode,
		   parse_number(f[3], 10, UINT32_MAX, "uid"),
		   parse_number(f[4], 10, UINT32_MAX, "gid"),
		   2, 0, 0, 0, next_ino++);
}

static void emit_file(char **f)
{
	const char *name = archive_name(f[1]);
	uint32_t mode = parse_number(f[3], 8, 07777, "mode");
	uint32_t uid = parse_number(f[4], 10, UINT32_MAX, "uid");
	uint32_t gid = parse_number(f[5], 10, UINT32_MAX, "gid");
	char buf[65536];
	uint64_t copied = 0;
	struct stat st;
	size_t n;
	FILE *src;

	src = fopen(f[2], "rb");
	if (!src)
		die("cannot open '%s': %s", f[2], strerror(errno));
	if (fstat(fileno(src), &st) < 0)
		die("cannot stat '%s': %s", f[2], strerror(errno));
	if (!S_ISREG(st.st_mode))
		die("'%s' is not a regular file", f[2]);
	if ((uint64_t)st.st_size > UINT32_MAX)
		die("'%s' is larger than newc's 4 GiB limit", f[2]);
	out_header(name, S_IFREG | mode, uid, gid, 1, (uint32_t)st.st_size,
		   0, 0, next_ino++);
	while ((n = fread(buf, 1, sizeof(buf), src)) > 0) {
		out_bytes(buf, n);
		copied += n;
	}
	if (ferror(src))
		die("reading '%s': %s", f[2], strerror(errno));
	/* The header already holds the size: a file that changed under us
	 * would make every later member unreadable. */
	if (copied != (uint64_t)st.st_size)
		die("'%s' changed size while being archived", f[2]);
	fclose(src);
	out_pad4();
}

static void emit_slink(char **f)
{
	const char *name = archive_name(f[1]);
	uint32_t mode = parse_number(f[3], 8, 07777, "mode");
	size_t len = strlen(f[2]);

	/* A symlink's data is its target, without a NUL. */
	out_header(name, S_IFLNK | mode,
		   parse_number(f[4], 10, UINT32_MAX, "uid"),
		   parse_number(f[5], 10, UINT32_MAX, "gid"),
		   1, (uint32_t)len, 0, 0, next_ino++);
	out_bytes(f[2], len);
	out_pad4();
}

static void emit_nod(char **f)
{
	const char *name = archive_name(f[1]);
	uint32_t mode = parse_number(f[2], 8, 07777, "mode");
	uint32_t type;

	if (strcmp(f[5], "c") == 0)
		type = S_IFCHR;
	else if (strcmp(f[5], "b") == 0)
		type = S_IFBLK;
	else
		die("device type must be 'c' or 'b', not '%s'", f[5]);
	out_header(name, type | mode,
		   parse_number(f[3], 10, UINT32_MAX, "uid"),
		   parse_number(f[4], 10, UINT32_MAX, "gid"),
		   1, 0, parse_number(f[6], 10, UINT32_MAX, "major"),
		   parse_number(f[7], 10, UINT32_MAX, "minor"), next_ino++);
}

static const struct {
	const char *keyword;
	int nfields;		/* including the keyword */
	void (*emit)(char **fields);
	const char *usage;
} entry_types[] = {
	{ "dir", 5, emit_dir, "dir PATH MODE UID GID" },
	{ "file", 6, emit_file, "file PATH SRCFILE MODE UID GID" },
	{ "slink", 6, emit_slink, "slink PATH TARGET MODE UID GID" },
	{ "nod", 8, emit_nod, "nod PATH MODE UID GID c|b MAJOR MINOR" },
};

static void process_line(char *line)
{
	char *fields[MAX_FIELDS + 1];
	int n = 0;
	char *tok;
	size_t i;

	line[strcspn(line, "#")] = '\0';
	for (tok = strtok(line, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
		if (n == MAX_FIELDS)
			die("too many fields");
		fields[n++] = tok;
	}
	if (n == 0)
		return;
	for (i = 0; i < sizeof(entry_types) / sizeof(entry_types[0]); i++) {
		if (strcmp(fields[0], entry_types[i].keyword) != 0)
			continue;
		if (n != entry_types[i].nfields)
			die("'%s' needs %d fields: %s", fields[0],
			    entry_types[i].nfields - 1, entry_types[i].usage);
		entry_types[i].emit(fields);
		return;
	}
	die("unknown entry type '%s' (expected dir, file, slink or nod)", fields[0]);
}

int main(int argc, char **argv)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char line[2 * PATH_MAX + 256];
	FILE *spec = stdin;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1])) {
		fprintf(stderr, "usage: mkcpio [SPEC] > OUT.cpio\n");
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0) {
		spec_name = argv[1];
		spec = fopen(spec_name, "r");
		if (!spec)
			die("cannot open spec '%s': %s", spec_name, strerror(errno));
	}
	if (epoch && *epoch)
		mtime = parse_number(epoch, 10, UINT32_MAX, "SOURCE_DATE_EPOCH");

	while (fgets(line, sizeof(line), spec)) {
		spec_line++;
		if (!strchr(line, '\n') && !feof(spec))
			die("line too long");
		process_line(line);
	}
	if (ferror(spec))
		die("reading the spec: %s", strerror(errno));
	spec_line = 0;

	out_header(CPIO_TRAILER, 0, 0, 0, 1, 0, 0, 0, 0);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("writing the archive: %s", strerror(errno));
	return 0;
}
