#!/usr/bin/env bash
# The lab machinery (labs/README.md explains labs to students and teachers).
#
#   tools/lab.sh make  NN OUTDIR   write a student tree for lab NN to OUTDIR
#   tools/lab.sh grade NN TREE     grade TREE (a path; . is this project) for lab NN
#   tools/lab.sh list  NN [TREE]   the exercises of lab NN and where their code is
#
# The code a student writes is fenced in the sources by markers, each alone on
# its line, in .c, .h and .S files:
#
#	/* LAB NN BEGIN name */
#	...the reference solution...
#	/* LAB STUB: code */        (optional, any number: becomes `code` in the student tree)
#	/* LAB NN END name */
#
# `make` copies the project and replaces the inside of every region of lab NN
# with one "your code here" comment and the STUB code.  `grade` runs the checks
# listed in TREE's labs/NN-*.grade.  Only bash, awk (mawk is enough) and
# coreutils are used, so this also runs where there is no Python.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

die() {
	echo "lab.sh: $*" >&2
	exit 2
}

usage() {
	cat >&2 <<'EOF'
usage: tools/lab.sh make  NN OUTDIR   write the student tree of lab NN to OUTDIR
       tools/lab.sh grade NN TREE     grade lab NN in TREE (. for this project)
       tools/lab.sh list  NN [TREE]   list the exercises of lab NN
EOF
	exit 2
}

check_lab_number() {
	[[ $1 =~ ^[0-9][0-9]$ ]] || die "a lab number is two digits, like 00 (got '$1')"
}

# lab_file TREE NN EXT: set REPLY to TREE's one labs/NN-*.EXT (path relative
# to TREE); return 1 if there is none, die if there are several.
lab_file() {
	local tree=$1 lab=$2 ext=$3 f found=()
	for f in "$tree"/labs/"$lab"-*."$ext"; do
		[ -f "$f" ] && found+=("${f#"$tree"/}")
	done
	case ${#found[@]} in
	0) return 1 ;;
	1) REPLY=${found[0]} ;;
	*) die "lab $lab has more than one labs/$lab-*.$ext in $tree: ${found[*]}" ;;
	esac
}

# source_files ROOT [SKIP]: the project's files under ROOT, NUL-separated,
# relative to ROOT, without the folder SKIP (relative to ROOT) if one is given.
# In a git work tree (ROOT its top): tracked files plus untracked ones that
# .gitignore does not exclude; elsewhere (a student tree) every file.
# build/, .lab/ (our own bookkeeping) and any lab tree made inside the
# project (a folder with a .lab/info) are never included.
source_files() {
	local root=$1 skip=${2:-} f d
	local -a all skips=()
	[ -z "$skip" ] || skips+=("$skip")
	mapfile -d '' -t all < <(
		if [ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
			git -C "$root" ls-files -z --cached --others --exclude-standard
		else
			(cd "$root" && find . \( -path ./build -o -path ./.git -o -path ./.lab \) -prune \
				-o \( -type f -o -type l \) -print0) | sed -z 's|^\./||'
		fi | sed -z -e '/^build\//d' -e '/^\.lab\//d' | sort -zu)
	for f in "${all[@]}"; do
		[[ $f == */.lab/info ]] && skips+=("${f%/.lab/info}")
	done
	for f in "${all[@]}"; do
		# git lists files deleted from the work tree until they are committed.
		[ -e "$root/$f" ] || [ -L "$root/$f" ] || continue
		for d in "${skips[@]}"; do
			[[ $f == "$d"/* ]] && continue 2
		done
		printf '%s\0' "$f"
	done
}

# (The awk programs are single-quoted shell strings: $0, $1 are awk's.)
# awk helpers shared by the scripts below: the three kinds of marker line and
# how to take them apart.  A marker is alone on its line; anything that looks
# like a marker but is not exactly one of these is refused, so a typo never
# silently leaves a solution in a student tree.
AWK_COMMON='
function marker_fields(line,    s, f) {
	s = line
	sub(/^[ \t]*\/\* LAB /, "", s)
	sub(/ \*\/[ \t]*$/, "", s)
	split(s, f, " ")
	m_lab = f[1]; m_kind = f[2]; m_name = f[3]
}
function indent_of(line) {
	match(line, /^[ \t]*/)
	return substr(line, 1, RLENGTH)
}
function stub_code(line,    s) {
	s = line
	sub(/^[ \t]*\/\* LAB STUB: */, "", s)
	sub(/[ \t]*\*\/[ \t]*$/, "", s)
	return s
}
function is_marker(line) {
	return line ~ /^[ \t]*\/\* LAB [0-9][0-9] (BEGIN|END) [A-Za-z0-9_][A-Za-z0-9_.-]* \*\/[ \t]*$/
}
function is_stub(line) {
	return line ~ /^[ \t]*\/\* LAB STUB: .*[^ \t].*\*\/[ \t]*$/ && stub_code(line) != ""
}
function looks_like_marker(line) {
	return line ~ /LAB[ \t]+[0-9]+[ \t]+(BEGIN|END)/ || line ~ /LAB[ \t]*STUB/
}
'

# Checks the markers of every lab in the files named on the command line.
# Prints "COUNT<tab>FILE" for each file with regions of lab `lab`; reports
# every problem as FILE:LINE: message on stderr and exits 1 if there was one.
AWK_CHECK=$AWK_COMMON'
function complain(f, l, msg) {
	printf "%s:%d: %s\n", f, l, msg > "/dev/stderr"
	errors++
}
function end_of_file() {
	if (file != "" && open)
		complain(file, open_line, "LAB " open_lab " BEGIN " open_name " has no END")
	if (file != "" && count > 0)
		printf "%d\t%s\n", count, file
	open = 0
	count = 0
}
FNR == 1 { end_of_file(); file = FILENAME }
{
	if (is_marker($0)) {
		marker_fields($0)
		if (m_kind == "BEGIN") {
			if (open)
				complain(file, FNR, "LAB " m_lab " BEGIN " m_name " is inside LAB " open_lab " BEGIN " open_name " (line " open_line "); regions do not nest")
			else {
				open = 1; open_lab = m_lab; open_name = m_name; open_line = FNR
			}
		} else if (!open) {
			complain(file, FNR, "LAB " m_lab " END " m_name " has no BEGIN")
		} else {
			if (m_lab != open_lab || m_name != open_name)
				complain(file, FNR, "LAB " m_lab " END " m_name " closes LAB " open_lab " BEGIN " open_name " (line " open_line ")")
			else if (m_lab == lab)
				count++
			open = 0
		}
	} else if (is_stub($0)) {
		if (!open)
			complain(file, FNR, "LAB STUB outside a lab region")
	} else if (looks_like_marker($0)) {
		complain(file, FNR, "malformed lab marker; a marker is alone on its line and is exactly /* LAB NN BEGIN name */, /* LAB NN END name */ or /* LAB STUB: code */")
	}
}
END {
	end_of_file()
	if (errors) exit 1
}
'

# Rewrites one checked file: the inside of each region of lab `lab` becomes
# the exercise comment plus the STUB code; everything else is kept as is.
AWK_STRIP=$AWK_COMMON'
{
	if (!inside) {
		print
		if (is_marker($0)) {
			marker_fields($0)
			if (m_kind == "BEGIN" && m_lab == lab) {
				print indent_of($0) "/* Exercise " m_name ": your code here (" handout "). */"
				inside = 1
			}
		}
	} else if (is_marker($0)) {
		print
		inside = 0
	} else if (is_stub($0)) {
		print indent_of($0) stub_code($0)
	}
}
'

# Marker lines (with line numbers) in the files named; for `list`.
AWK_WHERE=$AWK_COMMON'
is_marker($0) {
	marker_fields($0)
	if (m_lab == lab && m_kind == "BEGIN")
		printf "%s\t%s:%d\n", m_name, FILENAME, FNR
}
'

# marked_files ROOT [SKIP]: the files that may hold markers, one per line.
marked_files() {
	source_files "$@" | tr '\0' '\n' | grep -E '\.(c|h|S)$' || true
}

# check_markers ROOT LAB [SKIP]: validate every marker under ROOT (but not
# in SKIP); print the COUNT<tab>FILE lines of lab LAB.
check_markers() {
	local root=$1 lab=$2 skip=${3:-} files
	mapfile -t files < <(marked_files "$root" "$skip")
	[ ${#files[@]} -gt 0 ] || return 0
	(cd "$root" && awk -v lab="$lab" "$AWK_CHECK" "${files[@]}")
}

# ------------------------------------------------------------------ make
# A lab tree records what it was made from in OUTDIR/.lab/, with a checksum
# of every file, so that making it again never destroys a student's work.
lab_make() {
	local lab=$1 out=$2 handout out_abs out_rel="" regions=0 nfiles=0 n f list
	check_lab_number "$lab"
	if [ -f "$TOP/.lab/info" ]; then
		die "$TOP is itself a lab tree; make lab trees from the full project"
	fi
	lab_file "$TOP" "$lab" md || die "there is no lab $lab: no handout labs/$lab-*.md in $TOP"
	handout=$REPLY

	out_abs=$(realpath -m -- "$out")
	case "$out_abs/" in
	"$TOP/") die "OUTDIR may not be the project itself" ;;
	"$TOP"/*) out_rel=${out_abs#"$TOP"/} ;;
	esac
	case "$TOP/" in
	"$out_abs"/*) die "OUTDIR $out contains the project" ;;
	esac

	# Every marker of every lab must be well formed before anything is written.
	if ! list=$(check_markers "$TOP" "$lab" "$out_rel"); then
		die "lab markers are broken (above); no tree was written"
	fi

	if [ -e "$out_abs" ] && [ -n "$(ls -A "$out_abs" 2>/dev/null)" ]; then
		refuse_if_changed "$out" "$out_abs"
		rm -rf -- "$out_abs"
	fi
	mkdir -p "$out_abs/.lab"

	# Copy the project (never OUTDIR itself, if it lies inside the project).
	source_files "$TOP" "$out_rel" |
		tar -C "$TOP" --null --no-recursion -T - -cf - | tar -C "$out_abs" -xf -

	while IFS=$'\t' read -r n f; do
		[ -n "$f" ] || continue
		awk -v lab="$lab" -v handout="$handout" "$AWK_STRIP" "$TOP/$f" > "$out_abs/$f"
		regions=$((regions + n))
		nfiles=$((nfiles + 1))
	done <<< "$list"

	{
		echo "lab=$lab"
		echo "handout=$handout"
		echo "source=$TOP"
		echo "made=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	} > "$out_abs/.lab/info"
	(cd "$out_abs" && find . \( -path ./.lab -o -path ./build \) -prune -o -type f -print0 |
		sed -z 's|^\./||' | sort -z | xargs -0 -r md5sum) > "$out_abs/.lab/files.md5"

	if [ "$regions" -eq 0 ]; then
		echo "lab.sh: warning: lab $lab has no marked regions; the tree is a plain copy" >&2
	fi
	echo "lab $lab: replaced $regions region(s) in $nfiles file(s); student tree in $out (handout: $handout)"
}

# refuse_if_changed OUT OUT_ABS: OUTDIR exists; allow replacing it only if it
# is a lab tree nobody has changed since it was made (its build/ aside).
refuse_if_changed() {
	local out=$1 abs=$2 changed
	if [ ! -f "$abs/.lab/files.md5" ]; then
		die "$out exists and is not a lab tree made by lab.sh; move it away or remove it first"
	fi
	changed=$(
		cd "$abs"
		md5sum --quiet -c .lab/files.md5 2>/dev/null | sed 's/: .*//' || true
		comm -13 <(sed 's/^[0-9a-f]*  //' .lab/files.md5 | sort) \
			<(find . \( -path ./.lab -o -path ./build \) -prune -o -type f -print | sed 's|^\./||' | sort)
	)
	if [ -n "$changed" ]; then
		echo "lab.sh: $out holds work that would be lost; these files differ from when it was made:" >&2
		echo "$changed" | head -n 20 | sed 's/^/  /' >&2
		die "move $out away (or remove it) to make a fresh tree"
	fi
}

# ------------------------------------------------------------------ grade
# Grade file (labs/README.md has the full description): one exercise a line,
#	name points command...
# blank lines and lines starting with # are ignored; the command runs with
# bash -c in the tree and passes if it exits 0.
declare -a G_NAME G_POINTS G_CMD

read_grade_file() {
	local file=$1 line name points cmd lineno=0 i
	G_NAME=() G_POINTS=() G_CMD=()
	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		line=${line%$'\r'}
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		read -r name points cmd <<< "$line"
		[[ $name =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] ||
			die "$file:$lineno: bad exercise name '$name' (letters, digits, _ . -)"
		[[ $points =~ ^[0-9]+$ ]] ||
			die "$file:$lineno: points of $name must be a whole number (got '$points')"
		[ -n "$cmd" ] || die "$file:$lineno: exercise $name has no command"
		for i in "${!G_NAME[@]}"; do
			[ "${G_NAME[$i]}" != "$name" ] || die "$file:$lineno: exercise $name is listed twice"
		done
		G_NAME+=("$name") G_POINTS+=("$points") G_CMD+=("$cmd")
	done < "$file"
	[ ${#G_NAME[@]} -gt 0 ] || die "$file: no exercises in it"
}

lab_grade() {
	local lab=$1 tree=$2 gradefile limit i status got total=0 max=0 width=8 start secs
	local -a got_points
	check_lab_number "$lab"
	[ -d "$tree" ] || die "no tree to grade at '$tree'"
	tree=$(cd "$tree" && pwd -P)
	lab_file "$tree" "$lab" grade || die "lab $lab has no grade file labs/$lab-*.grade in $tree"
	gradefile=$REPLY
	read_grade_file "$tree/$gradefile"
	limit=${LAB_TIMEOUT:-300}
	[[ $limit =~ ^[1-9][0-9]*$ ]] || die "LAB_TIMEOUT must be a number of seconds (got '$limit')"

	LOGDIR=$(mktemp -d)
	CHECK_PID=""
	trap 'rm -rf "$LOGDIR"' EXIT
	# timeout runs each check in a process group of its own, so ^C at the
	# terminal reaches only us: pass it on, which stops QEMU too.
	trap 'echo; echo "lab.sh: interrupted" >&2; [ -z "$CHECK_PID" ] || kill -TERM "$CHECK_PID" 2>/dev/null; exit 130' INT TERM
	echo "grading lab $lab in $tree ($gradefile, ${#G_NAME[@]} exercise(s), at most ${limit}s each)"
	for i in "${!G_NAME[@]}"; do
		echo "== ${G_NAME[$i]}: ${G_CMD[$i]}"
		start=$SECONDS
		status=0
		# A fresh make: the variables of a make that called us (make grade
		# LAB=.. TREE=..) must not leak into the tree's own make.  timeout
		# kills the whole process group, QEMU included.
		(cd "$tree" && exec env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
			timeout -k 10 "$limit" bash -c "${G_CMD[$i]}") \
			< /dev/null > "$LOGDIR/$i.log" 2>&1 &
		CHECK_PID=$!
		wait "$CHECK_PID" || status=$?
		CHECK_PID=""
		secs=$((SECONDS - start))
		if [ "$status" -eq 0 ]; then
			got=${G_POINTS[$i]}
			echo "   ok (${secs}s)"
		else
			got=0
			if { [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; } && [ "$secs" -ge "$limit" ]; then
				echo "   FAILED: timed out after ${limit}s; its last lines:"
			else
				echo "   FAILED (exit $status, ${secs}s); its last lines:"
			fi
			if [ -s "$LOGDIR/$i.log" ]; then
				tail -n 15 "$LOGDIR/$i.log" | sed 's/^/   | /'
			else
				echo "   | (no output)"
			fi
		fi
		got_points[i]=$got
		total=$((total + got))
		max=$((max + G_POINTS[i]))
		[ ${#G_NAME[$i]} -le "$width" ] || width=${#G_NAME[$i]}
	done

	echo
	for i in "${!G_NAME[@]}"; do
		printf '  %-*s  %s/%s\n' "$width" "${G_NAME[$i]}" "${got_points[$i]}" "${G_POINTS[$i]}"
	done
	echo "total: $total/$max"
}

# ------------------------------------------------------------------ list
lab_list() {
	local lab=$1 tree=${2:-$TOP} handout gradefile i files where
	check_lab_number "$lab"
	[ -d "$tree" ] || die "no tree at '$tree'"
	tree=$(cd "$tree" && pwd -P)
	lab_file "$tree" "$lab" md || die "there is no lab $lab: no handout labs/$lab-*.md in $tree"
	handout=$REPLY
	echo "lab $lab: $handout"
	if lab_file "$tree" "$lab" grade; then
		gradefile=$REPLY
		read_grade_file "$tree/$gradefile"
		echo "exercises ($gradefile):"
		for i in "${!G_NAME[@]}"; do
			printf '  %-24s %3s  %s\n' "${G_NAME[$i]}" "${G_POINTS[$i]}" "${G_CMD[$i]}"
		done
	else
		echo "exercises: no grade file labs/$lab-*.grade yet"
	fi
	mapfile -t files < <(marked_files "$tree")
	where=""
	if [ ${#files[@]} -gt 0 ]; then
		where=$(cd "$tree" && awk -v lab="$lab" "$AWK_WHERE" "${files[@]}")
	fi
	echo "regions in the sources:"
	if [ -n "$where" ]; then
		printf '%s\n' "$where" | while IFS=$'\t' read -r name at; do
			printf '  %-24s %s\n' "$name" "$at"
		done
	else
		echo "  (none)"
	fi
}

[ $# -ge 2 ] || usage
cmd=$1
shift
case $cmd in
make) [ $# -eq 2 ] || usage; lab_make "$1" "$2" ;;
grade) [ $# -eq 2 ] || usage; lab_grade "$1" "$2" ;;
list) [ $# -le 2 ] || usage; lab_list "$@" ;;
*) usage ;;
esac
