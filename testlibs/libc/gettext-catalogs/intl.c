#define _GNU_SOURCE
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <nl_types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ptr(const char *r, const char *arg) { return r == arg ? "(msgid)" : r; }

static void show(const char *language) {
    if (language) setenv("LANGUAGE", language, 1); else unsetenv("LANGUAGE");
    /* glibc caches translations until textdomain() is called again. */
    textdomain(textdomain(NULL));
    printf("LANGUAGE=%s:\n", language ? language : "(unset)");
    const char *h = "hello", *b = "bye", *s1 = "one file", *s2 = "%d files";
    printf("  gettext: %s %s\n", ptr(gettext(h), h), ptr(gettext(b), b));
    printf("  ngettext:");
    for (unsigned long n = 0; n < 30; n += (n < 5 ? 1 : 7)) printf(" [%lu] %s", n, ngettext(s1, s2, n));
    printf("\n");
    printf("  dgettext other: %s, dcgettext LC_TIME: %s, dcgettext LC_MESSAGES time: %s\n",
           ptr(dgettext("other", h), h), dcgettext("other", "time", LC_TIME), dcgettext("other", "time", LC_MESSAGES));
    printf("  dngettext fr-only: %s, dcngettext LC_TIME: %s\n", dngettext("test", s1, s2, 2), dcngettext("test", s1, s2, 2, LC_TIME));
    printf("  broken catalog: %s\n", dgettext("broken", h));
}

int main(int argc, char **argv) {
    const char *loc = argv[1], *nls = argv[2];
    printf("textdomain(NULL) %s\n", textdomain(NULL));
    printf("textdomain(test) %s\n", textdomain("test"));
    printf("bindtextdomain(test, NULL) before %s\n", bindtextdomain("test", NULL) ? "set" : "NULL");
    printf("bindtextdomain(test) %d\n", strcmp(bindtextdomain("test", loc), loc) == 0);
    bindtextdomain("other", loc);
    bindtextdomain("broken", loc);
    printf("bindtextdomain(test, NULL) %d\n", strcmp(bindtextdomain("test", NULL), loc) == 0);
    printf("codeset(test, NULL) %s\n", bind_textdomain_codeset("test", NULL) ? "set" : "NULL");
    printf("codeset(test, UTF-8) %s\n", bind_textdomain_codeset("test", "UTF-8"));
    printf("codeset(test, NULL) %s\n", bind_textdomain_codeset("test", NULL));
    errno = 0;
    printf("bindtextdomain(\"\") %s errno %d\n", bindtextdomain("", loc) ? "set" : "NULL", errno);

    printf("C locale:\n");
    show("de");
    printf("C.UTF-8: %s\n", setlocale(LC_ALL, "C.UTF-8") ? "set" : "failed");
    show(NULL);
    show("de");
    show("xx:fr:de");
    show("pl");
    show("de_AT.UTF-8@euro");
    show("C:de");
    show("fr");
    errno = 1234;
    gettext("hello");
    gettext("not there");
    printf("errno kept %d\n", errno);
    printf("textdomain(\"\") %s\n", textdomain(""));
    printf("  gettext now %s\n", gettext("hello"));
    textdomain("test");

    char path[512];
    snprintf(path, sizeof path, "%s/app.cat", nls);
    nl_catd c = catopen(path, 0);
    printf("catopen path: %s\n", c == (nl_catd)-1 ? "failed" : "ok");
    int ids[][2] = {{1, 1}, {1, 2}, {1, 7}, {3, 1}, {3, 2}, {1, 3}, {2, 1}, {9, 9}};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        errno = 0;
        char *m = catgets(c, ids[i][0], ids[i][1], "default");
        printf("  %d.%d: [%s] errno %s\n", ids[i][0], ids[i][1], m, errno == ENOMSG ? "ENOMSG" : errno ? "other" : "0");
    }
    printf("  catclose %d\n", catclose(c));
    snprintf(path, sizeof path, "%s/%%l_DE/%%N.cat:%s/%%N.cat", nls, nls);
    setenv("NLSPATH", path, 1);
    setenv("LANG", "de_DE.UTF-8", 1);
    c = catopen("app", 0);
    printf("catopen NLSPATH: %s: %s\n", c == (nl_catd)-1 ? "failed" : "ok", catgets(c, 3, 1, "default"));
    catclose(c);
    c = catopen("app", NL_CAT_LOCALE);
    printf("catopen NLSPATH, NL_CAT_LOCALE: %s: %s\n", c == (nl_catd)-1 ? "failed" : "ok", catgets(c, 1, 2, "default"));
    catclose(c);
    errno = 0;
    c = catopen("nothere", 0);
    printf("catopen missing: %s errno %d\n", c == (nl_catd)-1 ? "failed" : "ok", errno);
    printf("  catgets on it: %s\n", catgets(c, 1, 1, "default"));
    errno = 0;
    int r = catclose(c);
    printf("  catclose on it: %d errno %d\n", r, errno);
    snprintf(path, sizeof path, "%s/pl/LC_MESSAGES/broken.mo", loc);
    c = catopen(path, 0);
    printf("catopen a non-catalog: %s\n", c == (nl_catd)-1 ? "failed" : "ok");
    return 0;
}
