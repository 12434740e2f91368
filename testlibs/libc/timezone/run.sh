#!/bin/bash
# Time zones: TZ as POSIX strings with DST rules, zoneinfo names, :names and
# paths; tzset/tzname/timezone/daylight, localtime/mktime (tm_isdst -1/0/1
# around transitions, gaps and overlaps), strftime %Z %z %s, far-future
# times from the TZif footer rule; as glibc. Needs the tzdata package.
source "$TESTLIB"
source ../_compare.sh
[ -f /usr/share/zoneinfo/America/New_York ] || { echo "no /usr/share/zoneinfo (tzdata)" >&2; exit 77; }
compare_with_glibc tz.c
