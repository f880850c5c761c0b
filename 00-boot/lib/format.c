/*
 * format.c - kvsnprintf(): the printf engine behind printk().
 *
 * Pure C: it is compiled into the kernel and, unchanged, into a host unit
 * test that compares its output with the C library's snprintf() for the
 * same format and arguments.  So the behaviour to match is ISO C's
 * (C11 7.21.6.1), and where ISO C leaves room, glibc's.
 */
#include <format.h>
#include <stdint.h>
#include <string.h>

/* Flags of one conversion specification. */
#define F_LEFT 0x01	/* '-': pad on the right */
#define F_PLUS 0x02	/* '+': always print a sign */
#define F_SPACE 0x04	/* ' ': a space where the sign would be */
#define F_ALT 0x08	/* '#': 0x/0 prefix */
#define F_ZERO 0x10	/* '0': pad with zeros */
#define F_UPPER 0x20	/* %X */

/* The output: bytes beyond the buffer are counted but not stored. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/*
 * Emit an integer: [padding][sign or prefix][zeros][digits][padding].
 * A precision (prec >= 0) is the minimum number of digits and disables the
 * '0' flag; a zero value with precision 0 prints no digits at all (C11).
 */
static void put_number(struct out *o, uint64_t v, int negative, unsigned int base,
		       int flags, int width, int prec)
{
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	const char *prefix = "";

	int is_zero = v == 0;

	/* Digits, least significant first.  Zero is one digit "0", except that
	 * an explicit precision of 0 prints no digits for it (C11 7.21.6.1). */
	if (!(is_zero && prec == 0)) {
		/* LAB 00 BEGIN number_digits */
		/* LAB STUB: (void)digits; */
		do {
			tmp[n++] = digits[v % base];
			v /= base;
		} while (v);
		/* LAB 00 END number_digits */
	}

	if (negative)
		prefix = "-";
	else if (flags & F_PLUS)
		prefix = "+";
	else if (flags & F_SPACE)
		prefix = " ";
	if ((flags & F_ALT) && base == 16 && !is_zero)
		prefix = (flags & F_UPPER) ? "0X" : "0x";

	int zeros = 0;

	if (prec < 0 && (flags & (F_ZERO | F_LEFT)) == F_ZERO)
		zeros = width - (int)strlen(prefix) - n;
	if (prec > n)
		zeros = prec - n;
	if (zeros < 0)
		zeros = 0;
	/* '#' with octal: the first digit must be 0, adding one only if needed. */
	if ((flags & F_ALT) && base == 8 && zeros == 0 && (n == 0 || tmp[n - 1] != '0'))
		zeros = 1;

	int total = (int)strlen(prefix) + zeros + n;

	if (!(flags & F_LEFT))
		put_repeat(o, ' ', width - total);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	put_repeat(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		put_repeat(o, ' ', width - total);
}

static void put_string(struct out *o, const char *s, int flags, int width, int prec)
{
	if (!s)
		s = (prec < 0 || prec >= 6) ? "(null)" : "";
	int n = (int)(prec < 0 ? strlen(s) : strnlen(s, (size_t)prec));

	if (!(flags & F_LEFT))
		put_repeat(o, ' ', width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		put_repeat(o, ' ', width - n);
}

/* Read a decimal number at *fmt, advancing past it. */
static int read_decimal(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		if (v < 100000000)
			v = v * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return v;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		const char *spec = fmt++;
		int flags = 0, width = 0, prec = -1;

		for (;; fmt++) {
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_ALT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else
				break;
		}
		if (*fmt == '*') {
			fmt++;
			width = va_arg(ap, int);
			if (width < 0) {	/* a negative width means '-' */
				flags |= F_LEFT;
				width = -width;
			}
		} else {
			width = read_decimal(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				prec = va_arg(ap, int);
				if (prec < 0)	/* as if no precision were given */
					prec = -1;
			} else {
				prec = read_decimal(&fmt);
			}
		}

		/* Length modifier: how wide the argument is. */
		int size_bits = 32;
		int narrow = 0;	/* hh: 8, h: 16 */

		if (fmt[0] == 'h' && fmt[1] == 'h') {
			narrow = 8;
			fmt += 2;
		} else if (fmt[0] == 'h') {
			narrow = 16;
			fmt++;
		} else if (fmt[0] == 'l' && fmt[1] == 'l') {
			size_bits = 64;
			fmt += 2;
		} else if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'j') {
			size_bits = 64;
			fmt++;
		}

		char conv = *fmt;

		if (conv)
			fmt++;
		switch (conv) {
		case 'd':
		case 'i': {
			int64_t v = size_bits == 64 ? va_arg(ap, int64_t) : va_arg(ap, int);

			if (narrow == 8)
				v = (signed char)v;
			else if (narrow == 16)
				v = (short)v;
			uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;

			put_number(&o, mag, v < 0, 10, flags, width, prec);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v = size_bits == 64 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);

			if (narrow == 8)
				v = (unsigned char)v;
			else if (narrow == 16)
				v = (unsigned short)v;
			if (conv == 'X')
				flags |= F_UPPER;
			/* Sign flags apply to signed conversions only. */
			flags &= ~(F_PLUS | F_SPACE);
			put_number(&o, v, 0, conv == 'u' ? 10 : conv == 'o' ? 8 : 16, flags,
				   width, prec);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);

			if (!(flags & F_LEFT))
				put_repeat(&o, ' ', width - 1);
			put(&o, c);
			if (flags & F_LEFT)
				put_repeat(&o, ' ', width - 1);
			break;
		}
		case 's':
			put_string(&o, va_arg(ap, const char *), flags, width, prec);
			break;
		case 'p': {
			void *p = va_arg(ap, void *);

			if (!p)
				put_string(&o, "(null)", flags & F_LEFT, width, -1);
			else
				put_number(&o, (uintptr_t)p, 0, 16, (flags & F_LEFT) | F_ALT | F_ZERO,
					   width, 16);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		default:
			/* Unsupported or truncated: copy the specification as written. */
			while (spec < fmt)
				put(&o, *spec++);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);

	va_end(ap);
	return n;
}
