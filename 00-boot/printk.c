/*
 * printk.c - the kernel log.
 *
 * A message is formatted once into a line buffer, stored in the ring as
 * "<L>text\n", and written to every console if its level passes the console
 * log level.  One lock-free rule keeps it safe on one CPU: interrupts are
 * disabled while a message is stored and written, so a printk() from a trap
 * handler never interleaves with one it interrupted.  (Layer 20 brings SMP
 * concerns no earlier than it brings a second CPU.)
 */
#include <printk.h>
#include <format.h>
#include <errno.h>
#include <string.h>
#include <cmdline.h>
#include <arch/cpu.h>

#define MAX_CONSOLES 4
#define LINE_MAX 512

static struct console *consoles[MAX_CONSOLES];
static int console_count;
static int console_loglevel = LOGLEVEL_INFO;
static unsigned long (*clock_ms)(void);

/* The ring: ring_head counts every byte ever stored; the last PRINTK_RING_SIZE are kept. */
static char ring[PRINTK_RING_SIZE];
static uint64_t ring_head;

static void ring_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		ring[(ring_head + i) % PRINTK_RING_SIZE] = s[i];
	ring_head += len;
}

size_t printk_ring_read(char *buf, size_t size)
{
	if (!size)
		return 0;
	uint64_t flags = irq_save();
	uint64_t avail = ring_head < PRINTK_RING_SIZE ? ring_head : PRINTK_RING_SIZE;
	size_t n = avail < size - 1 ? avail : size - 1;

	for (size_t i = 0; i < n; i++)
		buf[i] = ring[(ring_head - n + i) % PRINTK_RING_SIZE];
	buf[n] = '\0';
	irq_restore(flags);
	return n;
}

void vprintk(int level, const char *fmt, va_list ap)
{
	char line[LINE_MAX];
	char prefix[24];
	int n;

	if (level < LOGLEVEL_EMERG || level > LOGLEVEL_DEBUG)
		level = LOGLEVEL_DEBUG;
	n = kvsnprintf(line, sizeof(line) - 1, fmt, ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	if (n == 0 || line[n - 1] != '\n')
		line[n++] = '\n';
	line[n] = '\0';

	unsigned long ms = clock_ms ? clock_ms() : 0;
	int plen = ksnprintf(prefix, sizeof(prefix), "[%5lu.%03lu] ", ms / 1000, ms % 1000);
	char tag[3] = { '<', (char)('0' + level), '>' };

	uint64_t flags = irq_save();

	ring_store(tag, sizeof(tag));
	ring_store(line, n);
	if (level <= console_loglevel) {
		for (int i = 0; i < console_count; i++) {
			consoles[i]->write(prefix, plen);
			consoles[i]->write(line, n);
		}
	}
	irq_restore(flags);
}

void printk(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(level, fmt, ap);
	va_end(ap);
}

int console_register(struct console *con)
{
	if (console_count == MAX_CONSOLES)
		return -ENOSPC;
	consoles[console_count++] = con;
	return 0;
}

int printk_set_loglevel(int level)
{
	if (level < LOGLEVEL_EMERG || level > LOGLEVEL_DEBUG)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}

int printk_get_loglevel(void)
{
	return console_loglevel;
}

void printk_set_clock(unsigned long (*now_ms)(void))
{
	clock_ms = now_ms;
}

static int set_loglevel(const char *value)
{
	if (!value || value[0] < '0' || value[0] > '7' || value[1])
		return -EINVAL;
	return printk_set_loglevel(value[0] - '0');
}
CMDLINE_PARAM(loglevel, "loglevel", set_loglevel,
	      "console log level 0-7: messages at or below it are printed (default 6)");
