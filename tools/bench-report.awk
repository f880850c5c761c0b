# bench-report.awk - turn strata-bench's outputs into bench.sh's table, its
# Markdown twin (for the README) or the run's JSON record.
#
#   awk -F'\t' -f bench-report.awk -v out=table|md|json [-v META=...]...
#       src=list LIST.tsv src=host HOST.txt src=strata STRATA.txt src=linux LINUX.txt
#
# LIST is `strata-bench --list` (name, layer, operation, title; tab-separated)
# and orders the rows.  The other files are consoles: their lines
#   row NAME median_ns=F min_ns=F max_ns=F n=N trials=T
#   row-failed NAME why
# are read, anything else ignored.  A file may be empty (a boot that failed):
# its column then says "-".  The meta variables (boot times, image sizes,
# versions) are set by bench.sh with -v; see the END block for their names.
# The ratio is Linux's median divided by this kernel's: above 1, this kernel
# is faster.  Only POSIX awk (gawk or mawk).

src == "list" {
	order[++rows] = $1
	layer[$1] = $2
	op[$1] = $3
	title[$1] = $4
	next
}

{
	sub(/\r$/, "")
	n = split($0, f, " ")
	if (n >= 3 && f[1] == "row") {
		name = f[2]
		for (i = 3; i <= n; i++) {
			eq = index(f[i], "=")
			if (eq)
				val[src, name, substr(f[i], 1, eq - 1)] = substr(f[i], eq + 1)
		}
		have[src, name] = 1
	} else if (n >= 2 && f[1] == "row-failed") {
		why = $0
		sub(/^row-failed [^ ]* ?/, "", why)
		failed[src, f[2]] = why
	}
}

# A time in nanoseconds with three significant digits and a unit.
function human(ns) {
	ns += 0
	if (ns < 1000)
		return sprintf("%.0f ns", ns)
	if (ns < 1e6)
		return sprintf(ns < 1e4 ? "%.2f us" : ns < 1e5 ? "%.1f us" : "%.0f us", ns / 1e3)
	if (ns < 1e9)
		return sprintf(ns < 1e7 ? "%.2f ms" : ns < 1e8 ? "%.1f ms" : "%.0f ms", ns / 1e6)
	return sprintf("%.2f s", ns / 1e9)
}

function cell(s, name) {
	if (have[s, name])
		return human(val[s, name, "median_ns"])
	return ((s, name) in failed) ? "failed" : "-"
}

function has_ratio(name) {
	return have["strata", name] && have["linux", name] && val["strata", name, "median_ns"] > 0
}

function ratio(name) {
	return val["linux", name, "median_ns"] / val["strata", name, "median_ns"]
}

function ratio_text(name) {
	return has_ratio(name) ? sprintf("%.2f", ratio(name)) : "-"
}

# The host's load average before (1) or after (2) the run.
function load_word(i,    w) {
	split(host_load, w, " ")
	return w[i] == "" ? "-" : w[i]
}

function kib(bytes) {
	return sprintf("%.0f KiB", bytes / 1024)
}

function seconds(s) {
	return s == "" || s == "-" ? "-" : sprintf("%.2f s", s)
}

function json_string(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

function json_number(s) {
	return s == "" || s == "-" ? "null" : s + 0
}

# One kernel's figures for a row, as a JSON object (null when it has none).
function json_figures(s, name,    k, keys, i, o) {
	if (!have[s, name])
		return ((s, name) in failed) ? "{\"failed\": " json_string(failed[s, name]) "}" : "null"
	split("median_ns min_ns max_ns n trials", keys, " ")
	o = "{"
	for (i = 1; i <= 5; i++)
		o = o (i > 1 ? ", " : "") "\"" keys[i] "\": " (val[s, name, keys[i]] + 0)
	return o "}"
}

# The rows slower than Linux, as "title (ratio)", comma-separated.
function slower_list(    i, name, s) {
	s = ""
	for (i = 1; i <= rows; i++) {
		name = order[i]
		if (has_ratio(name) && ratio(name) < 1)
			s = s (s == "" ? "" : ", ") title[name] " (" ratio_text(name) ")"
	}
	return s == "" ? "none" : s
}

function print_table(    i, name, fmt) {
	printf "strata-bench, layer %s: median of %s trials of at least %s ms each\n",
		layer_name, trials, target_ms
	printf "%s, TCG: %s\n", qemu_version, machine
	printf "host: %s; load average %s before the run, %s after\n\n", host_desc,
		load_word(1), load_word(2)
	fmt = "%-31s %-10s %10s %10s %6s %10s\n"
	printf fmt, "benchmark", "per", "Strata", "Linux", "ratio", "host"
	for (i = 1; i <= rows; i++) {
		name = order[i]
		printf fmt, title[name], op[name], cell("strata", name), cell("linux", name),
			ratio_text(name), cell("host", name)
	}
	printf "ratio = Linux time / Strata time: above 1, Strata is faster.\n\n"
	fmt = "%-32s %12s %12s\n"
	printf fmt, "", "Strata", "Linux"
	printf fmt, "QEMU start to first user output", seconds(strata_first), seconds(linux_first)
	printf fmt, "QEMU start to power-off", seconds(strata_total), seconds(linux_total)
	printf fmt, "kernel image file", kib(strata_bytes), kib(linux_bytes)
	printf "  Strata: %s, %s without symbols and debug information\n", strata_image,
		kib(strata_stripped_bytes)
	printf "  Linux: %s (%s), a compressed bzImage; its modules are not counted\n\n",
		linux_image, linux_version
	printf "slower than Linux: %s\n", slower_list()
}

function print_markdown(    i, name) {
	print "| benchmark | per | Strata | Linux | ratio | host |"
	print "|---|---|---:|---:|---:|---:|"
	for (i = 1; i <= rows; i++) {
		name = order[i]
		printf "| %s | %s | %s | %s | %s | %s |\n", title[name], op[name],
			cell("strata", name), cell("linux", name), ratio_text(name), cell("host", name)
	}
	printf "| QEMU start to first user output | | %s | %s | | |\n", seconds(strata_first),
		seconds(linux_first)
	printf "| QEMU start to power-off | | %s | %s | | |\n", seconds(strata_total),
		seconds(linux_total)
	printf "| kernel image file | | %s | %s | | |\n", kib(strata_bytes), kib(linux_bytes)
}

# One row per line, so that tools/bench-plot.sh can read it back with awk.
function print_json(    i, name) {
	print "{"
	printf "  \"date\": %s,\n", json_string(date)
	printf "  \"command\": %s,\n", json_string(command)
	printf "  \"git\": %s,\n", json_string(git)
	printf "  \"layer\": %s,\n", json_string(layer_name)
	printf "  \"target_ms\": %s,\n  \"trials\": %s,\n", json_number(target_ms), json_number(trials)
	printf "  \"host\": %s,\n", json_string(host_desc)
	printf "  \"load_before\": %s,\n  \"load_after\": %s,\n", json_number(load_word(1)),
		json_number(load_word(2))
	printf "  \"qemu\": %s,\n  \"machine\": %s,\n", json_string(qemu_version), json_string(machine)
	printf "  \"strata\": {\"image\": %s, \"image_bytes\": %s, \"stripped_bytes\": %s, \"cmdline\": %s, \"first_output_s\": %s, \"total_s\": %s},\n",
		json_string(strata_image), json_number(strata_bytes), json_number(strata_stripped_bytes),
		json_string(strata_cmdline), json_number(strata_first), json_number(strata_total)
	printf "  \"linux\": {\"image\": %s, \"version\": %s, \"image_bytes\": %s, \"cmdline\": %s, \"first_output_s\": %s, \"total_s\": %s},\n",
		json_string(linux_image), json_string(linux_version), json_number(linux_bytes),
		json_string(linux_cmdline), json_number(linux_first), json_number(linux_total)
	print "  \"rows\": ["
	for (i = 1; i <= rows; i++) {
		name = order[i]
		printf "    {\"name\": %s, \"layer\": %s, \"title\": %s, \"per\": %s, \"ratio\": %s, \"strata\": %s, \"linux\": %s, \"host\": %s}%s\n",
			json_string(name), json_string(layer[name]), json_string(title[name]),
			json_string(op[name]), has_ratio(name) ? sprintf("%.4f", ratio(name)) : "null",
			json_figures("strata", name), json_figures("linux", name),
			json_figures("host", name), i < rows ? "," : ""
	}
	print "  ]"
	print "}"
}

END {
	if (out == "table")
		print_table()
	else if (out == "md")
		print_markdown()
	else if (out == "json")
		print_json()
	else
		print_table()
}
