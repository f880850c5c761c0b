/**
 * @file shebang.h
 * @brief Reading the "#!interpreter [argument]" line of a script, as Linux does.
 *
 * execve(2) of a file starting with "#!" runs the interpreter named on that
 * line instead, with the script's path as an argument:
 *
 *	script "/s" starts with "#! /bin/sh -e -x\n", execve("/s", {"s", "a"})
 *	  runs /bin/sh with argv {"/bin/sh", "-e -x", "/s", "a"}
 *
 * (the interpreter's argv[0] is the path as written, then the optional
 * argument, then the file name given to execve, then the script's
 * argv[1...]).  Linux's rules (fs/binfmt_script.c, execve(2) "Interpreter
 * scripts"), which shebang_parse() follows:
 *
 * - Only the first SHEBANG_BUF_SIZE (256) bytes of the file are read.  The
 *   line ends at the first newline in them, or at the first NUL byte.
 * - Blanks (space, tab) after "#!" are skipped; the interpreter path runs
 *   to the next blank; everything after the blanks that follow it, up to
 *   the end of the line with trailing blanks removed, is ONE argument, even
 *   if it contains blanks.  A carriage return is not a blank: a "\r\n"
 *   script names "sh\r" or passes "-x\r", exactly as on Linux.
 * - Truncation: when no newline is found in the 256 bytes of a file that
 *   has more, the line is cut after byte 255.  A cut argument is accepted
 *   (the interpreter can re-read the script), but an interpreter path that
 *   is not followed by a blank or NUL before the cut may itself be cut, and
 *   is refused with -ENOEXEC, as Linux has done since 2019.
 *
 * One difference in an edge case: Linux ends the line at a NUL only while
 * splitting it (a NUL before the path gives an empty path and -ENOENT later;
 * blanks just before a NUL stay in the argument); here the line simply ends
 * at the first NUL, so the first gives -ENOEXEC and the second trims them.
 *
 * Pure C, no kernel calls; may be called anywhere.
 */
#ifndef EXEC_SHEBANG_H
#define EXEC_SHEBANG_H

#include <stddef.h>

/** @brief Bytes of a script that are read for its "#!" line (Linux's BINPRM_BUF_SIZE). */
#define SHEBANG_BUF_SIZE 256

/** @brief The parsed "#!" line; both strings NUL-terminated copies. */
struct shebang {
	char interp[SHEBANG_BUF_SIZE];	/**< the interpreter path, never empty */
	char arg[SHEBANG_BUF_SIZE];	/**< the optional argument ("" if none) */
	int has_arg;			/**< 1 if arg was given (it is then non-empty) */
};

/**
 * shebang_parse() - Split the first line of a "#!" script.
 * @param buf the first bytes of the file
 * @param len bytes read into @p buf: min(file size, SHEBANG_BUF_SIZE) is
 *            enough; bytes past SHEBANG_BUF_SIZE are ignored
 * @param out filled on success
 * @return 0, or -ENOEXEC if @p buf does not start with "#!", names no
 *         interpreter, or the interpreter path may have been cut (see above)
 */
int shebang_parse(const char *buf, size_t len, struct shebang *out);

#endif /* EXEC_SHEBANG_H */
