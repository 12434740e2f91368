#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
static void t(const char *s, const char *f){ struct tm tm; memset(&tm,0,sizeof tm); tm.tm_wday=-1; tm.tm_yday=-1; char *r=strptime(s,f,&tm);
 printf("[%s] [%s] -> %s: %d-%d-%d %d:%d:%d wday=%d yday=%d isdst=%d gmtoff=%ld\n",s,f,r?(*r?r:"(end)"):"NULL",tm.tm_year,tm.tm_mon,tm.tm_mday,tm.tm_hour,tm.tm_min,tm.tm_sec,tm.tm_wday,tm.tm_yday,tm.tm_isdst,tm.tm_gmtoff);}
int main(){ t("2024-07-14 09:05:33","%Y-%m-%d %H:%M:%S"); t("Sun Jul 14 09:05:33 2024","%c"); t("14/Jul/2024:09:05:33 +0200","%d/%b/%Y:%H:%M:%S %z");
t("  7/4/99","%D"); t("12:30 pm","%I:%M %p"); t("monday","%A"); t("1720000000","%s"); t("2024 200","%Y %j"); t("68","%y"); t("69","%y");
t("2024-02-30","%F"); t("10:61","%H:%M"); t("x","%d"); t("Z","%z"); t("-05:30","%z"); t("20240714","%Y%m%d"); t("5 %","%d %%"); t("\t 42 ","%n%M%t");
t("Mon, 15 Jan 2024 08:30:00 GMT","%a, %d %b %Y %H:%M:%S %Z"); t("2024-07-14T09:05:33Z","%Y-%m-%dT%H:%M:%S%z");
t("20 24","%C %y"); t("1999-12-31 11:59:59 PM","%Y-%m-%d %r"); t("12 AM","%I %p"); t("7 3","%u %w"); t("Feb 29 2024","%b %d %Y");
t("366","%j"); t("2023 365","%Y %j"); t("   5","%e"); t("JANUARY","%B"); t("sep","%h"); t("xyz","%b");
return 0;}
