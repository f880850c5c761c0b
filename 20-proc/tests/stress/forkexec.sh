#!/bin/sh
# forkexec.sh - 1000 times "sh -c true": fork, execve and wait4 through the
# shell, and the free memory before and after; boot with
#     init=/tests/stress/forkexec.sh
# Prints
#     stress: free_kib_before=N free_kib_after=M
#     stress: iterations=1000 failures=K
#     stress: DONE
# then powers off.  Free memory comes from sysinfo(2) through /bin/meminfo
# (BusyBox's free needs /proc/meminfo, which comes with layer 40).  Whoever
# reads the figures decides how much of a drop is a leak.
export PATH="/bin:/sbin:/usr/bin:/usr/sbin${PATH:+:$PATH}"
iterations=${STRESS_ITERATIONS:-1000}
free_kib() {
	# meminfo prints "total_kib=T free_kib=F": split it into words.
	# shellcheck disable=SC2046
	set -- $(meminfo)
	case ${2:-} in
	free_kib=[0-9]*) echo "${2#free_kib=}" ;;
	*) echo unknown ;;
	esac
}
# One warm-up round so that what is allocated once (caches, the first
# page tables) is not counted as a leak.
sh -c true
before=$(free_kib)
failures=0
i=0
while [ "$i" -lt "$iterations" ]; do
	sh -c true || failures=$((failures + 1))
	i=$((i + 1))
done
after=$(free_kib)
echo "stress: free_kib_before=$before free_kib_after=$after"
echo "stress: iterations=$iterations failures=$failures"
echo "stress: DONE"
# Only as init: on the host (sh forkexec.sh) just report.
[ "$$" = 1 ] || exit 0
poweroff -f
echo "forkexec.sh: poweroff -f failed"
while :; do sleep 3600; done
