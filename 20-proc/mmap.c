/*
 * mmap.c - the memory syscalls, on top of layer 10's address spaces: brk,
 * mmap, munmap, mprotect, mremap, madvise.
 *
 * File mappings use the file's own pages where the filesystem offers them
 * (ramfs does, through the map_page inode operation): shared mappings
 * write into the file, private ones copy a page on its first write.  For
 * other files a private mapping is a copy of the bytes made at mmap time.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <file.h>
#include <kmalloc.h>
#include <inode.h>
#include <mm.h>
#include <paging.h>
#include <pmm.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>
#include <vfs.h>
#include "proc.h"

#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define PROT_GROWSDOWN 0x01000000
#define PROT_GROWSUP 0x02000000

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_GROWSDOWN 0x0100
#define MAP_DENYWRITE 0x0800
#define MAP_EXECUTABLE 0x1000
#define MAP_LOCKED 0x2000
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000
#define MAP_HUGETLB 0x40000
#define MAP_FIXED_NOREPLACE 0x100000

#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_FREE 8
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP 16
#define MADV_DODUMP 17

/*
 * Whole pages of a file mapping that lie past the end of the file: touching
 * one is SIGBUS on Linux.  They are mapped with this backing, whose fill
 * always fails; the fault report sees the backing and sends SIGBUS.
 */
static int beyond_eof_fill(struct mm_backing *b, uint64_t offset, void *page)
{
	return -EIO;
}

static struct mm_backing beyond_eof = { .fill = beyond_eof_fill };

int mmap_beyond_eof(struct mm *mm, uint64_t addr)
{
	const struct vma *v = vma_find(&mm->vmas, addr);

	return v && v->backing == &beyond_eof;
}

static uint32_t prot_to_vma(unsigned long prot)
{
	return ((prot & PROT_READ) ? VMA_READ : 0) | ((prot & PROT_WRITE) ? VMA_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VMA_EXEC : 0);
}

/* Does any VMA overlap [start, start + len)? */
static int range_in_use(struct mm *mm, uint64_t start, uint64_t len)
{
	for (uint32_t i = 0; i < mm->vmas.count; i++) {
		const struct vma *v = &mm->vmas.vmas[i];

		if (v->start < start + len && start < v->end)
			return 1;
	}
	return 0;
}

/* Fault in every page of [start, start + len) for writing (shared anonymous memory). */
static int populate(struct mm *mm, uint64_t start, uint64_t len)
{
	for (uint64_t va = start; va < start + len; va += PAGE_SIZE) {
		int r = mm_handle_fault(mm, va, PF_WRITE | PF_USER);

		if (r)
			return -ENOMEM;
	}
	return 0;
}

/*
 * Copy @len bytes of @f at @off into user memory at @addr (already mapped
 * writable in the current address space), through a kernel bounce page.
 * Bytes past the end of the file stay zero, as mmap(2) and the ELF loader want.
 */
int map_copy_file(struct file *f, uint64_t off, uint64_t addr, uint64_t len)
{
	uint8_t *buf = kmalloc(PAGE_SIZE);
	uint64_t done = 0;
	int err = 0;

	if (!buf)
		return -ENOMEM;
	while (done < len) {
		uint64_t want = len - done < PAGE_SIZE ? len - done : PAGE_SIZE;
		ssize_t got = file_pread_kernel(f, buf, want, off + done);

		if (got < 0) {
			err = (int)got;
			break;
		}
		if (got == 0)
			break;
		if (copy_to_user((void __user *)(uintptr_t)(addr + done), buf, (size_t)got)) {
			err = -EFAULT;
			break;
		}
		done += (uint64_t)got;
	}
	kfree(buf);
	return err;
}

/*
 * Put @npages pages of the file behind @inode, from file page @first, at
 * @va in @mm.  Shared mappings get the pages as they are, so stores reach
 * the file.  Private ones get them read-only and marked copy-on-write
 * (whatever the protection, so a later mprotect cannot open the file's page
 * to writes): the first write copies the page, as Linux's page cache does.
 */
int map_file_pages(struct mm *mm, struct inode *inode, uint64_t va, uint64_t first,
		   uint64_t npages, uint32_t vprot, int shared)
{
	uint64_t flags = mm_leaf_flags(vprot);

	if (!shared)
		flags = (flags & ~PTE_WRITE) | PTE_COW;
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t pa;
		int err = inode->ops->map_page(inode, first + i, &pa);

		if (!err) {
			err = pt_map(mm->pml4, va + i * PAGE_SIZE, pa, flags);
			if (err)
				pmm_page_put(pa);
		}
		if (err)
			return err;
	}
	return 0;
}

/*
 * mmap of a file whose filesystem offers its pages (map_page): the pages
 * inside the file are the file's own (see map_file_pages()); pages wholly
 * past the end of the file give SIGBUS.  Returns the address or -errno.
 */
static long map_file(struct mm *mm, struct file *f, uint64_t addr, uint64_t len, uint32_t vprot,
		     int fixed, uint64_t off, int shared)
{
	struct inode *inode = f->inode;
	uint64_t fsize = file_size(f);
	uint64_t in_file = off >= fsize ? 0 : ALIGN_UP(fsize - off, PAGE_SIZE);
	uint32_t vflags = shared ? VMA_SHARED : VMA_PRIVATE;
	int64_t r, t;
	int err;

	if (in_file > len)
		in_file = len;
	r = mm_map(mm, addr, len, vprot, vflags, NULL, 0, fixed);
	if (r < 0)
		return r;
	err = map_file_pages(mm, inode, (uint64_t)r, off / PAGE_SIZE, in_file / PAGE_SIZE, vprot,
			     shared);
	if (!err && in_file < len) {
		t = mm_map(mm, (uint64_t)r + in_file, len - in_file, vprot, vflags, &beyond_eof, 0, 1);
		err = t < 0 ? (int)t : 0;
	}
	if (err) {
		mm_unmap(mm, (uint64_t)r, len);
		return err;
	}
	return r;
}

static long do_mmap(uint64_t addr, uint64_t len, unsigned long prot, unsigned long flags, int fd,
	     uint64_t off)
{
	struct mm *mm = task_current()->mm;
	unsigned long type = flags & MAP_TYPE;
	uint32_t vprot = prot_to_vma(prot), vflags;
	struct file *f = NULL;
	int fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
	int64_t r;

	if (!len || (off & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (len > USER_SPACE_END)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE)
		type = MAP_SHARED;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (fixed && (addr & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (fixed && (addr >= USER_SPACE_END || len > USER_SPACE_END - addr))
		return -ENOMEM;
	if ((flags & MAP_FIXED_NOREPLACE) && range_in_use(mm, addr, len))
		return -EEXIST;
	if (flags & MAP_HUGETLB)
		return -EINVAL;		/* no huge-page pool */
	vflags = (type == MAP_SHARED) ? VMA_SHARED : VMA_PRIVATE;
	vflags |= VMA_ANON;
	if (flags & (MAP_STACK | MAP_GROWSDOWN))
		vflags |= VMA_STACK;

	if (!(flags & MAP_ANONYMOUS)) {
		f = fd_get(fd);
		if (!f)
			return -EBADF;
		long err = file_mmap_check(f, type == MAP_SHARED && (prot & PROT_WRITE));

		int pages = f->inode && f->inode->ops && f->inode->ops->map_page;

		if (!err && type == MAP_SHARED && !pages)
			err = -ENODEV;	/* nothing to share the pages of */
		if (!err && pages) {
			if (!fixed && addr && (addr & (PAGE_SIZE - 1) || range_in_use(mm, addr, len)))
				addr = 0;
			err = map_file(mm, f, addr, len, vprot, fixed, off, type == MAP_SHARED);
		}
		if (err || pages) {
			file_put(f);
			return err;
		}
		/* Otherwise a private copy of the bytes, read now. */
		vflags = (vflags & ~VMA_SHARED) | VMA_PRIVATE;
	}

	/* A hint is only a hint: a taken address means "choose another". */
	if (!fixed && addr && (addr & (PAGE_SIZE - 1) || range_in_use(mm, addr, len)))
		addr = 0;
	r = mm_map(mm, addr, len, f ? vprot | VMA_WRITE : vprot, vflags, NULL, 0, fixed);
	if (r < 0 && f)
		file_put(f);
	if (r < 0 || !f) {
		if (r >= 0 && (type == MAP_SHARED || (flags & MAP_POPULATE)) && populate(mm, r, len)) {
			mm_unmap(mm, r, len);
			return -ENOMEM;
		}
		return r;
	}
	uint64_t fsize = file_size(f);
	uint64_t copy = off >= fsize ? 0 : (fsize - off < len ? fsize - off : len);
	int err = map_copy_file(f, off, (uint64_t)r, copy);

	file_put(f);
	if (!err && !(vprot & VMA_WRITE))
		err = mm_protect(mm, (uint64_t)r, len, vprot);
	uint64_t file_pages = ALIGN_UP(copy, PAGE_SIZE);

	if (!err && file_pages < len) {
		int64_t t = mm_map(mm, (uint64_t)r + file_pages, len - file_pages, vprot, vflags,
				   &beyond_eof, 0, 1);

		err = t < 0 ? (int)t : 0;
	}
	if (err) {
		mm_unmap(mm, (uint64_t)r, len);
		return err;
	}
	return r;
}

SYSCALL_DEFINE6(mmap, uint64_t, addr, uint64_t, len, unsigned long, prot, unsigned long, flags,
		int, fd, uint64_t, off)
{
	return do_mmap(addr, len, prot, flags, fd, off);
}

SYSCALL_DEFINE2(munmap, uint64_t, addr, uint64_t, len)
{
	if ((addr & (PAGE_SIZE - 1)) || !len || addr >= USER_SPACE_END ||
	    len > USER_SPACE_END - addr)
		return -EINVAL;
	return mm_unmap(task_current()->mm, addr, len);
}

SYSCALL_DEFINE3(mprotect, uint64_t, addr, uint64_t, len, unsigned long, prot)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (!len)
		return 0;
	if (addr >= USER_SPACE_END || len > USER_SPACE_END - addr)
		return -ENOMEM;
	return mm_protect(task_current()->mm, addr, len, prot_to_vma(prot));
}

SYSCALL_DEFINE5(mremap, uint64_t, old, uint64_t, old_len, uint64_t, new_len, unsigned long, flags,
		uint64_t, new_addr)
{
	if (old & (PAGE_SIZE - 1))
		return -EINVAL;
	return mm_mremap(task_current()->mm, old, old_len, new_len, (uint32_t)flags);
}

SYSCALL_DEFINE1(brk, uint64_t, new_end)
{
	return (long)mm_brk(task_current()->mm, new_end);
}

#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

/*
 * msync: write a shared file mapping back to its file.  Here a shared
 * mapping holds the file's own pages (a RAM filesystem), so there is never
 * anything to write; the checks are Linux's: alignment and flags (EINVAL),
 * and a range with a hole (ENOMEM).
 */
SYSCALL_DEFINE3(msync, uint64_t, addr, uint64_t, len, int, flags)
{
	struct mm *mm = task_current()->mm;

	if ((addr & (PAGE_SIZE - 1)) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (addr >= USER_SPACE_END || len > USER_SPACE_END - addr)
		return -ENOMEM;
	for (uint64_t va = addr; va < addr + len;) {
		const struct vma *v = vma_find(&mm->vmas, va);

		if (!v)
			return -ENOMEM;
		va = v->end;
	}
	return 0;
}

SYSCALL_DEFINE3(madvise, uint64_t, addr, uint64_t, len, int, advice)
{
	struct mm *mm = task_current()->mm;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
		/* Advice about paging policy: there is no policy here to change. */
		return 0;
	case MADV_DONTNEED:
	case MADV_FREE:
		/*
		 * Private anonymous pages read back as zero afterwards: drop
		 * them by mapping the same range afresh, VMA by VMA.
		 */
		for (uint64_t va = addr; va < addr + len;) {
			const struct vma *v = vma_find(&mm->vmas, va);

			if (!v)
				return -ENOMEM;
			uint64_t end = v->end < addr + len ? v->end : addr + len;
			uint32_t prot = v->prot, fl = v->flags;

			if (fl & VMA_SHARED) {
				va = end;
				continue;
			}
			int64_t r = mm_map(mm, va, end - va, prot, fl, NULL, 0, 1);

			if (r < 0)
				return r;
			va = end;
		}
		return 0;
	default:
		return -EINVAL;
	}
}
