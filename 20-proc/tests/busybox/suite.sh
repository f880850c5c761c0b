#!/bin/sh
# suite.sh - BusyBox applets and shell features, one check a line:
#     PASS bb:NAME            or
#     FAIL bb:NAME (what was wanted, what came)
# then "bb: N checks, N passed, N failed".  $BB_PREFIX goes before every
# NAME (run-guest.sh sets "shc:" for its second run).  Works in a fresh
# directory under $TMPDIR (or /tmp), removed at the end.
#
# Everything here must work without signal delivery (layer 30) and without
# /proc or mounts (layer 40): so no background jobs with `wait` (ash's wait
# sleeps until SIGCHLD), no kill of another process, no free/ps/df.
# On the host: busybox sh 20-proc/tests/busybox/suite.sh
#
# The checks' commands are single-quoted on purpose: t and s evaluate them.
# shellcheck disable=SC2016
P=${BB_PREFIX:-}
pass=0
fail=0
W=${TMPDIR:-/tmp}/bbsuite.$$
rm -rf "$W"
if ! mkdir -p "$W" || ! cd "$W"; then
	echo "FAIL bb:${P}setup (cannot make and enter $W)"
	exit 1
fi

ok() {
	pass=$((pass + 1))
	echo "PASS bb:$P$1"
}
ko() {
	fail=$((fail + 1))
	echo "FAIL bb:$P$1 ($2)"
}
# Shorten a value for a FAIL line: first 120 bytes, newlines shown as |.
brief() { printf '%s' "$1" | head -c 120 | tr '\n' '|'; }

# t NAME EXPECTED 'COMMANDS': evaluate COMMANDS; their output (stdout and
# stderr) must equal EXPECTED exactly.
t() {
	_name=$1 _want=$2
	shift 2
	_got=$(eval "$*" 2>&1)
	if [ "$_got" = "$_want" ]; then
		ok "$_name"
	else
		ko "$_name" "want '$(brief "$_want")', got '$(brief "$_got")'"
	fi
}
# s NAME 'COMMANDS': COMMANDS must succeed (exit status 0).
s() {
	_name=$1
	shift
	if eval "$*" >/dev/null 2>&1; then
		ok "$_name"
	else
		ko "$_name" "exit status $?"
	fi
}
NL='
'

# ------------------------------------------------------------------ shell
t echo 'hello world' 'echo hello world'
t pipe 'ABC' 'echo abc | tr a-z A-Z'
t pipe_three_stages 'a' 'printf "b\na\nc\n" | sort | head -n 1'
t pipe_status_is_last 0 'false | true; echo $?'
t redirect_out 'x' 'echo x > out1; cat out1'
t redirect_append "x${NL}y" 'echo x > out2; echo y >> out2; cat out2'
t redirect_in 'in' 'echo in > in1; read v < in1; echo $v'
t redirect_2_to_1 1 'ls /no/such/file 2>&1 | grep -c such'
t redirect_stderr_to_file 1 'ls /no/such/file 2>err1; grep -c such err1'
t redirect_stdout_only '' 'ls /no/such/file 2>/dev/null'
t redirect_fd3 'three' 'exec 3>fd3; echo three >&3; exec 3>&-; cat fd3'
t redirect_noclobber_off 'new' 'echo old > nc; echo new > nc; cat nc'
t cmd_subst 'inner' 'echo $(echo inner)'
t cmd_subst_backquote 'tick' 'echo `echo tick`'
t cmd_subst_nested 'deep' 'echo $(echo $(echo deep))'
t cmd_subst_strips_newlines 'a b' 'v=$(printf "a\n\n\n"); echo $v b'
t heredoc "one${NL}two" 'cat <<EOF
one
two
EOF'
t heredoc_expands 'v is 5' 'v=5; cat <<EOF
v is $v
EOF'
t heredoc_quoted 'v is $v' "v=5; cat <<'EOF'
v is \$v
EOF"
t heredoc_strip_tabs 'tabbed' "cat <<-EOF
	tabbed
	EOF"
t sh_c 'zero one' "sh -c 'echo \$0 \$1' zero one"
t sh_c_exit_status 7 "sh -c 'exit 7'; echo \$?"
t sh_c_nested 'deep' "sh -c 'sh -c \"echo deep\"'"
t sh_exec_replaces 'replaced' "sh -c 'exec echo replaced; echo not'"
t sh_set_e 1 "sh -c 'set -e; false; echo no'; echo \$?"
t sh_trap_exit "hi${NL}bye" "sh -c 'trap \"echo bye\" EXIT; echo hi'"
t subshell_isolation 1 'x=1; (x=2); echo $x'
t subshell_exit_status 3 '(exit 3); echo $?'
t subshell_cd_isolation "$W" '(cd /); pwd'
t function 'f:arg' 'f() { echo "f:$1"; }; f arg'
t function_return 5 'f() { return 5; }; f; echo $?'
t function_local 'in out' 'v=out; f() { local v=in; echo $v; }; r=$(f); echo $r $v'
t function_recursion 120 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 5'
t for_loop '123' 'for i in 1 2 3; do printf $i; done'
t while_loop 5 'i=0; while [ $i -lt 5 ]; do i=$((i + 1)); done; echo $i'
t until_loop 3 'i=0; until [ $i -ge 3 ]; do i=$((i + 1)); done; echo $i'
t break_continue '1 3' 'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; printf "%s" "$i "; done | sed "s/ $//"'
t case 'txt' 'case foo.txt in *.c) echo c ;; *.txt) echo txt ;; *) echo other ;; esac'
t case_alternatives 'yes' 'case b in a|b|c) echo yes ;; esac'
t arith '1 1024 42 -3' 'a=6; b=7; echo $(( (7 + 5) / 3 % 3 )) $((1 << 10)) $((a * b)) $((2 - 5))'
t arith_assign 11 'n=10; : $((n += 1)); echo $n'
t arith_compare '1 0' 'echo $((3 > 2)) $((3 == 2))'
t param_default 'dflt' 'unset u; echo ${u:-dflt}'
t param_assign_default 'set' 'unset u; : ${u:=set}; echo $u'
t param_length 5 'v=hello; echo ${#v}'
t param_strip 'c.txt /a/b/c' 'p=/a/b/c.txt; echo ${p##*/} ${p%.*}'
t param_replace 'a-b-c' 'v=aXbXc; echo ${v//X/-}'
t positional '3 b' 'set -- a b c; echo $# $2'
t positional_shift 'b c' 'set -- a b c; shift; echo $@'
t positional_quoted_at '2' 'set -- "a b" c; f() { echo $#; }; f "$@"'
t and_or "alt${NL}yes" 'false || echo alt; true && echo yes'
t negation 'negated' '! false && echo negated'
t glob 'g1.x g2.x' 'touch g1.x g2.x g3.y; echo g*.x'
t glob_no_match 'nomatch*.q' 'echo nomatch*.q'
t quoting 'a  b c  d $x' "echo \"a  b\" 'c  d' '\$x'"
t ifs_read 'b' 'echo "a:b:c" | { IFS=: read x y z; echo $y; }'
t read_loop 6 'printf "1\n2\n3\n" | { s=0; while read n; do s=$((s + n)); done; echo $s; }'
t eval_builtin 'evaluated' 'eval "echo evaluated"'
t export_env 'bar' "export FOO=bar; sh -c 'echo \$FOO'"
t env_prefix 'qux' "BAZ=qux sh -c 'echo \$BAZ'"
t not_found_127 127 'no_such_command_xyz 2>/dev/null; echo $?'
t not_executable_126 126 'echo x > nx; chmod 644 nx; ./nx 2>/dev/null; echo $?'
t script_shebang 'script ran' 'printf "#!/bin/sh\necho script ran\n" > s1.sh; chmod +x s1.sh; ./s1.sh'
t script_args '2 b' 'printf "#!/bin/sh\necho \$# \$2\n" > s2.sh; chmod +x s2.sh; ./s2.sh a b'
t script_via_sh 'via sh' 'echo "echo via sh" > s3.sh; sh s3.sh'
t source_builtin 'sourced' 'echo "sv=sourced" > s4.sh; . ./s4.sh; echo $sv'
t cd_and_pwd "$W/dir1" 'mkdir -p dir1; cd dir1; pwd'
t cd_oldpwd "$W" 'mkdir -p dir2; cd dir2; cd - >/dev/null; pwd'
t umask_builtin '0027' 'umask 027; umask'
t ulimit_builtin 64 'ulimit -n 64; ulimit -n'
t type_builtin 'cd is a shell builtin' 'type cd'
t command_v_finds_sh 'found' '[ -n "$(command -v sh)" ] && echo found'
t getopts_builtin 'a:1 b' 'set -- -a 1 -b; while getopts a:b o; do printf "%s" "$o"; [ -n "$OPTARG" ] && printf ":%s" "$OPTARG"; printf " "; OPTARG=; done | sed "s/ $//"'
t printf_builtin_vs_applet 'x=05' 'printf "x=%02d\n" 5'
t kill_0_self 0 'kill -0 $$; echo $?'
t true_false '0 1' 'true; a=$?; false; echo $a $?'

# ------------------------------------------------------------------ text
printf 'banana 3\napple 10\ncherry 2\napple 10\n' > fruits
t cat_files "x${NL}x" 'echo x > c1; cat c1 c1'
t cat_n '     1	a' 'echo a | cat -n'
t grep_basic 'apple 10' 'grep -m1 apple fruits'
t grep_count 2 'grep -c apple fruits'
t grep_invert 2 'grep -v apple fruits | wc -l'
t grep_ignore_case 'banana 3' 'grep -i BANANA fruits'
t grep_extended 3 'grep -E "ban|che|pple 10$" fruits | sort -u | wc -l'
t grep_only_matching "10${NL}10" 'grep -o "[0-9][0-9]" fruits'
t grep_fixed '1' 'echo "a.b" | grep -cF "a.b"'
t grep_quiet_status '0 1' 'grep -q cherry fruits; a=$?; grep -q durian fruits; echo $a $?'
t grep_recursive_list 'gr/sub/f' 'mkdir -p gr/sub; echo needle > gr/sub/f; echo hay > gr/g; grep -rl needle gr'
t sed_substitute 'banana 3' 'sed -n "1s/ana/ana/p" fruits'
t sed_global 'b-n-n-' 'echo banana | sed "s/a/-/g"'
t sed_delete 2 'sed "/apple/d" fruits | wc -l'
t sed_groups 'world hello' 'echo "hello world" | sed -E "s/([a-z]+) ([a-z]+)/\2 \1/"'
t sed_in_place 'Banana 3' 'cp fruits f2; sed -i "s/^banana/Banana/" f2; head -n 1 f2'
t sed_line_range "apple 10${NL}cherry 2" 'sed -n "2,3p" fruits'
t sed_multiple_e 'XbY' 'echo abc | sed -e s/a/X/ -e s/c/Y/'
t awk_sum 25 'awk "{ s += \$2 } END { print s }" fruits'
t awk_field_sep 'root' 'echo "root:x:0:0" | awk -F: "{ print \$1 }"'
t awk_printf 'n=003' 'awk "BEGIN { printf \"n=%03d\n\", 3 }"'
t awk_nr 'cherry' 'awk "NR == 3 { print \$1 }" fruits'
t awk_arrays 2 'echo "a b a" | awk "{ for (i = 1; i <= NF; i++) c[\$i]++ } END { print c[\"a\"] }"'
t awk_functions 'HELLO 5' 'echo hello | awk "{ print toupper(\$0), length(\$0) }"'
t sort_default "apple 10${NL}apple 10${NL}banana 3${NL}cherry 2" 'sort fruits'
t sort_numeric_key "cherry 2${NL}banana 3${NL}apple 10${NL}apple 10" 'sort -n -k2 fruits'
t sort_reverse_unique "cherry 2${NL}banana 3${NL}apple 10" 'sort -ru fruits'
t uniq_count '2 apple 10' 'sort fruits | uniq -c | sed "s/^ *//" | head -n 1'
t uniq_plain 3 'sort fruits | uniq | wc -l'
t wc_lines_words_bytes '4 8 36' 'set -- $(wc fruits); echo $1 $2 $3'
t head_lines "banana 3${NL}apple 10" 'head -n 2 fruits'
t head_bytes 'ban' 'head -c 3 fruits'
t tail_lines "cherry 2${NL}apple 10" 'tail -n 2 fruits'
t tail_from_line 3 'tail -n +2 fruits | wc -l'
t tail_bytes '10' 'tail -c 3 fruits | head -c 2'
t cut_fields 'x:0' 'echo "root:x:0:0" | cut -d: -f2,3'
t cut_chars 'ana' 'echo banana | cut -c2-4'
t tr_delete 'bnn' 'echo banana | tr -d a'
t tr_squeeze 'a b' 'echo "a    b" | tr -s " "'
t tr_ranges 'BANANA' 'echo banana | tr a-z A-Z'
t rev_tac "cba${NL}2${NL}1" 'echo abc | rev; printf "1\n2\n" | tac'
t nl_numbers '     1	x' 'echo x | nl'
t fold_width "abc${NL}def" 'echo abcdef | fold -w 3'
t paste_join 'a	1' 'echo a > p1; echo 1 > p2; paste p1 p2'
t expand_tabs 'a       b' 'printf "a\tb\n" | expand'
t strings_finds 'visible' 'printf "\001\002visible\000\003" | strings'
t diff_same 0 'cp fruits f3; diff fruits f3; echo $?'
t diff_differs 1 'echo other > f4; diff fruits f4 >/dev/null; echo $?'
t diff_unified '+other' 'diff -u fruits f4 | grep "^+o"'
t cmp_differs 1 'cmp -s fruits f4; echo $?'
t tee_copies "t${NL}t" 'echo t | tee tee1; cat tee1'
t xargs_simple 'a b c' 'printf "a\nb\nc\n" | xargs echo'
t xargs_n1 "a${NL}b" 'printf "a b" | xargs -n1 echo'
t xargs_replace 'got-x' 'echo x | xargs -I{} echo got-{}'
t find_name "./fd/a.c${NL}./fd/sub/b.c" 'mkdir -p fd/sub; touch fd/a.c fd/sub/b.c fd/c.h; find ./fd -name "*.c" | sort'
t find_type_d "fd${NL}fd/sub" 'find fd -type d | sort'
t find_exec 'fd/c.h' 'find fd -name "*.h" -exec echo {} \;'
t find_many_entries 200 'mkdir many; for i in $(seq 200); do : > many/f$i; done; ls many | wc -l'
t rm_many_entries 'gone' 'rm -r many; [ ! -e many ] && echo gone'
t yes_head "y${NL}y${NL}y" 'yes | head -n 3'
t seq_simple "1${NL}2${NL}3" 'seq 3'
t seq_step '2 4 6 8' 'seq 2 2 8 | tr "\n" " " | sed "s/ $//"'
t seq_large_pipe 100000 'seq 100000 | wc -l'
t seq_md5 'c1d4ba52c72ac7bcc71ff2d6c083e684' 'seq 50000 | md5sum | cut -d" " -f1'
t shuf_permutes '12345' 'seq 5 | shuf | sort -n | tr -d "\n"'

# ------------------------------------------------------------------ values
t test_strings '0 1 0' '[ abc = abc ]; a=$?; [ abc = abd ]; b=$?; [ -n abc ]; echo $a $b $?'
t test_numbers '0 0 1' '[ 10 -gt 9 ]; a=$?; [ 3 -le 3 ]; b=$?; [ 2 -eq 3 ]; echo $a $b $?'
t test_files '0 0 0 1' 'echo x > tf; mkdir -p td; [ -f tf ]; a=$?; [ -d td ]; b=$?; [ -s tf ]; c=$?; [ -e nope ]; echo $a $b $c $?'
t test_executable '1 0' 'echo x > te; [ -x te ]; a=$?; chmod +x te; [ -x te ]; echo $a $?'
t test_compound 'ok' '[ 1 = 1 ] && [ 2 = 2 ] && [ ! 1 = 2 ] && echo ok'
t expr_arith 42 'expr 6 \* 7'
t expr_length 5 'expr length hello'
t expr_substr 'ell' 'expr substr hello 2 3'
t expr_match 3 'expr abcdef : "abc"'
t printf_formats '00042 ff a-b c 3.14' 'printf "%05d %x %s-%s %c %.2f\n" 42 255 a b cat 3.14159'
t printf_escapes "tab	end" 'printf "tab\tend\n"'
t env_clean 'A=1' 'env -i A=1 env'
t env_unset_var 'unset' 'X=1 env -u X sh -c "echo \${X:-unset}"'
t date_epoch_zero '1970-01-01 00:00:00' 'date -u -d @0 "+%Y-%m-%d %H:%M:%S"'
t date_format_fixed '2001-09-09' 'date -u -d @1000000000 +%Y-%m-%d'
t date_now_after_2020 'yes' '[ $(date +%s) -gt 1577836800 ] && echo yes'
s sleep_fraction 'sleep 0.1'
t timeout_passes_status 3 'timeout 5 sh -c "exit 3"; echo $?'
t md5sum_abc '900150983cd24fb0d6963f7d28e17f72' 'printf abc | md5sum | cut -d" " -f1'
t sha1sum_abc 'a9993e364706816aba3e25717850c26c9cd0d89d' 'printf abc | sha1sum | cut -d" " -f1'
t sha256sum_abc 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' 'printf abc | sha256sum | cut -d" " -f1'
t sha512sum_abc 'ddaf35a193617abacc417349ae20413112e6fa4e' 'printf abc | sha512sum | cut -c1-40'
t md5sum_check 'md5f: OK' 'echo data > md5f; md5sum md5f > sums; md5sum -c sums'
t base64_roundtrip "aGVsbG8K${NL}hello" 'echo hello | base64; echo hello | base64 | base64 -d'
t od_hex ' 41 42 0a' 'printf "AB\n" | od -An -tx1'
t hexdump_canonical '00000000  41 42                                             |AB|' 'printf AB | hexdump -C | head -n 1'
t bc_power 1024 'echo "2^10" | bc'
t factor_12 '12: 2 2 3' 'factor 12'
t id_root '0 root' 'echo $(id -u) $(whoami)'
t passwd_has_root 'root' 'head -n 1 /etc/passwd | cut -d: -f1'
t uname_runs 'ok' 'uname -s >/dev/null && uname -m >/dev/null && echo ok'
t nproc_positive 'ok' '[ $(nproc) -ge 1 ] && echo ok'

# ------------------------------------------------------------------ files
t touch_creates 'exists' 'touch tc; [ -f tc ] && echo exists'
t touch_date 1000000000 'touch -d @1000000000 tdate; stat -c %Y tdate'
t mkdir_p 'ok' 'mkdir -p m1/m2/m3 && [ -d m1/m2/m3 ] && echo ok'
t rmdir_empty 'gone' 'mkdir rd; rmdir rd; [ ! -e rd ] && echo gone'
t rmdir_nonempty_fails 1 'mkdir -p rn/x; rmdir rn 2>/dev/null; echo $?'
t cp_file 'data' 'echo data > cp1; cp cp1 cp2; cat cp2'
t cp_recursive 'inner' 'mkdir -p cr/a; echo inner > cr/a/f; cp -r cr cr2; cat cr2/a/f'
t cp_preserve_mode 755 'echo x > cpm; chmod 755 cpm; cp -p cpm cpm2; stat -c %a cpm2'
t mv_rename 'moved' 'echo moved > mv1; mv mv1 mv2; [ ! -e mv1 ] && cat mv2'
t mv_into_dir 'in dir' 'mkdir -p mvd; echo "in dir" > mv3; mv mv3 mvd/; cat mvd/mv3'
t rm_file 'gone' 'echo x > rm1; rm rm1; [ ! -e rm1 ] && echo gone'
t rm_recursive 'gone' 'mkdir -p rr/a/b; touch rr/a/b/f; rm -rf rr; [ ! -e rr ] && echo gone'
t rm_missing_fails 1 'rm nothere 2>/dev/null; echo $?'
t ln_symlink 'lt' 'echo x > lt; ln -s lt ls1; readlink ls1'
t ln_symlink_follows 'x' 'cat ls1'
t ln_hard_count 2 'echo x > lh; ln lh lh2; stat -c %h lh'
t readlink_f "$W/lt" 'readlink -f ls1'
t realpath_dots "$W/dir1" 'realpath ./dir1/../dir1/.'
t chmod_octal 640 'echo x > cm; chmod 640 cm; stat -c %a cm'
t chmod_symbolic 750 'chmod 640 cm; chmod u+x,g+x cm; stat -c %a cm'
t stat_size 11 'printf "hello world" > ss; stat -c %s ss'
t stat_type 'directory' 'stat -c %F dir1'
t ls_sorted "a${NL}b${NL}c" 'mkdir ld; touch ld/c ld/a ld/b; ls ld'
t ls_all_dots ".${NL}..${NL}a" 'mkdir la; touch la/a; ls -a la'
t ls_long_mode '-rw-r-----' 'touch ll; chmod 640 ll; ls -l ll | cut -c1-10'
t ls_dir_flag 'ld' 'ls -d ld'
t basename_dirname 'c.txt /a/b' 'echo $(basename /a/b/c.txt) $(dirname /a/b/c.txt)'
t basename_suffix 'c' 'basename /a/b/c.txt .txt'
t truncate_size 100 'truncate -s 100 tr1; stat -c %s tr1'
t dd_count 2048 'dd if=/dev/zero bs=512 count=4 2>/dev/null | wc -c'
t dd_file_1mib 1048576 'dd if=/dev/zero of=big bs=1024 count=1024 2>/dev/null; wc -c < big'
t dev_null_empty 0 'wc -c < /dev/null'
t mktemp_unique 'ok' 'a=$(mktemp); b=$(mktemp); [ "$a" != "$b" ] && [ -f "$a" ] && rm -f "$a" "$b" && echo ok'
t tar_roundtrip 'tar data' 'mkdir -p tsrc/d; echo "tar data" > tsrc/d/f; tar cf t.tar tsrc; mkdir tx; tar xf t.tar -C tx; cat tx/tsrc/d/f'
t tar_gzip_list "tsrc/${NL}tsrc/d/${NL}tsrc/d/f" 'tar czf t.tgz tsrc; tar tzf t.tgz | sort'
t gzip_roundtrip 'same' 'seq 1000 > gz; cp gz gz.orig; gzip gz; [ ! -e gz ] && gunzip gz.gz; cmp -s gz gz.orig && echo same'
t gzip_stream 'same' 'seq 2000 > gz2; seq 2000 | gzip -c | zcat | cmp -s - gz2 && echo same'
t bzip2_roundtrip 'same' 'seq 1000 | bzip2 -c | bunzip2 -c | md5sum > b1; seq 1000 | md5sum > b2; cmp -s b1 b2 && echo same'
t cpio_roundtrip 'cpio data' 'mkdir cpsrc; echo "cpio data" > cpsrc/f; find cpsrc | cpio -o -H newc 2>/dev/null > a.cpio; mkdir cpx; cd cpx; cpio -i -d < ../a.cpio 2>/dev/null; cat cpsrc/f'

# ------------------------------------------------------------------ done
cd /
rm -rf "$W"
echo "bb: $((pass + fail)) checks, $pass passed, $fail failed"
[ "$fail" = 0 ]
