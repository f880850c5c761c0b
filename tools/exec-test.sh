#!/usr/bin/env bash
# exec-test.sh NN - the checks of make exec (tools/exec.sh) against build/NN,
# run by tools/test.sh for every layer with user space.  Each prints
# "PASS NN:exec:name" or "FAIL NN:exec:name" with what went wrong.
#
# What they prove, booting through GRUB unless the name says otherwise:
#  - a program's stdout and stderr arrive in order, byte for byte (no "\r",
#    a last line without its newline kept), and its exit status is exec's;
#    the kernel's warnings stay off the terminal by default;
#  - a program killed by SIGSEGV gives 139, as a shell reports it; kernel
#    lines printed while it runs (a higher loglevel) go to stderr, never
#    among the program's output;
#  - a command that never ends is stopped at TIMEOUT with status 124 and a
#    message, and what it printed before still arrives;
#  - FILES keeps paths, modes and contents (checksums compared), and 64 KiB
#    of random bytes come back through the console unchanged;
#  - a kernel panic gives status 125 and shows the panic's lines;
#  - make exec under UEFI passes CMD to the guest's shell as written, and
#    make bochs FILES=... CMD=... runs it under Bochs;
#  - bad input is refused before anything boots: a layer without user
#    space, a missing FILES folder, a SRC that does not compile (with the
#    compiler's message), DISK= below layer 40, nothing to run.
set -uo pipefail
layer=${1:-20}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/stdout err=$work/stderr

# exec_run ARGS...: tools/exec.sh on this layer through GRUB; sets $st.
exec_run() {
	st=0
	tools/exec.sh --layer "$layer" --boot multiboot "$@" >"$out" 2>"$err" || st=$?
}
# result NAME OK DETAIL: OK is 0 for a pass.
result() {
	if [ "$2" = 0 ]; then
		echo "PASS $layer:exec:$1"
	else
		echo "FAIL $layer:exec:$1 ${3:-}"
		{
			echo "stdout:"
			head -c 2000 "$out" | cat -A | head -n 15
			echo "stderr:"
			head -n 15 "$err"
		} | sed 's/^/    | /'
	fi
}
# same FILE TEXT: FILE holds exactly TEXT's bytes.
same() { cmp -s "$1" <(printf '%s' "$2"); }

# ---------------------------------------------------------------- a program
# Both programs also make a system call no layer registers (create_module,
# 174, which Linux dropped too): the kernel logs it once, at warning level.
cat >"$work/three.c" <<'C'
#include <stdio.h>
#include <unistd.h>
int main(void)
{
	printf("out line\n");
	fflush(stdout);
	syscall(174);
	fprintf(stderr, "err line\n");
	printf("no newline at the end");
	return 3;
}
C
# The kernel's default loglevel=3 keeps the warning off the terminal.
exec_run --src "$work/three.c"
same "$out" $'out line\nerr line\nno newline at the end' && [ $st = 3 ] && [ ! -s "$err" ]
result program_output_in_order_exact_and_status_3 $? "(status $st, want 3; stderr must be empty)"

cat >"$work/segv.c" <<'C'
#include <stdio.h>
#include <unistd.h>
int main(void)
{
	volatile int *nowhere = 0;

	puts("before the fault");
	fflush(stdout);
	syscall(174);
	return *nowhere;
}
C
# With loglevel=4 the warning is printed while the program runs: it must
# reach stderr, and stdout must not see it.  "Segmentation fault" is sh's.
exec_run --src "$work/segv.c" --cmdline loglevel=4
same "$out" $'before the fault\nSegmentation fault\n' && [ $st = 139 ] &&
	grep -qE '^\[ *[0-9]+\.[0-9]{3}\] .*create_module' "$err"
result segfault_gives_139_and_kernel_lines_go_to_stderr $? "(status $st, want 139)"

# ---------------------------------------------------------------- TIMEOUT
start=$SECONDS
exec_run --timeout 10 -- 'echo started; sleep 100000'
took=$((SECONDS - start))
same "$out" $'started\n' && [ $st = 124 ] && grep -q 'TIMEOUT' "$err" && [ $took -lt 30 ]
result timeout_stops_a_hung_command_with_124 $? "(status $st, want 124; took $took s)"

# ---------------------------------------------------------------- FILES
tree=$work/tree
mkdir -p "$tree/bin" "$tree/data/sub"
printf '#!/bin/sh\necho "t ran: $*"\n' >"$tree/bin/t"
chmod 0755 "$tree/bin/t"
head -c 65536 /dev/urandom >"$tree/data/sub/blob"
chmod 0640 "$tree/data/sub/blob"
want=$(cd "$tree" && printf '755 /bin/t\n640 /data/sub/blob\nt ran: hello\n' &&
	sha256sum bin/t data/sub/blob | sed 's|  |  /|')
exec_run --files "$tree" -- \
	'stat -c "%a %n" /bin/t /data/sub/blob; test -x /bin/t && t hello; sha256sum /bin/t /data/sub/blob'
same "$out" "$want"$'\n' && [ $st = 0 ]
result files_keep_their_paths_modes_and_contents $? "(status $st)"

exec_run --files "$tree" -- 'cat /data/sub/blob'
cmp -s "$out" "$tree/data/sub/blob" && [ $st = 0 ]
result random_bytes_come_back_unchanged $? "(status $st)"

# ---------------------------------------------------------------- a panic
# A process 1 that does not exist: the kernel panics, and panic=1 (which
# exec.sh passes) powers it off at once.
exec_run --cmdline init=/no/such/init -- true
[ $st = 125 ] && grep -q 'kernel panic' "$err" && grep -q 'PANIC: init: cannot run init=/no/such/init' "$err"
result kernel_panic_gives_125_and_its_lines $? "(status $st, want 125)"

# ---------------------------------------------------------------- make
# UEFI, through make: CMD's quotes and $ reach the guest's shell untouched;
# make itself fails as CMD does and names its status.
st=0
# shellcheck disable=SC2016 # $HOME is the guest's
make -s exec LAYER="$layer" BOOT=uefi CMD='printf "%s|" "it'\''s" "$HOME"; exit 5' \
	>"$out" 2>"$err" || st=$?
same "$out" "it's|/root|" && [ $st != 0 ] && grep -q 'Error 5' "$err"
result make_exec_uefi_passes_cmd_as_written $? "(make status $st)"

st=0
make -s bochs LAYER="$layer" FILES="$tree" CMD='t under bochs' >"$out" 2>"$err" || st=$?
same "$out" $'t ran: under bochs\n' && [ $st = 0 ]
result make_bochs_with_files_and_cmd_runs_it $? "(make status $st)"

# ---------------------------------------------------------------- bad input
refused() {	# refused STATUS PATTERN: exec stopped with STATUS and said PATTERN
	[ $st = "$1" ] && grep -q "$2" "$err" && [ ! -s "$out" ]
}
st=0
tools/exec.sh --layer 00 -- true >"$out" 2>"$err" || st=$?
refused 2 'layer 20'
result refuses_a_layer_without_user_space $? "(status $st)"

exec_run --files "$work/no-such-dir" -- true
refused 2 'no such directory'
result refuses_a_missing_files_folder $? "(status $st)"

printf 'int main(void) { return undeclared_thing; }\n' >"$work/broken.c"
exec_run --src "$work/broken.c"
refused 1 'undeclared_thing' && grep -q 'did not compile' "$err"
result src_that_does_not_compile_gives_the_compiler_message $? "(status $st)"

exec_run
refused 2 'nothing to run'
result refuses_to_boot_with_nothing_to_run $? "(status $st)"

if [ "$((10#$layer))" -lt 40 ]; then
	exec_run --disk "$work/broken.c" -- true
	refused 2 'layers 40 and above'
	result refuses_a_disk_below_layer_40 $? "(status $st)"
fi
