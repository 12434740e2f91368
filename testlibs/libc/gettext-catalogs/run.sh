#!/bin/bash
# gettext family with .mo catalogs from msgfmt: textdomain/bindtextdomain/
# bind_textdomain_codeset, gettext/dgettext/dcgettext/ngettext/dngettext/
# dcngettext under C (no translation) and C.UTF-8 with $LANGUAGE lists
# (fallbacks, ll_CC.codeset@mod reduced to ll, a "C" entry stopping the
# search), Plural-Forms expressions (German, French, Polish), other
# categories' directories, errno kept; catopen/catgets/catclose on a gencat
# catalog (by path and through NLSPATH %N/%L/%l), missing messages (ENOMSG),
# missing catalogs and bad handles: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
command -v msgfmt >/dev/null || skip "msgfmt (gettext) is not installed"
command -v gencat >/dev/null || skip "gencat (libc-bin) is not installed"
loc=$OUT/locale
for l in de pl fr; do
    mkdir -p "$loc/$l/LC_MESSAGES"
    msgfmt -o "$loc/$l/LC_MESSAGES/test.mo" $l.po
done
mkdir -p "$loc/de/LC_TIME" "$loc/C.UTF-8/LC_MESSAGES"
msgfmt -o "$loc/de/LC_MESSAGES/other.mo" other.po
msgfmt -o "$loc/de/LC_TIME/other.mo" other.po
msgfmt -o "$loc/C.UTF-8/LC_MESSAGES/test.mo" fr.po
printf 'not a catalog, long enough to be read as one\n' >"$loc/pl/LC_MESSAGES/broken.mo"
mkdir -p "$OUT/nls/de_DE"
gencat "$OUT/nls/app.cat" cat.msg
cp "$OUT/nls/app.cat" "$OUT/nls/de_DE/app.cat"
compare_with_glibc intl.c "$loc" "$OUT/nls"
