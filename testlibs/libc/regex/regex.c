/* <regex.h> over a table of (pattern, cflags, eflags, subjects): regcomp's
   result code and re_nsub, regexec's result and every regmatch_t, regerror's
   messages and truncation. The output must equal glibc's. */
#include <limits.h>
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define E REG_EXTENDED
#define I REG_ICASE
#define N REG_NEWLINE
#define S REG_NOSUB
#define NB REG_NOTBOL
#define NE REG_NOTEOL

struct t {
    const char *pat;
    int cflags, eflags;
    const char *subj[10];
};

static void show(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = *s;
        if (c == '\n') fputs("\\n", stdout);
        else if (c < 0x20 || c >= 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    putchar('"');
}

static void run(const struct t *t) {
    regex_t re;
    memset(&re, 0x5a, sizeof re);
    show(t->pat);
    printf(" c%d e%d: ", t->cflags, t->eflags);
    int rc = regcomp(&re, t->pat, t->cflags);
    if (rc != 0) {
        char buf[128];
        regerror(rc, &re, buf, sizeof buf);
        printf("regcomp %d (%s)\n", rc, buf);
        return;
    }
    printf("nsub %zu\n", re.re_nsub);
    for (int k = 0; k < 10 && t->subj[k]; k++) {
        regmatch_t m[12];
        for (int j = 0; j < 12; j++) m[j].rm_so = m[j].rm_eo = 77;
        size_t nm = (t->cflags & S) ? 0 : re.re_nsub + 2;
        if (nm > 12) nm = 12;
        int r = regexec(&re, t->subj[k], nm, m, t->eflags);
        printf("  ");
        show(t->subj[k]);
        printf(" -> %d", r);
        if (r == 0)
            for (size_t j = 0; j < nm; j++) printf(" (%d,%d)", (int)m[j].rm_so, (int)m[j].rm_eo);
        putchar('\n');
    }
    regfree(&re);
}

static const struct t tests[] = {
    /* literals, dot, anchors */
    {"abc", 0, 0, {"abc", "xabcx", "ab", "aabc", ""}},
    {"", 0, 0, {"", "abc"}},
    {"", E, 0, {"", "abc"}},
    {"a.c", 0, 0, {"abc", "a\nc", "ac", "axxc"}},
    {"a.c", N, 0, {"abc", "a\nc"}},
    {"^abc$", 0, 0, {"abc", "abcd", "xabc", "x\nabc\ny"}},
    {"^abc$", N, 0, {"abc", "x\nabc\ny", "x\nabcd"}},
    {"^abc", 0, NB, {"abc", "x\nabc"}},
    {"^abc", N, NB, {"abc", "x\nabc"}},
    {"abc$", 0, NE, {"abc", "abc\nx"}},
    {"abc$", N, NE, {"abc", "abc\nx"}},
    {"^$", 0, 0, {"", "a", "\n"}},
    {"^$", N, 0, {"", "a", "a\n\nb", "\n"}},
    {"a^b", 0, 0, {"a^b", "ab"}},
    {"a$b", 0, 0, {"a$b", "ab"}},
    {"a^b", E, 0, {"a^b", "ab"}},
    {"a$b", E, 0, {"a$b", "ab"}},
    {"x$\\|y", 0, 0, {"x", "xa", "y"}},
    {"\\(^a\\)", 0, 0, {"a", "ba"}},
    {"\\(a$\\)", 0, 0, {"a", "ab"}},
    {"^*", 0, 0, {"*a", "a"}},
    {"^*", E, 0, {"a"}},
    {"$$", 0, 0, {"a$", "a"}},
    {"(^a|b)", E, 0, {"a", "ca", "cb"}},
    {"a|^b", E, 0, {"b", "cb"}},
    /* BRE repetition */
    {"a*", 0, 0, {"", "aaa", "baaa"}},
    {"ab*c", 0, 0, {"ac", "abc", "abbbc", "abd"}},
    {"*a", 0, 0, {"*a", "a"}},
    {"\\(*a\\)", 0, 0, {"*a", "a"}},
    {"a\\|*b", 0, 0, {"*b", "b", "a"}},
    {"a**", 0, 0, {"aa"}},
    {"a\\{2\\}", 0, 0, {"a", "aa", "aaa"}},
    {"a\\{2,\\}", 0, 0, {"a", "aa", "aaaaa"}},
    {"a\\{,2\\}", 0, 0, {"", "aaa"}},
    {"a\\{1,3\\}b", 0, 0, {"ab", "aaab", "aaaab", "b"}},
    {"a\\{0\\}b", 0, 0, {"ab", "b"}},
    {"a\\{0,0\\}", 0, 0, {"a"}},
    {"a\\{2\\}*", 0, 0, {"aa"}},
    {"a*\\{2\\}", 0, 0, {"aa"}},
    {"\\{1\\}a", 0, 0, {"a"}},
    {"a\\{1", 0, 0, {"a"}},
    {"a\\{1,", 0, 0, {"a"}},
    {"a\\{1,2", 0, 0, {"a"}},
    {"a\\{x\\}", 0, 0, {"a"}},
    {"a\\{1,x\\}", 0, 0, {"a"}},
    {"a\\{\\}", 0, 0, {"a"}},
    {"a\\{2,1\\}", 0, 0, {"a"}},
    {"a\\{1,2,3\\}", 0, 0, {"a"}},
    {"a\\{32767\\}", S, 0, {"a"}},
    {"a\\{32768\\}", 0, 0, {"a"}},
    {"a\\{1}", 0, 0, {"a"}},
    {"a\\+", 0, 0, {"a+", "aaa", ""}},
    {"a\\?b", 0, 0, {"b", "ab", "aab"}},
    {"a+?", 0, 0, {"a+?", "a"}},
    {"a{2}", 0, 0, {"a{2}", "aa"}},
    {"a\\}", 0, 0, {"a}"}},
    {"\\+a", 0, 0, {"+a", "a"}},
    /* ERE repetition */
    {"a+", E, 0, {"", "a", "baaac"}},
    {"a?b", E, 0, {"b", "ab", "aab"}},
    {"a{2,3}", E, 0, {"a", "aa", "aaaa"}},
    {"a{,3}", E, 0, {"aaaa"}},
    {"a{,}", E, 0, {"aaaa"}},
    {"a{}", E, 0, {"a"}},
    {"a{", E, 0, {"a{"}},
    {"a{1", E, 0, {"a"}},
    {"a{1,", E, 0, {"a"}},
    {"a{x}", E, 0, {"a"}},
    {"a{3,2}", E, 0, {"a"}},
    {"a{32768}", E, 0, {"a"}},
    {"{1}a", E, 0, {"a"}},
    {"a|{1}", E, 0, {"a"}},
    {"a}", E, 0, {"a}"}},
    {"*a", E, 0, {"a"}},
    {"+a", E, 0, {"a"}},
    {"?a", E, 0, {"a"}},
    {"a|*b", E, 0, {"a"}},
    {"(*a)", E, 0, {"a"}},
    {"(+a)", E, 0, {"a"}},
    {"a**", E, 0, {"aa", ""}},
    {"a+*", E, 0, {"aa", ""}},
    {"a*+", E, 0, {"aa"}},
    {"a?*", E, 0, {"aa"}},
    {"a{2,}*", E, 0, {"a", "aaa"}},
    {"a{2}+", E, 0, {"a", "aaaaa"}},
    {"(a+)?+", E, 0, {"aa"}},
    {"a*{3}", E, 0, {"aa"}},
    {"a{1}{2}", E, 0, {"a", "aa", "aaa"}},
    {"(a{2}){2}", E, 0, {"aaaaa"}},
    {"a{1,2}{2}", E, 0, {"aaaaa"}},
    {"\\{a", E, 0, {"{a"}},
    {"a\\+", E, 0, {"a+", "aa"}},
    /* groups, alternation, submatches */
    {"\\(a\\)\\(b\\)", 0, 0, {"ab", "xaby"}},
    {"(a)(b)", 0, 0, {"(a)(b)", "ab"}},
    {"(a)(b)", E, 0, {"ab", "xaby"}},
    {"(a|b)*c", E, 0, {"abac", "c", "abab"}},
    {"(a|ab)(c|bcd)(d*)", E, 0, {"abcd", "abcdd"}},
    {"(a*)(b|abc)", E, 0, {"abc"}},
    {"(a*)*", E, 0, {"", "b", "aa", "aab"}},
    {"(a*)+", E, 0, {"", "b", "aa"}},
    {"(a|)*", E, 0, {"", "aa", "b"}},
    {"(a*)*b", E, 0, {"b", "aab"}},
    {"(a+|b)*", E, 0, {"ab", "aabb"}},
    {"(a+|b)+", E, 0, {"ab"}},
    {"(a+|b)?", E, 0, {"ab"}},
    {"(a|b)?c", E, 0, {"c", "ac"}},
    {"((a)|b)*", E, 0, {"ab", "ba", "aab"}},
    {"(a(b)?)+", E, 0, {"aba", "aab", "ab"}},
    {"((a)|(b))*", E, 0, {"ab", "ba"}},
    {"(a.*)(b.*)", E, 0, {"axbxb"}},
    {"(.*)(.*)", E, 0, {"abc"}},
    {"(.*)c(.*)", E, 0, {"abcdc"}},
    {"(.?)(.?)(.?)", E, 0, {"ab"}},
    {"(ab|a)(bc|c)", E, 0, {"abc"}},
    {"(a|ab)(bc|c)", E, 0, {"abc"}},
    {"(wee|week)(knights|night)", E, 0, {"weeknights"}},
    {"(a|b|c|d|e)(f|g)", E, 0, {"xeg"}},
    {"x(a|b)*y", E, 0, {"xy", "xababy", "xaby xay"}},
    {"(a)|(b)", E, 0, {"a", "b", "c"}},
    {"(a)|b", E, 0, {"b"}},
    {"()", E, 0, {"", "a"}},
    {"(()|a)+", E, 0, {"aa"}},
    {"(|a)+", E, 0, {"aa"}},
    {"a||b", E, 0, {"b", "c"}},
    {"(a|)", E, 0, {"b"}},
    {"|a", E, 0, {"a"}},
    {"a|", E, 0, {"b"}},
    {"(a", E, 0, {"a"}},
    {"a)", E, 0, {"a)"}},
    {")", E, 0, {")"}},
    {"a)b(c", E, 0, {"a"}},
    {"\\(a", 0, 0, {"a"}},
    {"a\\)", 0, 0, {"a"}},
    {"\\(\\)", 0, 0, {"a"}},
    {"((((((((((a))))))))))", E, 0, {"a"}},
    {"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", E, 0, {"abcdefghijk"}},
    {"\\(a\\|b\\)*c", 0, 0, {"abc"}},
    {"a\\|b\\|", 0, 0, {"c"}},
    {"(a+)+b", E, 0, {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", "aaaab"}},
    {"(x+x+)+y", E, 0, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}},
    {"(a*)*(b)", E, 0, {"ab"}},
    {"(a*|b)*", E, 0, {"ab"}},
    {"([ab]*)(a)", E, 0, {"abba"}},
    {"(a(b(c)))(d)", E, 0, {"abcd"}},
    {"a(b)?c", E, 0, {"ac", "abc"}},
    {"a(b)*c", E, 0, {"ac", "abbc"}},
    {"(a){0}b", E, 0, {"ab"}},
    {"(a){2}", E, 0, {"aa", "aaa"}},
    {"(a|b){2,3}", E, 0, {"abab"}},
    {"(ab){1,2}?", E, 0, {"abab"}},
    {"(.)\\1", E, 0, {"abba", "abc"}},
    /* back-references */
    {"\\(a\\)\\1", 0, 0, {"aa", "ab"}},
    {"\\(a*\\)\\1", 0, 0, {"aaaa", "aaa", "b"}},
    {"\\(a*\\)b\\1", 0, 0, {"aabaa", "aaba", "ab"}},
    {"\\(.\\)\\(.\\)\\2\\1", 0, 0, {"xabbay", "abab"}},
    {"\\(a\\)\\2", 0, 0, {"a"}},
    {"\\(a\\1\\)", 0, 0, {"a"}},
    {"\\1", 0, 0, {"a"}},
    {"\\(a\\)\\|b\\1", 0, 0, {"b", "a"}},
    {"\\(a\\|b\\)*\\1", 0, 0, {"abb", "aba", "ab"}},
    {"(a)\\1", E, 0, {"aa"}},
    {"(a)|\\1", E, 0, {"a", "x"}},
    {"([a-c]*)\\1", E, 0, {"abcabc", "abcab"}},
    {"(a*)\\1*b", E, 0, {"aaaab"}},
    {"\\(x*\\)*\\1y", 0, 0, {"xxxxxxxxxxz", "y"}},
    {"\\(a*\\)*\\1", 0, 0, {"b", ""}},
    {"\\([ab]*\\)\\1", 0, 0, {"abab", "abba", "aabaab"}},
    {"\\(a\\|ab\\)\\(c\\|bcd\\)\\1", 0, 0, {"abcda", "abcab"}},
    {"\\(.*\\)-\\1", 0, 0, {"ab-ab", "xab-abx", "a-b"}},
    {"^\\(.*\\)\\1$", 0, 0, {"abcabc", "abcab"}},
    {"\\(a\\)*\\1", 0, 0, {"aaa", "b"}},
    {"\\(a\\)\\{2\\}\\1", 0, 0, {"aaa"}},
    {"\\([0-9]\\)\\1\\{2\\}", 0, 0, {"1222333"}},
    {"(a|b)\\1+", E, 0, {"abbb", "ab"}},
    {"\\<\\(\\w*\\) \\1\\>", 0, 0, {"the the cat", "the theme"}},
    {"\\(a\\|b\\)*\\1", 0, 0, {"abaa"}},
    {"\\(.*\\)\\1", 0, 0, {"abcabcabc"}},
    {"(a|b)*\\1", E, 0, {"abb"}},
    {"((a)|b)*\\2", E, 0, {"aba"}},
    {"(a*)(a*)\\2\\1", E, 0, {"aaaa"}},
    {"\\(x*\\)\\(x*\\)\\2", 0, 0, {"xxx"}},
    {"(.)(.)?\\2", E, 0, {"aa"}},
    {"(a)?\\1", E, 0, {"a"}},
    {"\\(a\\)*\\1*", 0, 0, {"aa"}},
    {"(.+)(.+)\\2\\1", E, 0, {"abccba"}},
    {"^\\(.*\\)\n\\1$", 0, 0, {"ab\nab", "ab\nabc"}},
    {"\\(a\\)\\1", I | N, 0, {"xAa"}},
    {"\\(a\\)\\1", I, 0, {"aA"}},
    {"(.)(.)(.)(.)(.)(.)(.)(.)(.)\\9", E, 0, {"abcdefghii"}},
    /* bracket expressions */
    {"[abc]", 0, 0, {"b", "d"}},
    {"[^abc]", 0, 0, {"abcd", "abc"}},
    {"[^a]", N, 0, {"\n", "\nb"}},
    {"[^a]", 0, 0, {"\n"}},
    {"[]a]", 0, 0, {"]", "a", "b"}},
    {"[^]a]", 0, 0, {"]ab"}},
    {"[a-]", 0, 0, {"-"}},
    {"[-a]", 0, 0, {"-"}},
    {"[a-c-e]", 0, 0, {"d"}},
    {"[%--]", 0, 0, {"+", "-"}},
    {"[--/]", 0, 0, {".", "0"}},
    {"[a-z]*", 0, 0, {"hello World"}},
    {"[z-a]", 0, 0, {"a"}},
    {"[a-a]", 0, 0, {"a"}},
    {"[a", 0, 0, {"a"}},
    {"[", 0, 0, {"["}},
    {"[]", 0, 0, {"]"}},
    {"[^]", 0, 0, {"]"}},
    {"a]", 0, 0, {"a]"}},
    {"[\\]", 0, 0, {"\\"}},
    {"[\\n]", 0, 0, {"n", "\\", "\n"}},
    {"[.]", 0, 0, {"a", "."}},
    {"[*]", 0, 0, {"*"}},
    {"[[:alpha:]]*", 0, 0, {"abC1"}},
    {"[[:digit:][:upper:]]*", 0, 0, {"A1b"}},
    {"[^[:space:]]*", 0, 0, {"ab c"}},
    {"[[:alnum:]_]*", E, 0, {"a_1-"}},
    {"[[:punct:]]", 0, 0, {"a!"}},
    {"[[:xdigit:]]*", 0, 0, {"0fAg"}},
    {"[[:blank:]]", 0, 0, {"a\tb"}},
    {"[[:cntrl:]]", 0, 0, {"a\x01"}},
    {"[[:print:]]*", 0, 0, {"a b\x01"}},
    {"[[:graph:]]*", 0, 0, {"ab c"}},
    {"[[:lower:]]*", 0, 0, {"abC"}},
    {"[[:foo:]]", 0, 0, {"a"}},
    {"[[:alpha:]", 0, 0, {"a"}},
    {"[[:alpha", 0, 0, {"a"}},
    {"[[:alpha:]-z]", 0, 0, {"a"}},
    {"[a-[:alpha:]]", 0, 0, {"a"}},
    {"[[.a.]]", 0, 0, {"a", "b"}},
    {"[[.-.]]", 0, 0, {"-"}},
    {"[[.a.]-c]", 0, 0, {"b"}},
    {"[a-[.c.]]", 0, 0, {"b"}},
    {"[[.ab.]]", 0, 0, {"a"}},
    {"[[.space.]]", 0, 0, {" "}},
    {"[[=a=]]", 0, 0, {"a", "b"}},
    {"[[=a=]b]*", 0, 0, {"abc"}},
    {"[[=ab=]]", 0, 0, {"a"}},
    {"[[.a", 0, 0, {"a"}},
    {"[a-c-", 0, 0, {"a"}},
    {"[a-", 0, 0, {"a"}},
    {"[a-\\", 0, 0, {"a"}},
    {"[--a", 0, 0, {"a"}},
    {"[a--]", 0, 0, {"a"}},
    {"[[.ab.]", 0, 0, {"a"}},
    {"[[=ab=]", 0, 0, {"a"}},
    {"[[.ab.]-a]", 0, 0, {"a"}},
    {"[a-[.ab.]", 0, 0, {"a"}},
    {"[[.a.]-", 0, 0, {"a"}},
    {"[^", 0, 0, {"a"}},
    {"[^", E, 0, {"a"}},
    {"[a-\\]", I, 0, {"B", "b", "]"}},
    {"[Z-a]", I, 0, {"a"}},
    {"[Z-a]", 0, 0, {"_", "A"}},
    {"[a-Z]", I, 0, {"Q", "q"}},
    {"[_-a]*", I, 0, {"_`aA"}},
    {"[[=a", 0, 0, {"a"}},
    {"[[]", 0, 0, {"["}},
    {"[[a]", 0, 0, {"a", "["}},
    {"[a[]", 0, 0, {"["}},
    {"[[:]", 0, 0, {":"}},
    {"[:alpha:]", 0, 0, {"a", "x"}},
    {"[\\w]", E, 0, {"w", "\\", "a"}},
    {"[a-c]{2}", E, 0, {"abz"}},
    {"[^a-c]+", E, 0, {"abcdef"}},
    {"[\x80-\xff]", 0, 0, {"a\xe9"}},
    {"\xe9", 0, 0, {"a\xe9"}},
    {".", 0, 0, {"\xe9"}},
    /* case folding */
    {"abc", I, 0, {"ABC", "aBc", "xAbCx"}},
    {"[a-c]*", I, 0, {"AbC"}},
    {"[A-C]*", I, 0, {"abcd"}},
    {"[^a]", I, 0, {"A", "b"}},
    {"[[:upper:]]*", I, 0, {"abC"}},
    {"[[:lower:]]*", I, 0, {"ABc"}},
    {"[[:upper:]]*", 0, 0, {"ABc"}},
    {"(A|B)+", E | I, 0, {"abBA"}},
    {"x\\{2\\}", I, 0, {"xX"}},
    /* GNU operators */
    {"\\bfoo\\b", 0, 0, {"foo", "a foo b", "foobar", "xfoo"}},
    {"\\Boo\\B", 0, 0, {"foo", "fooo"}},
    {"\\<foo\\>", 0, 0, {"foo bar", "afoo foo", "foob"}},
    {"\\<", 0, 0, {"  ab", ""}},
    {"\\>", 0, 0, {"ab  ", ""}},
    {"\\b", 0, 0, {"", " ", "a"}},
    {"\\B", 0, 0, {"", " ", "ab"}},
    {"\\<\\(.*\\)\\>", 0, 0, {" ab cd "}},
    {"\\w+", E, 0, {"  ab_1-x"}},
    {"\\W+", E, 0, {"ab ,-c"}},
    {"\\W", E | N, 0, {"a\nb"}},
    {"\\s+", E, 0, {"a \t\nb"}},
    {"\\S+", E, 0, {"  ab c"}},
    {"\\w*", 0, 0, {"ab c"}},
    {"\\`a", 0, 0, {"a", "ba", "b\na"}},
    {"\\`a", N, NB, {"a"}},
    {"a\\'", 0, 0, {"a", "ab", "a\nb"}},
    {"a\\'", N, NE, {"a"}},
    {"\\<*", E, 0, {"a"}},
    {"\\<*a", 0, 0, {"*a", "a"}},
    {"x\\b*", 0, 0, {"x*"}},
    {"\\w\\b\\w", E, 0, {"ab"}},
    {"\\n", 0, 0, {"n", "\n"}},
    {"\\t", E, 0, {"t"}},
    {"\\.", 0, 0, {"a.", "a"}},
    {"\\*", E, 0, {"a*"}},
    {"\\0", 0, 0, {"0"}},
    {"a\\", 0, 0, {"a"}},
    {"a\\", E, 0, {"a"}},
    {"\\", 0, 0, {""}},
    /* leftmost-longest */
    {"a|ab|abc", E, 0, {"abcd", "xabx"}},
    {"ab|a", E, 0, {"ab"}},
    {"(a|ab)(c|bcd)", E, 0, {"abcd"}},
    {"b*|a", E, 0, {"a"}},
    {"(a*)b*", E, 0, {"aabb"}},
    {"a*?", E, 0, {"aa"}},
    {"(foo|foobar)(bar)?", E, 0, {"foobar"}},
    {"s/x*/y/g", 0, 0, {"s/xx/y/g"}},
    {"[0-9]+(\\.[0-9]+)?", E, 0, {"v 3.14 x", "42."}},
    {"^([^:]*):([^:]*):(.*)$", E, 0, {"root:x:0:0:root:/root:/bin/sh"}},
    {"\\([a-z]*\\) *= *\\([0-9]*\\)", 0, 0, {"  key = 123"}},
    {"([a-z]+)@([a-z]+)\\.(com|org)", E, 0, {"mail bob@example.org now"}},
    {"(.*)*", E, 0, {"ab"}},
    {"(a?)((ab)?)(b?)", E, 0, {"ab"}},
    {"((a)|b)+", E, 0, {"ab"}},
    {"(a|b)*(a|b)", E, 0, {"ab"}},
    {".*(.*)", E, 0, {"ab"}},
    /* REG_NEWLINE and NUL-free subjects */
    {"a.*b", N, 0, {"a\nb", "axb\nb"}},
    {"a[^x]*b", N, 0, {"a\nb"}},
    {"a\nb", 0, 0, {"a\nb"}},
    {"^b", N, 0, {"a\nb"}},
    {"a$", N, 0, {"a\nb"}},
    {"$", N, 0, {"ab\n"}},
    {"^", N, NB, {"ab\ncd"}},
    {"x|^a", E | N, NB, {"a\na"}},
    /* REG_NOSUB */
    {"(a)(b)", E | S, 0, {"ab", "c"}},
    {"\\(a\\)\\1", S, 0, {"aa", "ab"}},
    {"[", S, 0, {"a"}},
};

struct u {
    const char *pat;
    int cflags;
    const char *subj[6];
};

/* C.UTF-8: characters are UTF-8 sequences. */
static const struct t utf8_tests[] = {
    {".", 0, 0, {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80x"}},
    {"a.b", 0, 0, {"a\xc3\xa9" "b", "a\xe2\x82\xac" "b"}},
    {"..", 0, 0, {"\xc3\xa9\xc3\xa9"}},
    {"[\xc3\xa9\xc3\xa8]+", E, 0, {"x\xc3\xa8\xc3\xa9y"}},
    {"[^a]", 0, 0, {"\xc3\xa9"}},
    {"[a-c]+", E, 0, {"x\xc3\xa9" "abcz"}},
    {"\xc3\xa9", I, 0, {"\xc3\x89"}},
    {"[[:alpha:]]+", E, 0, {"\xc3\xa9t\xc3\xa9!"}},
    {"[[:upper:]]", 0, 0, {"a\xc3\x89"}},
    {"\\w+", E, 0, {"--\xc3\xa9t\xc3\xa9--"}},
    {"\\<\xc3\xa9", 0, 0, {"a\xc3\xa9 \xc3\xa9"}},
    {"(.)\\1", E, 0, {"a\xc3\xa9\xc3\xa9"}},
    {"x*", 0, 0, {"\xc3\xa9"}},
    {"\xe2\x82\xac{2}", E, 0, {"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"}},
    {"a.c", 0, 0, {"a\xff" "c", "abc"}},
};

static void regerror_tests(void) {
    regex_t re;
    static const int codes[] = {REG_NOMATCH, REG_BADPAT, REG_ECOLLATE, REG_ECTYPE, REG_EESCAPE,
                                REG_ESUBREG, REG_EBRACK, REG_EPAREN, REG_EBRACE, REG_BADBR,
                                REG_ERANGE, REG_ESPACE, REG_BADRPT, REG_EEND, REG_ESIZE, REG_ERPAREN, 0};
    memset(&re, 0, sizeof re);
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char buf[100];
        size_t n = regerror(codes[i], &re, buf, sizeof buf);
        printf("regerror %d = %zu \"%s\"\n", codes[i], n, buf);
    }
    /* Truncation: at most size-1 bytes then NUL; the full size is returned. */
    char small[6];
    memset(small, 'x', sizeof small);
    size_t n = regerror(REG_EBRACK, &re, small, 5);
    printf("small: %zu \"%s\" %c\n", n, small, small[5]);
    n = regerror(REG_EPAREN, &re, NULL, 0);
    printf("null: %zu\n", n);
    memset(small, 'x', sizeof small);
    n = regerror(REG_BADPAT, &re, small, 1);
    printf("one: %zu %d %c\n", n, small[0], small[1]);
}

static void startend_tests(void) {
    regex_t re;
    regmatch_t m[2];
    const char *s = "xxabcabc";
    if (regcomp(&re, "abc", 0) != 0) return;
    m[0].rm_so = 3;
    m[0].rm_eo = 8;
    int r = regexec(&re, s, 1, m, REG_STARTEND);
    printf("startend: %d (%d,%d)\n", r, (int)m[0].rm_so, (int)m[0].rm_eo);
    m[0].rm_so = 2;
    m[0].rm_eo = 4;
    r = regexec(&re, s, 1, m, REG_STARTEND);
    printf("startend short: %d\n", r);
    regfree(&re);
    if (regcomp(&re, "^a", 0) != 0) return;
    m[0].rm_so = 2;
    m[0].rm_eo = 8;
    r = regexec(&re, s, 1, m, REG_STARTEND);
    printf("startend ^: %d\n", r);
    regfree(&re);
    /* A subject with an embedded NUL. */
    if (regcomp(&re, "b.c", 0) != 0) return;
    m[0].rm_so = 0;
    m[0].rm_eo = 5;
    r = regexec(&re, "ab\0cd", 1, m, REG_STARTEND);
    printf("startend nul: %d\n", r);
    regfree(&re);
    /* sed's s///g loop: successive matches with REG_NOTBOL. */
    if (regcomp(&re, "^*\\(a\\|b\\)", 0) != 0) return;
    regfree(&re);
    if (regcomp(&re, "[0-9][0-9]*", 0) != 0) return;
    const char *p = "a12b345c6";
    int flags = 0;
    while (regexec(&re, p, 1, m, flags) == 0) {
        printf("match %.*s\n", (int)(m[0].rm_eo - m[0].rm_so), p + m[0].rm_so);
        p += m[0].rm_eo;
        flags = REG_NOTBOL;
    }
    regfree(&re);
}

static char *repeat(const char *unit, size_t n, const char *tail) {
    size_t u = strlen(unit), t = strlen(tail);
    char *s = malloc(u * n + t + 1);
    for (size_t i = 0; i < n; i++) memcpy(s + i * u, unit, u);
    memcpy(s + u * n, tail, t + 1);
    return s;
}

/* Long subjects: none of these may take exponential (or quadratic-in-steps
   over 10^5) time; results must still equal glibc's. */
static void long_tests(void) {
    static const struct {
        const char *pat;
        int cflags;
        const char *unit;
        size_t n;
        const char *tail;
    } L[] = {
        {"(a+)+b", E, "a", 100000, "b"},
        {"(a+)+b", E, "a", 10000, "c"}, /* quadratic in glibc */
        {"(x+x+)+y", E, "x", 20000, ""},
        {"(a|aa)*(aab)", E, "a", 5000, "b"},
        {"(.*)c(.*)", E, "a", 10000, "caaaa"},
        {"^(([a-z]+) )*[a-z]+$", E, "word ", 5000, "end"},
        {"[0-9]+", E, "a", 200000, "42"},
        {"\\<foo\\>", 0, "foobar ", 30000, "foo"},
        {"\\(ab*\\)\\1", 0, "abc", 3000, "abbabb"},
        {"(a*)*b", E, "a", 3000, "b"},
        {"((a)|b)*c", E, "ab", 5000, "c"},
        {"(\\w+)@(\\w+)", E, "x ", 50000, "me@host"},
    };
    for (size_t i = 0; i < sizeof L / sizeof L[0]; i++) {
        regex_t re;
        regmatch_t m[4];
        char *s = repeat(L[i].unit, L[i].n, L[i].tail);
        printf("long %s x%zu: ", L[i].pat, L[i].n);
        int rc = regcomp(&re, L[i].pat, L[i].cflags);
        if (rc) {
            printf("regcomp %d\n", rc);
            free(s);
            continue;
        }
        int r = regexec(&re, s, 4, m, 0);
        printf("%d", r);
        if (r == 0)
            for (size_t j = 0; j < 4 && j <= re.re_nsub; j++) printf(" (%d,%d)", (int)m[j].rm_so, (int)m[j].rm_eo);
        putchar('\n');
        regfree(&re);
        free(s);
    }
}

/* Generated patterns: a fixed pseudo-random sequence of pieces (groups,
   alternation, repetition, intervals, brackets, classes, GNU operators,
   back-references, misplaced operators) and subjects, with every flag
   combination. Anchors only at the ends: glibc lets a mid-pattern `^`/`$`
   next to a newline match even without REG_NEWLINE (its DFA quirk). */
static unsigned long long fz_state;
static unsigned fz(unsigned n) {
    fz_state = fz_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(fz_state >> 33) % n;
}

static void fuzz(int count, unsigned long long seed, int utf8) {
    static const char *const atoms[] = {
        "a", "b", "a", "b", ".", "(", "(", ")", ")", "|", "*", "+", "?", "{1,2}", "{2}", "[ab]", "[^a]",
        "\\(", "\\)", "\\|", "\\{1,2\\}", "\\1", "\\2", "\\<", "\\>", "\\b", "\\w", "x", "[[:alpha:]]",
        "{", "}", "[a-", "\xc3\xa9", "\xc3\x89", "[^\xc3\xa9]"};
    size_t na = sizeof atoms / sizeof atoms[0];
    fz_state = seed;
    for (int i = 0; i < count; i++) {
        char pat[80] = "";
        int len = 1 + fz(7);
        for (int k = 0; k < len; k++) {
            const char *a = atoms[fz(na)];
            /* glibc's C.UTF-8 refuses ranges with multibyte ends. */
            if (utf8 && !strcmp(a, "[a-")) continue;
            if (strlen(pat) + strlen(a) < 60) strcat(pat, a);
        }
        if (fz(4) == 0) {
            memmove(pat + 1, pat, strlen(pat) + 1);
            pat[0] = '^';
        }
        if (fz(4) == 0) strcat(pat, "$");
        int cf = fz(2) ? E : 0;
        if (fz(4) == 0) cf |= I;
        if (fz(4) == 0) cf |= N;
        char subs[4][24];
        for (int k = 0; k < 4; k++) {
            int sl = fz(8), o = 0;
            for (int j = 0; j < sl; j++) {
                unsigned r = fz(10);
                if (utf8 && r >= 8) {
                    const char *e = r == 8 ? "\xc3\xa9" : "\xc3\x89";
                    subs[k][o++] = e[0];
                    subs[k][o++] = e[1];
                } else {
                    subs[k][o++] = "abAB\nx a"[r % 8];
                }
            }
            subs[k][o] = 0;
        }
        regex_t re;
        int rc = regcomp(&re, pat, cf);
        show(pat);
        printf(" c%d: %d", cf, rc);
        if (rc == 0) {
            for (int k = 0; k < 4; k++) {
                regmatch_t m[4];
                int r = regexec(&re, subs[k], 4, m, 0);
                printf(" | %d", r);
                if (r == 0)
                    for (int j = 0; j < 4; j++) printf(" %d,%d", (int)m[j].rm_so, (int)m[j].rm_eo);
            }
            regfree(&re);
        }
        putchar('\n');
    }
}

int main(void) {
    printf("sizeof regex_t %zu regmatch_t %zu regoff_t %zu\n", sizeof(regex_t), sizeof(regmatch_t),
           sizeof(regoff_t));
    printf("RE_DUP_MAX %d sysconf %ld REG_ESIZE %d\n", RE_DUP_MAX, sysconf(_SC_RE_DUP_MAX), REG_ESIZE);
    size_t n = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++, n++) run(&tests[i]);
    regerror_tests();
    startend_tests();
    long_tests();
    fuzz(5000, 11, 0);
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        printf("no C.UTF-8\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof utf8_tests / sizeof utf8_tests[0]; i++, n++) run(&utf8_tests[i]);
    fuzz(3000, 12, 1);
    printf("%zu patterns\n", n);
    return 0;
}
