# 20-proc/fs: the VFS core, ramfs and the initramfs, fd tables, pipes, file syscalls.

KERNEL_SRCS += \
	$(L20)/fs/cpio.c \
	$(L20)/fs/dirent.c \
	$(L20)/fs/inode.c \
	$(L20)/fs/initramfs.c \
	$(L20)/fs/namei.c \
	$(L20)/fs/ramfs.c \
	$(L20)/fs/vfs_dir.c

HOST_TESTS += test_cpio
host_test_test_cpio_srcs := $(L20)/fs/tests/test_cpio.c $(L20)/fs/cpio.c

HOST_TESTS += test_ramfs
host_test_test_ramfs_srcs := $(L20)/fs/tests/test_ramfs.c $(L20)/fs/cpio.c $(L20)/fs/dirent.c \
	$(L20)/fs/inode.c $(L20)/fs/initramfs.c $(L20)/fs/namei.c $(L20)/fs/ramfs.c \
	$(L20)/fs/vfs_dir.c
