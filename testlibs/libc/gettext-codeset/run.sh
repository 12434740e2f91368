#!/bin/bash
# bind_textdomain_codeset: translations converted from the catalog's charset
# (header Content-Type) to the bound codeset, or to the LC_CTYPE codeset when
# none is bound; an ISO-8859-1 catalog read as UTF-8 and a UTF-8 catalog read
# as ISO-8859-1 (plural forms too), rebinding, earlier results kept, an
# unknown codeset (untranslated): output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
command -v msgfmt >/dev/null || skip "msgfmt (gettext) is not installed"
command -v iconv >/dev/null || skip "iconv (libc-bin) is not installed"
loc=$OUT/locale
mkdir -p "$loc/de/LC_MESSAGES"
msgfmt -o "$loc/de/LC_MESSAGES/utf8.mo" utf8.po
# The same catalog in ISO-8859-1, without the messages Latin-1 cannot hold.
grep -v -e '^msgid "cjk"' -e '^msgstr "日本"' utf8.po | sed 's/charset=UTF-8/charset=ISO-8859-1/' \
    | iconv -f UTF-8 -t ISO-8859-1 >"$OUT/latin1.po"
msgfmt -o "$loc/de/LC_MESSAGES/latin1.mo" "$OUT/latin1.po"
compare_with_glibc codeset.c "$loc"
