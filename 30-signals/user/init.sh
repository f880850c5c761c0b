#!/bin/sh
# /init of the initramfs from layer 30 on (tools/mkinitramfs.sh installs the
# highest layer's): the kernel runs it as process 1 with /dev/console as
# fds 0, 1 and 2.
#
# With signals, the shell can do job control: ^C and ^\ end the foreground
# job, ^Z stops it, and `jobs`, `fg`, `bg` and `kill %N` manage the rest.
# For that the shell needs a session of its own whose controlling terminal
# is the console, and its own process group in the foreground.  Process 1
# cannot simply make a session and exec the shell (it would then be the
# target of ^C), so it runs the shell as a child: `setsid -c` (BusyBox)
# starts a session and takes the console with TIOCSCTTY, and the shell puts
# each job in a process group of its own.  When the shell ends, init powers
# the machine off.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
layer=unknown
read -r layer </etc/strata-layer
echo
echo "Strata $layer: BusyBox shell on the serial console, with job control (^C ^Z ^\\, jobs, fg, bg)."
echo "'exit' or 'poweroff -f' turns the machine off."
cd /root || cd /
setsid -c /bin/sh -i
poweroff -f
