/* bind_textdomain_codeset against glibc: translations converted from the
   catalog's charset (its header's Content-Type) to the bound codeset, or
   to the locale's codeset when none is bound; an ISO-8859-1 catalog read
   as UTF-8 and a UTF-8 one read as ISO-8859-1, plural forms, rebinding,
   earlier results staying valid, codesets iconv does not know. */
#define _GNU_SOURCE
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void hex(const char *label, const char *s) {
    printf("  %-22s", label);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        printf(*c >= 0x80 || *c < 0x20 ? "\\x%02x" : "%c", *c);
    putchar('\n');
}

static void show(const char *domain) {
    const char *cs = bind_textdomain_codeset(domain, NULL);
    printf("%s (codeset %s):\n", domain, cs ? cs : "unset");
    hex("greeting", dgettext(domain, "greeting"));
    hex("plain", dgettext(domain, "plain"));
    hex("cjk", dgettext(domain, "cjk"));
    hex("one apple [1]", dngettext(domain, "one apple", "%d apples", 1));
    hex("one apple [3]", dngettext(domain, "one apple", "%d apples", 3));
    hex("missing", dgettext(domain, "missing"));
}

int main(int argc, char **argv) {
    (void)argc;
    bindtextdomain("latin1", argv[1]);
    bindtextdomain("utf8", argv[1]);
    setenv("LANGUAGE", "de", 1);

    printf("C locale:\n");
    show("latin1");

    setlocale(LC_ALL, "C.UTF-8");
    printf("C.UTF-8, nothing bound: the locale's codeset\n");
    show("latin1");
    show("utf8");
    const char *kept = dgettext("latin1", "greeting");
    /* Unbound, the codeset follows LC_CTYPE at each call. */
    setlocale(LC_CTYPE, "C");
    hex("utf8 names, C ctype", dgettext("utf8", "names"));
    hex("utf8 plain, C ctype", dgettext("utf8", "plain"));
    setlocale(LC_CTYPE, "C.UTF-8");
    hex("utf8 names, UTF-8", dgettext("utf8", "names"));

    bind_textdomain_codeset("latin1", "ISO-8859-1");
    bind_textdomain_codeset("utf8", "ISO-8859-1");
    show("latin1");
    show("utf8");
    const char *kept2 = dgettext("utf8", "greeting");

    bind_textdomain_codeset("latin1", "UTF-8");
    bind_textdomain_codeset("utf8", "utf8");
    show("latin1");
    show("utf8");

    bind_textdomain_codeset("latin1", "latin1");
    show("latin1");
    bind_textdomain_codeset("utf8", "ASCII");
    hex("utf8 plain as ASCII", dgettext("utf8", "plain"));
    bind_textdomain_codeset("utf8", "NO-SUCH-CODESET");
    show("utf8");

    printf("earlier results:\n");
    hex("latin1 as UTF-8", kept);
    hex("utf8 as ISO-8859-1", kept2);
    return 0;
}
