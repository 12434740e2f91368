#include <monetary.h>
#include <stdio.h>
#include <locale.h>
#include <errno.h>
#include <string.h>
#include <sys/types.h>
static void run(void) {
    const char *f[] = {"[%n]", "[%i]", "[%11n]", "[%-11n]", "[%=*11n]", "[%#5n]", "[%=0#5n]", "[%.3n]", "[%.0n]", "[%+n]", "[%(n]", "[%(#5n]", "[%!n]", "[%^n]", "[%#5.0n]", "[%%]", "[%-#5.2i|%n]", "[%(#8.1i]", "[%+#3n]", "[%#2n]", "[%=x#10n]", "[%(-12n]","[%(12n]", "[%+12n]", "[%!12n]", "[%^#10n]"};
    double v[] = {123.45, -123.45, 1234567.891, 0, -0.005, 0.005, 9.995, -1e10};
    for (unsigned i = 0; i < sizeof f / sizeof *f; i++) {
        printf("%-12s", f[i]);
        for (unsigned j = 0; j < sizeof v / sizeof *v; j++) {
            char buf[128];
            ssize_t r = strfmon(buf, sizeof buf, f[i], v[j], v[j]);
            printf(" %zd:%s", r, r < 0 ? "ERR" : buf);
        }
        printf("\n");
    }
    char small[8];
    ssize_t r;
    errno = 0;
    r = strfmon(small, sizeof small, "%n", 123.45);
    printf("fits: %zd %s\n", r, small);
    errno = 0;
    r = strfmon(small, 6, "%n", 123.45);
    printf("E2BIG %zd %d\n", r, errno == E2BIG);
    errno = 0;
    const char *bad = "ab%qcd", *pc = "%%%%%%";
    r = strfmon(small, sizeof small, bad, 1.0);
    printf("bad conversion %zd %d\n", r, errno == EINVAL);
    r = strfmon(small, sizeof small, pc, 1.0);
    printf("percents %zd %s\n", r, small);
}

int main(void) {
    run();
    printf("C.UTF-8 %d\n", setlocale(LC_ALL, "C.UTF-8") != NULL);
    run();
    locale_t l = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    char buf[64];
    ssize_t r = strfmon_l(buf, sizeof buf, l, "%(#6.3n|%=*-12i|", -42.4242, 7.0);
    printf("strfmon_l %zd %s\n", r, buf);
    freelocale(l);
    return 0;
}
