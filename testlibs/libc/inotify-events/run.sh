#!/bin/bash
# inotify's file events: IN_OPEN, IN_ACCESS, IN_CLOSE_WRITE/IN_CLOSE_NOWRITE
# and IN_ATTRIB (chmod, chown, utimensat, link counts), heard by a watch on
# the file and, with its name, by one on its directory; one event per call;
# the close only when the last descriptor goes: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc events.c
