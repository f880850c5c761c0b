/**
 * @file tty.h
 * @brief The serial console as a Linux terminal: termios, the terminal ioctls, the console device.
 *
 * COM1 is the one terminal.  Three device numbers open it, as on Linux:
 * 5:1 /dev/console, 4:64 /dev/ttyS0 and 5:0 /dev/tty (the caller's
 * controlling terminal, which here is always the console).  Received bytes
 * arrive by interrupt (IRQ 4) and go through a line discipline with Linux's
 * N_TTY behaviour: canonical line editing, echo, signals from ^C ^\ ^Z,
 * VMIN/VTIME reads in non-canonical mode, "\n" written as "\r\n".
 *
 * The first half of this header is the user ABI: the kernel's `struct
 * termios` (what TCGETS/TCSETS copy, not the C library's bigger one), its
 * flag bits and c_cc indices, and the ioctl numbers.  All values are Linux
 * x86_64's (asm-generic/termbits.h, asm-generic/ioctls.h); a host test
 * compares them with the system's headers.  The header is pure (stdint.h
 * and types.h only), so the line discipline and its host tests use it too.
 *
 * The second half is the kernel interface: the console is started by an
 * init call of its own, and layer 30 plugs job control in through
 * tty_background_hook.
 */
#ifndef TTY_H
#define TTY_H

#include <stdint.h>
#include <types.h>

/** @brief Number of control characters in struct termios (Linux's NCCS). */
#define NCCS 19

/** @brief Terminal settings as TCGETS/TCSETS copy them (the kernel's layout, 36 bytes). */
struct termios {
	uint32_t c_iflag;	/**< input modes: ICRNL, IXON, ... */
	uint32_t c_oflag;	/**< output modes: OPOST, ONLCR, ... */
	uint32_t c_cflag;	/**< hardware control: baud rate, CS8, CREAD, ... */
	uint32_t c_lflag;	/**< local modes: ISIG, ICANON, ECHO, ... */
	uint8_t c_line;		/**< line discipline number (0, N_TTY) */
	uint8_t c_cc[NCCS];	/**< control characters, indexed by V* below; 0 disables one */
};

/** @brief Terminal size, as TIOCGWINSZ/TIOCSWINSZ copy it. */
struct winsize {
	uint16_t ws_row;	/**< rows of characters */
	uint16_t ws_col;	/**< columns of characters */
	uint16_t ws_xpixel;	/**< width in pixels (unused, 0) */
	uint16_t ws_ypixel;	/**< height in pixels (unused, 0) */
};

/* c_cc indices. */
#define VINTR 0		/**< interrupt: SIGINT (default ^C) */
#define VQUIT 1		/**< quit: SIGQUIT (default ^\) */
#define VERASE 2	/**< erase one character (default DEL) */
#define VKILL 3		/**< erase the line (default ^U) */
#define VEOF 4		/**< end of file (default ^D) */
#define VTIME 5		/**< non-canonical read timeout, tenths of a second */
#define VMIN 6		/**< non-canonical read minimum byte count */
#define VSWTC 7		/**< switch character (unused by Linux) */
#define VSTART 8	/**< restart output (default ^Q) */
#define VSTOP 9		/**< stop output (default ^S) */
#define VSUSP 10	/**< suspend: SIGTSTP (default ^Z) */
#define VEOL 11		/**< extra end-of-line character (default none) */
#define VREPRINT 12	/**< reprint the line (default ^R) */
#define VDISCARD 13	/**< discard output (default ^O; not acted on, as on Linux) */
#define VWERASE 14	/**< erase a word (default ^W) */
#define VLNEXT 15	/**< take the next character literally (default ^V) */
#define VEOL2 16	/**< second extra end-of-line character (default none) */

/* c_iflag bits. */
#define IGNBRK 0x0001	/**< ignore break */
#define BRKINT 0x0002	/**< break sends SIGINT */
#define IGNPAR 0x0004	/**< ignore parity errors */
#define PARMRK 0x0008	/**< mark parity errors (and double 0377) */
#define INPCK 0x0010	/**< check parity */
#define ISTRIP 0x0020	/**< strip the eighth bit */
#define INLCR 0x0040	/**< map NL to CR */
#define IGNCR 0x0080	/**< ignore CR */
#define ICRNL 0x0100	/**< map CR to NL */
#define IUCLC 0x0200	/**< map upper case to lower case (with IEXTEN) */
#define IXON 0x0400	/**< VSTOP/VSTART stop and restart output */
#define IXANY 0x0800	/**< any character restarts stopped output */
#define IXOFF 0x1000	/**< send STOP/START for input flow control */
#define IMAXBEL 0x2000	/**< ring the bell when the input queue is full */
#define IUTF8 0x4000	/**< input is UTF-8: erase removes whole characters */

/* c_oflag bits. */
#define OPOST 0x0001	/**< process output at all */
#define OLCUC 0x0002	/**< map lower case to upper case */
#define ONLCR 0x0004	/**< map NL to CR-NL */
#define OCRNL 0x0008	/**< map CR to NL */
#define ONOCR 0x0010	/**< no CR at column 0 */
#define ONLRET 0x0020	/**< NL also returns the carriage */
#define OFILL 0x0040	/**< fill characters for delays */
#define OFDEL 0x0080	/**< the fill character is DEL */
#define TABDLY 0x1800	/**< tab delay mask */
#define XTABS 0x1800	/**< TAB3: expand tabs to spaces */

/* c_cflag bits. */
#define CBAUD 0x100f	/**< baud rate mask */
#define B38400 0x000f	/**< 38400 baud (the value Linux reports for a fresh tty) */
#define CSIZE 0x0030	/**< character size mask */
#define CS8 0x0030	/**< eight data bits */
#define CSTOPB 0x0040	/**< two stop bits */
#define CREAD 0x0080	/**< enable the receiver */
#define PARENB 0x0100	/**< parity on */
#define PARODD 0x0200	/**< odd parity */
#define HUPCL 0x0400	/**< hang up on last close */
#define CLOCAL 0x0800	/**< ignore modem control lines */

/* c_lflag bits. */
#define ISIG 0x00001	/**< VINTR, VQUIT, VSUSP send signals */
#define ICANON 0x00002	/**< canonical mode: line editing, read a line at a time */
#define XCASE 0x00004	/**< upper-case terminal (not supported, as on Linux) */
#define ECHO 0x00008	/**< echo input */
#define ECHOE 0x00010	/**< VERASE erases the character on screen ("\b \b") */
#define ECHOK 0x00020	/**< VKILL echoes a newline (when not ECHOKE) */
#define ECHONL 0x00040	/**< echo NL even without ECHO (canonical mode) */
#define NOFLSH 0x00080	/**< no input flush on signal characters */
#define TOSTOP 0x00100	/**< background writes send SIGTTOU */
#define ECHOCTL 0x00200	/**< echo control characters as ^X */
#define ECHOPRT 0x00400	/**< echo erased characters between \ and / */
#define ECHOKE 0x00800	/**< VKILL erases the line on screen */
#define FLUSHO 0x01000	/**< output is being flushed */
#define PENDIN 0x04000	/**< retype pending input */
#define IEXTEN 0x08000	/**< VWERASE, VLNEXT, VREPRINT, VEOL2 and IUCLC are on */
#define EXTPROC 0x10000	/**< external processing (not supported) */

/* Arguments of TCXONC and TCFLSH. */
#define TCOOFF 0	/**< TCXONC: suspend output */
#define TCOON 1		/**< TCXONC: restart output */
#define TCIOFF 2	/**< TCXONC: send a STOP character */
#define TCION 3		/**< TCXONC: send a START character */
#define TCIFLUSH 0	/**< TCFLSH: discard unread input */
#define TCOFLUSH 1	/**< TCFLSH: discard unsent output */
#define TCIOFLUSH 2	/**< TCFLSH: both */

/* The terminal ioctls this driver answers; any other one is -ENOTTY. */
#define TCGETS 0x5401		/**< read the struct termios */
#define TCSETS 0x5402		/**< set it now */
#define TCSETSW 0x5403		/**< set it once output has drained */
#define TCSETSF 0x5404		/**< set it once output has drained, discarding input */
#define TCSBRK 0x5409		/**< tcdrain (arg != 0) or send a break (arg 0) */
#define TCXONC 0x540A		/**< tcflow(): TCOOFF, TCOON, TCIOFF, TCION */
#define TCFLSH 0x540B		/**< tcflush(): TCIFLUSH, TCOFLUSH, TCIOFLUSH */
#define TIOCSCTTY 0x540E	/**< make this the caller's controlling terminal */
#define TIOCGPGRP 0x540F	/**< read the foreground process group */
#define TIOCSPGRP 0x5410	/**< set the foreground process group */
#define TIOCOUTQ 0x5411		/**< bytes written but not sent (always 0: output is synchronous) */
#define TIOCGWINSZ 0x5413	/**< read the struct winsize */
#define TIOCSWINSZ 0x5414	/**< set it */
#define FIONREAD 0x541B		/**< bytes a read could return now (TIOCINQ) */
#define TIOCNOTTY 0x5422	/**< give up the controlling terminal */
#define TIOCGSID 0x5429		/**< read the session this is the controlling terminal of */

/**
 * tty_console_init() - Set up the console TTY: defaults, COM1's receive interrupt, IRQ 4.
 *
 * Runs once from the TTY's own INITCALL(INITCALL_DEVICE, ...), with
 * interrupts disabled; nothing else needs to call it.  Before it, and at
 * any time, printk() keeps writing to COM1 directly.
 */
void tty_console_init(void);

/**
 * tty_session_exit() - Forget the console as the controlling terminal of session @p sid.
 * @param sid the session whose leader is exiting
 *
 * For the exit path of a session leader (Linux's disassociate_ctty()):
 * afterwards the console has no session and no foreground process group,
 * so a new session may take it with TIOCSCTTY.  Calling it is optional:
 * the TTY also notices a session whose leader is gone the next time it
 * needs to know.  Sends no SIGHUP: that is layer 30's (see
 * tty_background_hook).  Task context.
 */
void tty_session_exit(pid_t sid);

/** @brief What a process outside the foreground process group tries to do with the terminal. */
enum tty_background_op {
	TTY_BG_READ,	/**< read: Linux sends SIGTTIN (or fails with -EIO) */
	TTY_BG_WRITE,	/**< write with TOSTOP set: Linux sends SIGTTOU */
	TTY_BG_CHANGE,	/**< change the settings (TCSETS*, TCFLSH, TCXONC, TIOCSPGRP, ...): SIGTTOU */
};

/**
 * @brief Job-control hook, NULL until layer 30 sets it.
 *
 * Called in task context for a caller whose session is the terminal's
 * session but whose process group is not the foreground one (@p fg_pgrp).
 * Layer 30 decides, as Linux's tty_check_change()/__tty_check_change() do:
 * return 0 to let the operation go on (e.g. SIGTTOU ignored or blocked),
 * or a negative errno to fail it (-EIO for an orphaned group, -ERESTARTSYS after
 * sending SIGTTIN/SIGTTOU to the caller's group so it stops).  While NULL,
 * every operation goes on, which is layer 20's behaviour: no job control.
 */
extern long (*tty_background_hook)(pid_t fg_pgrp, enum tty_background_op op);

#endif /* TTY_H */
