#!/usr/bin/env bash
# The lab machinery's own test, run by `make test`:  tools/lab-selfcheck.sh NN
#
# For lab NN it proves that
#   lab_NN_student_tree_builds           the student tree (solutions cut out,
#                                        stubs in) still builds a kernel;
#   lab_NN_full_tree_full_marks          the grader gives the full project
#                                        (the reference solution) every point;
#   lab_NN_student_tree_below_full_marks the grader notices the missing code;
#   lab_NN_tool_refuses_bad_markers      lab.sh refuses broken markers (on a
#                                        scratch tree, no QEMU).
# One line each, PASS or FAIL with the reason; exit status 1 if any failed.
# A lab number with no handout labs/NN-*.md, or a run inside a student tree,
# prints one SKIP line and exits 0.
#
# The student tree is made in build/lab-selfcheck/NN, not build/labs/NN, so
# running the tests never touches a tree a student is working in.  The full
# output of every step is kept in build/lab-selfcheck/NN.log.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9][0-9]$ ]]; then
	echo "usage: tools/lab-selfcheck.sh NN" >&2
	exit 2
fi
lab=$1
shopt -s nullglob
handouts=(labs/"$lab"-*.md)
shopt -u nullglob
if [ ${#handouts[@]} -eq 0 ]; then
	echo "SKIP lab_${lab}: no handout labs/$lab-*.md"
	exit 0
fi
if [ -f .lab/info ]; then
	echo "SKIP lab_${lab}: this is a student tree; the lab machinery is tested in the full project"
	exit 0
fi

work=build/lab-selfcheck
tree=$work/$lab
log=$work/$lab.log
mkdir -p "$work"
: > "$log"
# A make that called us must not hand its variables to the makes we run.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

failed=0
pass() { echo "PASS $1"; }
fail() {
	echo "FAIL $1: $2"
	failed=1
}

# step NAME CMD...: run CMD with its output appended to the log.
step() {
	local name=$1
	shift
	echo "=== $name: $*" >> "$log"
	"$@" >> "$log" 2>&1
}

# score FILE: the "X Y" of the last "total: X/Y" line of a grading, or nothing.
score() {
	sed -n 's|^total: \([0-9]*\)/\([0-9]*\)$|\1 \2|p' "$1" | tail -n 1
}

# ---------------------------------------------------------------- the student tree builds
built=0
rm -rf "$tree"
if ! step make tools/lab.sh make "$lab" "$tree"; then
	fail "lab_${lab}_student_tree_builds" "tools/lab.sh make $lab $tree failed (see $log)"
elif ! step build make -C "$tree" LAYER="$lab" kernel; then
	fail "lab_${lab}_student_tree_builds" "make -C $tree LAYER=$lab kernel failed (see $log)"
else
	built=1
	pass "lab_${lab}_student_tree_builds"
fi

# ---------------------------------------------------------------- the full tree gets full marks
out=$(mktemp)
step grade-full tools/lab.sh grade "$lab" .
status=$?
sed -n '/^=== grade-full:/,$p' "$log" > "$out"
read -r got max <<< "$(score "$out")"
if [ "$status" -ne 0 ] || [ -z "${max:-}" ]; then
	fail "lab_${lab}_full_tree_full_marks" "the grader could not grade the full tree (see $log)"
elif [ "$max" -eq 0 ]; then
	fail "lab_${lab}_full_tree_full_marks" "the grade file gives no points"
elif [ "$got" -ne "$max" ]; then
	fail "lab_${lab}_full_tree_full_marks" "the reference solution scored $got/$max (see $log)"
else
	pass "lab_${lab}_full_tree_full_marks"
fi

# ---------------------------------------------------------------- the student tree does not
got="" max=""
if [ "$built" -eq 1 ]; then
	step grade-student tools/lab.sh grade "$lab" "$tree"
	status=$?
	sed -n '/^=== grade-student:/,$p' "$log" > "$out"
	read -r got max <<< "$(score "$out")"
fi
if [ "$built" -ne 1 ]; then
	fail "lab_${lab}_student_tree_below_full_marks" "not graded: the student tree does not build"
elif [ "$status" -ne 0 ] || [ -z "${max:-}" ]; then
	fail "lab_${lab}_student_tree_below_full_marks" "the grader could not grade the student tree (see $log)"
elif [ "$got" -ge "$max" ]; then
	fail "lab_${lab}_student_tree_below_full_marks" "the student tree scored $got/$max without any student code: some exercise is not checked"
else
	pass "lab_${lab}_student_tree_below_full_marks"
fi
rm -f "$out"

# ---------------------------------------------------------------- broken markers are refused
# A scratch project with lab 99 and one deliberately broken marker per case;
# lab.sh must refuse each one and write nothing.
scratch=$(mktemp -d)
refused=0 cases=0 accepted=""
make_scratch() {
	rm -rf "$scratch/p" "$scratch/out"
	mkdir -p "$scratch/p/tools" "$scratch/p/labs"
	cp tools/lab.sh "$scratch/p/tools/"
	echo "# scratch lab" > "$scratch/p/labs/99-scratch.md"
	printf '%s\n' "int f(void)" "{" "$@" "}" > "$scratch/p/f.c"
}
expect_refusal() {
	local what=$1
	shift
	cases=$((cases + 1))
	make_scratch "$@"
	if "$scratch/p/tools/lab.sh" make 99 "$scratch/out" >> "$log" 2>&1 || [ -e "$scratch/out" ]; then
		accepted="$accepted $what"
	else
		refused=$((refused + 1))
	fi
}
echo "=== refusals (each must fail)" >> "$log"
expect_refusal no_end '	/* LAB 99 BEGIN a */' '	return 1;'
expect_refusal no_begin '	return 1;' '	/* LAB 99 END a */'
expect_refusal nested '	/* LAB 99 BEGIN a */' '	/* LAB 99 BEGIN b */' '	/* LAB 99 END b */' '	/* LAB 99 END a */'
expect_refusal other_name '	/* LAB 99 BEGIN a */' '	/* LAB 99 END b */'
expect_refusal malformed '	/* LAB 99 BEGIN a */ return 1;' '	/* LAB 99 END a */'
expect_refusal stub_outside '	/* LAB STUB: return 0; */'
make_scratch '	/* LAB 99 BEGIN a */' '	/* LAB STUB: return 0; */' '	return 1;' '	/* LAB 99 END a */'
if ! "$scratch/p/tools/lab.sh" make 99 "$scratch/out" >> "$log" 2>&1; then
	fail "lab_${lab}_tool_refuses_bad_markers" "lab.sh refused a well-formed scratch lab (see $log)"
elif [ "$(grep -c 'return' "$scratch/out/f.c")" -ne 1 ] || ! grep -q '^	return 0;$' "$scratch/out/f.c"; then
	fail "lab_${lab}_tool_refuses_bad_markers" "the scratch student tree is wrong: $(tr '\n' ' ' < "$scratch/out/f.c")"
elif [ "$refused" -ne "$cases" ]; then
	fail "lab_${lab}_tool_refuses_bad_markers" "lab.sh accepted:$accepted"
else
	pass "lab_${lab}_tool_refuses_bad_markers"
fi
rm -rf "$scratch"

exit "$failed"
