# Strata: a Linux-ABI teaching kernel for x86_64, built layer by layer.
#
#   make [LAYER=NN]            kernel ELF, UEFI system partition and GRUB ISO in build/NN/
#   make run [LAYER=NN] [BOOT=uefi|multiboot]
#   make bochs [LAYER=NN]      the GRUB ISO in Bochs, headless, COM1 on the terminal
#   make exec [LAYER=NN] [BOOT=...] [FILES=DIR] [SRC=file.c] [CMD='...'] [TIMEOUT=s] [DISK=img]
#                              boot, run CMD with BusyBox's sh, print its output and
#                              stop; fails when CMD does (tools/exec.sh exits with
#                              CMD's own status).  make bochs takes the same options.
#   make gdb [LAYER=NN]        QEMU halted with its gdb stub; see README.md
#   make test [LAYER=NN]       every test of every layer up to NN (default: all layers)
#   make ktest KTEST=PATTERN [BOOT=...]   in-kernel tests matching PATTERN on one boot path
#   make bench [LAYER=NN]      strata-bench on this kernel, Linux (same QEMU) and the host:
#                              one table; results in build/bench/ (not part of make test)
#   make bench-plot [RUNS='build/bench/A.json B.json']   bar chart of the ratios
#   make kbench [LAYER=NN]     the in-kernel benchmark figures (layer 10's allocator)
#   make check | docs | lab LAB=NN | grade LAB=NN [TREE=dir] | compile_commands.json | clean
#
# Every layer is a folder NN-name/ with a layer.mk that adds its sources; a
# kernel for LAYER=NN is built from every layer whose number is <= NN.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
LAYER_DIRS := $(sort $(patsubst %/,%,$(wildcard [0-9][0-9]-*/)))
layer_num = $(firstword $(subst -, ,$(1)))
TOP_LAYER := $(call layer_num,$(lastword $(LAYER_DIRS)))
LAYER ?= $(TOP_LAYER)
LAYER_DIR := $(filter $(LAYER)-%,$(LAYER_DIRS))
ifeq ($(LAYER_DIR),)
$(error LAYER=$(LAYER) does not exist; layers here: $(LAYER_DIRS))
endif
# The layers a LAYER=NN kernel is made of: NN and everything below it.
SELECTED := $(foreach d,$(LAYER_DIRS),$(if $(filter 1,$(shell [ $(call layer_num,$(d)) -le $(LAYER) ] && echo 1)),$(d)))

BUILD := build/$(LAYER)
OBJ := $(BUILD)/obj
BOOT ?= uefi
CMDLINE ?=

# ---------------------------------------------------------------- toolchain
CC := gcc
LD := ld
OBJCOPY := objcopy
GCC_INCLUDE := $(shell $(CC) -print-file-name=include)

# Kernel code: freestanding, no red zone (interrupts push onto the stack we
# run on), no SSE (its state is not saved on kernel entry), kernel code model
# for the top 2 GiB, and frame pointers so a fault can print a backtrace.
# A stack frame over 2 KiB is an error: kernel stacks are 16 KiB, and big
# buffers on them are how other kernels overflowed (kmalloc them instead).
KERNEL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-ffreestanding -nostdinc -isystem $(GCC_INCLUDE) \
	-fno-stack-protector -fno-pic -fno-pie -fno-strict-aliasing \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables -fcf-protection=none \
	-Werror=frame-larger-than=2048
KERNEL_ASFLAGS := -g -D__ASSEMBLY__ -Wa,--fatal-warnings
KERNEL_LDFLAGS := -nostdlib -static --no-dynamic-linker -z max-page-size=0x1000 -z noexecstack

# Host unit tests: the same pure C files, built as ordinary programs.  The
# kernel's headers come after the system's (-idirafter), so a pure module's
# <string.h> is the C library's on the host and the kernel's in the kernel.
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-fsanitize=address,undefined -fno-sanitize-recover=all

# Filled by each layer's layer.mk.
KERNEL_SRCS :=
KERNEL_INCLUDES :=
HOST_TESTS :=
LINKER_SCRIPT :=
KERNEL_GENERATED :=
# The initramfs the boot media carry (layer 20 and above build one).
INITRAMFS :=
$(foreach d,$(SELECTED),$(eval include $(d)/layer.mk))

INCLUDE_FLAGS := $(addprefix -I,$(KERNEL_INCLUDES))
LAYER_DEFS := -DSTRATA_LAYER='"$(LAYER_DIR)"'
KERNEL_OBJS := $(patsubst %,$(OBJ)/%.o,$(KERNEL_SRCS))
# Headers a layer generates (e.g. syscall numbers) exist before anything compiles.
$(KERNEL_OBJS): | $(KERNEL_GENERATED)

# ---------------------------------------------------------------- kernel
KERNEL := $(BUILD)/kernel.elf
ESP_IMG := $(BUILD)/esp.img
ISO := $(BUILD)/kernel.iso

.PHONY: all kernel deps
all: deps $(KERNEL) $(ESP_IMG) $(ISO)
kernel: $(KERNEL)

deps:
	@tools/deps.sh

# Objects depend on the makefiles too: a changed flag rebuilds everything.
$(OBJ)/%.c.o: %.c $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(CC) $(KERNEL_CFLAGS) $(INCLUDE_FLAGS) $(LAYER_DEFS) -MMD -MP -c $< -o $@

$(OBJ)/%.S.o: %.S $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(CC) $(KERNEL_ASFLAGS) $(INCLUDE_FLAGS) -MMD -MP -c $< -o $@

-include $(KERNEL_OBJS:.o=.d)

# The symbol table is linked into the last section of the image, so the
# first link (with an empty table) fixes every other address, and the
# second link only fills the table in.  tools/ksyms.sh verifies that.
$(BUILD)/ksyms-empty.S: tools/ksyms.sh
	@mkdir -p $(@D)
	tools/ksyms.sh empty > $@
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJS) $(BUILD)/ksyms-empty.o $(LINKER_SCRIPT)
	$(LD) $(KERNEL_LDFLAGS) -T $(LINKER_SCRIPT) -o $@ $(KERNEL_OBJS) $(BUILD)/ksyms-empty.o
$(BUILD)/ksyms.S: $(BUILD)/kernel.pass1.elf tools/ksyms.sh
	tools/ksyms.sh generate $< > $@
$(BUILD)/%.o: $(BUILD)/%.S
	$(CC) $(KERNEL_ASFLAGS) -c $< -o $@
$(KERNEL): $(BUILD)/kernel.pass1.elf $(BUILD)/ksyms.o
	$(LD) $(KERNEL_LDFLAGS) -T $(LINKER_SCRIPT) -o $@ $(KERNEL_OBJS) $(BUILD)/ksyms.o
	tools/ksyms.sh verify $(BUILD)/kernel.pass1.elf $@

$(ISO): $(KERNEL) tools/mkiso.sh $(INITRAMFS)
	tools/mkiso.sh $(KERNEL) '$(CMDLINE)' $@ $(INITRAMFS)

$(ESP_IMG): $(KERNEL) $(EFI_LOADER) tools/mkesp.sh $(INITRAMFS)
	tools/mkesp.sh $(EFI_LOADER) $(KERNEL) '$(CMDLINE)' $@ $(INITRAMFS)

# ---------------------------------------------------------------- running
.PHONY: run bochs gdb ktest exec
run: all
	tools/run.sh --layer $(LAYER) --boot $(BOOT) --cmdline '$(CMDLINE)' --interactive

# make exec: one command on the booted kernel (tools/exec.sh says how).  CMD
# reaches the guest's shell as written: $(value) keeps make from expanding
# its $, and the quoting below survives any quote in it.  The options are
# checked before the build; the build's own output goes to stderr, so that
# standard output carries CMD's output alone.
FILES ?=
SRC ?=
CMD ?=
TIMEOUT ?=
DISK ?=
shell_quote = '$(subst ','\'',$(1))'
EXEC_ARGS = --layer $(LAYER) $(foreach d,$(FILES),--files $(call shell_quote,$(d))) \
	$(if $(SRC),--src $(call shell_quote,$(SRC))) $(if $(TIMEOUT),--timeout $(call shell_quote,$(TIMEOUT))) \
	$(if $(DISK),--disk $(call shell_quote,$(DISK))) --cmdline $(call shell_quote,$(CMDLINE)) \
	-- $(call shell_quote,$(value CMD))
define exec_recipe
	@tools/exec.sh --check --boot $(1) $(EXEC_ARGS)
	@$(MAKE) --no-print-directory all >&2
	@tools/exec.sh --boot $(1) $(EXEC_ARGS)
endef

exec:
	$(call exec_recipe,$(BOOT))

# With something to run (FILES, SRC or CMD), make bochs is make exec under Bochs.
ifneq ($(strip $(FILES)$(SRC)$(value CMD)),)
bochs:
	$(call exec_recipe,bochs)
else
bochs: all
	tools/run.sh --layer $(LAYER) --boot bochs --cmdline '$(CMDLINE)' --interactive
endif

gdb: all
	@command -v gdb >/dev/null || tools/deps.sh gdb
	tools/run.sh --layer $(LAYER) --boot $(if $(filter uefi,$(BOOT)),multiboot,$(BOOT)) --cmdline '$(CMDLINE)' --interactive --gdb

# One boot with ktest=PATTERN; exits 0 only if tests ran and all passed.
KTEST ?= all
ktest: all
	tools/ktest.sh --layer $(LAYER) --boot $(BOOT) --pattern '$(KTEST)'

# ---------------------------------------------------------------- benchmarks
# strata-bench: one static program, the same binary on the host, this kernel
# and Linux.  tools/bench/ is its driver; each selected layer adds rows in
# NN-*/bench/*.c (tools/bench/bench.h says how).  true is the tiny program
# its exec rows run.  Never part of make test's pass/fail (which runs each
# row once, tools/bench.sh --smoke).
BENCH_OUT := $(BUILD)/bench
BENCH_SRCS := tools/bench/main.c $(wildcard $(addsuffix /bench/*.c,$(SELECTED)))
BENCH_CFLAGS := -static -O2 -std=gnu11 -Wall -Wextra -Werror -Itools/bench
$(BENCH_OUT)/strata-bench: $(BENCH_SRCS) tools/bench/bench.h $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	musl-gcc $(BENCH_CFLAGS) -o $@ $(BENCH_SRCS)
$(BENCH_OUT)/true: tools/bench/true.c $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	musl-gcc $(BENCH_CFLAGS) -o $@ $<

.PHONY: bench bench-prog bench-plot kbench
bench-prog: $(BENCH_OUT)/strata-bench $(BENCH_OUT)/true
bench: all bench-prog
	tools/bench.sh $(LAYER)
RUNS ?=
bench-plot: deps
	tools/bench-plot.sh $(RUNS)

# The layer's manual in-kernel bench_* tests, figures printed; never pass/fail.
kbench: all
	tools/kbench.sh $(LAYER)

# ---------------------------------------------------------------- host tests
HOST_OUT := $(BUILD)/host
HOST_BINS := $(addprefix $(HOST_OUT)/,$(HOST_TESTS))
define host_test_rule
$(HOST_OUT)/$(1): $$(host_test_$(1)_srcs) | $$(KERNEL_GENERATED)
	@mkdir -p $$(@D)
	$$(CC) $$(HOST_CFLAGS) $$(addprefix -idirafter ,$$(KERNEL_INCLUDES)) $$(host_test_$(1)_srcs) -o $$@
endef
$(foreach t,$(HOST_TESTS),$(eval $(call host_test_rule,$(t))))

.PHONY: host-tests hosttest
host-tests: $(HOST_BINS)
# make hosttest HOSTTEST=name: build and run one host test program.
hosttest: $(HOST_OUT)/$(HOSTTEST)
	$(HOST_OUT)/$(HOSTTEST)

# ---------------------------------------------------------------- whole-suite
.PHONY: test
# Without LAYER given (command line or environment), every layer is tested;
# with it, that one.  (So LAYER must never be overridden above: that would
# change its origin.)
test: deps
	tools/test.sh $(if $(filter command line environment,$(origin LAYER)),$(LAYER),$(foreach d,$(LAYER_DIRS),$(call layer_num,$(d))))

# ---------------------------------------------------------------- quality
.PHONY: check docs
CHECK_SRCS := $(filter %.c,$(KERNEL_SRCS))
check: deps
	tools/check.sh $(LAYER) $(INCLUDE_FLAGS) -- $(CHECK_SRCS)

docs: deps
	tools/docs.sh

compile_commands.json: $(MAKEFILE_LIST) $(foreach d,$(SELECTED),$(d)/layer.mk)
	tools/compile-commands.sh '$(CC) $(KERNEL_CFLAGS) $(INCLUDE_FLAGS) $(LAYER_DEFS)' $(filter %.c,$(KERNEL_SRCS)) > $@

# ---------------------------------------------------------------- labs
.PHONY: lab grade
LAB ?= 00
TREE ?= .
lab:
	tools/lab.sh make $(LAB) build/labs/$(LAB)
grade: deps
	tools/lab.sh grade $(LAB) $(TREE)

.PHONY: clean
clean:
	rm -rf build compile_commands.json
