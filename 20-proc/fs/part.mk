# 20-proc/fs: the VFS core, ramfs and the initramfs, fd tables, pipes, file syscalls.

KERNEL_SRCS += \
	$(L20)/fs/cpio.c \
	$(L20)/fs/dir_syscalls.c \
	$(L20)/fs/dirent.c \
	$(L20)/fs/fcntl.c \
	$(L20)/fs/fdtable.c \
	$(L20)/fs/file.c \
	$(L20)/fs/fs_context.c \
	$(L20)/fs/initramfs.c \
	$(L20)/fs/inode.c \
	$(L20)/fs/memdev.c \
	$(L20)/fs/namei.c \
	$(L20)/fs/open.c \
	$(L20)/fs/pipe.c \
	$(L20)/fs/poll.c \
	$(L20)/fs/ramfs.c \
	$(L20)/fs/ramfs_pages.c \
	$(L20)/fs/read_write.c \
	$(L20)/fs/stat.c \
	$(L20)/fs/user_path.c \
	$(L20)/fs/vfs_dir.c \
	$(L20)/fs/vfs_init.c \
	$(L20)/fs/tests/ktest_fs.c

HOST_TESTS += test_cpio test_ramfs
host_test_test_cpio_srcs := $(L20)/fs/tests/test_cpio.c $(L20)/fs/cpio.c
host_test_test_ramfs_srcs := $(L20)/fs/tests/test_ramfs.c $(L20)/fs/cpio.c $(L20)/fs/dirent.c \
	$(L20)/fs/inode.c $(L20)/fs/initramfs.c $(L20)/fs/namei.c $(L20)/fs/ramfs.c \
	$(L20)/fs/vfs_dir.c

# The syscall files are #included by the test (to reach their static sys_* functions).
HOST_TESTS += test_file_syscalls
host_test_test_file_syscalls_srcs := $(L20)/fs/tests/test_file_syscalls.c $(L20)/fs/dirent.c \
	$(L20)/fs/inode.c $(L20)/fs/namei.c $(L20)/fs/ramfs.c $(L20)/fs/vfs_dir.c
