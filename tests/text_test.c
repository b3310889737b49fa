/*
 * text_test.c - test driver for the text layer (zk_text_from_utf8, and
 * zk_text_from_bytes for cases with an "options" section).
 *
 *   text_test case FILE.case...     run data cases (format: docs/text.md)
 *   text_test dump FILE.case...     print what the inputs give, as sections
 *   text_test invariants PATH...    every file (or every file of a folder)
 *                                   must normalise and pass text_check()
 *   text_test errors                zk_error_* and zk_status_str
 *   text_test util                  the helpers of extract/util.c
 *   text_test scale [MB]            large synthetic inputs: one MB-sized
 *                                   line, a million one-character lines,
 *                                   a million tiny paragraphs (prints MB/s)
 *
 * Exit status 0 when everything passed, 1 otherwise; every failure is
 * printed as "file: what".
 */
#include "text_check.h"
#include "zhkg.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int failures;

static void fail(const char *file, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void fail(const char *file, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", file);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    zk_buf b;
    char chunk[65536];
    size_t k;
    zk_buf_init(&b);
    zk_buf_append(&b, "", 0);
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        zk_buf_append(&b, chunk, k);
    fclose(f);
    *len = b.len;
    return b.data;
}

/* \n \r \t \\ \xHH escapes; literal line breaks are dropped. */
static void unescape(const char *s, size_t n, zk_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r')
            continue;
        if (c == '\\' && i + 1 < n) {
            char e = s[++i];
            if (e == 'n')
                c = '\n';
            else if (e == 'r')
                c = '\r';
            else if (e == 't')
                c = '\t';
            else if (e == 'x' && i + 2 < n) {
                char hex[3] = {s[i + 1], s[i + 2], 0};
                c = (char)strtol(hex, NULL, 16);
                i += 2;
            } else
                c = e;
        }
        zk_buf_append(out, &c, 1);
    }
}

/* ------------------------------------------------------------------ */
/* Case files */

typedef struct section {
    char name[32];
    char arg[256];
    const char *body;
    size_t len;
} section;

static size_t parse_sections(char *text, section *sec, size_t max)
{
    size_t n = 0;
    char *p = text;
    while (*p) {
        char *eol = strchr(p, '\n');
        size_t ll = eol ? (size_t)(eol - p) : strlen(p);
        char *next = eol ? eol + 1 : p + ll;
        if (ll >= 4 && strncmp(p, "=== ", 4) == 0 && n < max) {
            section *s = &sec[n++];
            char line[300];
            snprintf(line, sizeof line, "%.*s", (int)(ll - 4), p + 4);
            s->arg[0] = '\0';
            if (sscanf(line, "%31s %255[^\n]", s->name, s->arg) < 1)
                s->name[0] = '\0';
            s->body = next;
            s->len = 0;
            if (n > 1)
                sec[n - 2].len = (size_t)(p - sec[n - 2].body);
        }
        p = next;
    }
    if (n)
        sec[n - 1].len = (size_t)(p - sec[n - 1].body);
    return n;
}

/* Does some sentence contain needle? */
static int in_one_sentence(const zk_text *t, const char *needle, size_t nn)
{
    for (size_t s = 0; s < t->nsent; s++) {
        const char *a = t->norm + t->sent[s].start;
        size_t l = t->sent[s].end - t->sent[s].start;
        for (size_t i = 0; i + nn <= l; i++)
            if (memcmp(a + i, needle, nn) == 0)
                return 1;
    }
    return 0;
}

static void check_lines(const char *file, const section *sec, const zk_text *t)
{
    const char *p = sec->body, *end = sec->body + sec->len;
    size_t idx = 0;
    char msg[160];
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t ll = eol ? (size_t)(eol - p) : (size_t)(end - p);
        char line[4096];
        snprintf(line, sizeof line, "%.*s", (int)ll, p);
        p += ll + (eol ? 1 : 0);
        if (!strcmp(sec->name, "contains")) {
            if (ll && !in_one_sentence(t, line, ll))
                fail(file, "no sentence contains \"%s\"", line);
        } else if (!strcmp(sec->name, "sentences")) {
            size_t para;
            char flag;
            int off = 0;
            if (sscanf(line, "%zu %c %n", &para, &flag, &off) < 2 || !off) {
                fail(file, "bad sentences line \"%s\"", line);
                continue;
            }
            if (idx >= t->nsent) {
                fail(file, "missing sentence \"%s\"", line);
                idx++;
                continue;
            }
            const zk_sentence *s = &t->sent[idx++];
            char got[4096];
            snprintf(got, sizeof got, "%zu %c %.*s", s->para,
                     s->headline ? 'H' : '-', (int)(s->end - s->start),
                     t->norm + s->start);
            if (strcmp(got, line) != 0 || para != s->para)
                fail(file, "sentence\n  expected: %s\n  got:      %s", line,
                     got);
        } else if (!strcmp(sec->name, "spans")) {
            size_t s;
            int off = 0;
            if (sscanf(line, "%zu %n", &s, &off) < 1 || s >= t->nsent) {
                fail(file, "bad spans line \"%s\"", line);
                continue;
            }
            zk_buf want;
            zk_buf_init(&want);
            zk_buf_append(&want, "", 0);
            unescape(line + off, strlen(line + off), &want);
            size_t a = t->map[t->sent[s].start], b = t->map[t->sent[s].end];
            if (b - a != want.len || memcmp(t->orig + a, want.data, want.len))
                fail(file, "span of sentence: expected \"%s\"", line);
            zk_buf_free(&want);
        } else if (!strcmp(sec->name, "map")) {
            size_t i, v;
            if (sscanf(line, "%zu %zu", &i, &v) != 2 || i > t->norm_len) {
                fail(file, "bad map line \"%s\"", line);
                continue;
            }
            snprintf(msg, sizeof msg, "%zu", t->map[i]);
            if (t->map[i] != v)
                fail(file, "map %s: got %s", line, msg);
        }
    }
    if (!strcmp(sec->name, "sentences") && idx < t->nsent) {
        snprintf(msg, sizeof msg, "%zu expected, %zu produced", idx, t->nsent);
        fail(file, "extra sentences: %s", msg);
    }
}

static void check_error(const char *file, const section *sec, zk_status st,
                        const zk_error *err)
{
    const char *p = sec->body, *end = sec->body + sec->len;
    char buf[1200], got[1300];
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t ll = eol ? (size_t)(eol - p) : (size_t)(end - p);
        char line[1200], key[32] = "";
        int off = 0;
        snprintf(line, sizeof line, "%.*s", (int)ll, p);
        p += ll + (eol ? 1 : 0);
        if (sscanf(line, "%31s %n", key, &off) < 1)
            continue;
        const char *want = line + off;
        if (!strcmp(key, "status"))
            snprintf(got, sizeof got, "%s", zk_status_str(st));
        else if (!strcmp(key, "offset"))
            snprintf(got, sizeof got, "%lld", err->offset);
        else if (!strcmp(key, "line"))
            snprintf(got, sizeof got, "%ld:%ld", err->line, err->col);
        else if (!strcmp(key, "message"))
            snprintf(got, sizeof got, "%s", err->msg);
        else if (!strcmp(key, "format")) {
            zk_error_format(err, buf, sizeof buf);
            snprintf(got, sizeof got, "%s", buf);
        } else {
            fail(file, "unknown error key \"%s\"", key);
            continue;
        }
        if (strcmp(got, want) != 0)
            fail(file, "error %s: expected \"%s\", got \"%s\"", key, want,
                 got);
    }
}

/* text_test dump CASE...: print what the case's input gives, in the
 * sections of a case file (for writing the expected parts of a new case;
 * read them before you paste them). */
static int dump_mode;

static void dump_escaped(const char *s, size_t n, int utf8)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c == '\\')
            fputs("\\\\", stdout);
        else if (c < 0x20 || c == 0x7F)
            printf("\\x%02X", c);
        else if (c >= 0x80 && !utf8)
            printf("\\x%02X", c);
        else if (c >= 0x80) {
            uint32_t cp;
            size_t k = zk_utf8_decode(s + i, n - i, &cp);
            if (k == 0) {
                printf("\\x%02X", c);
                continue;
            }
            fwrite(s + i, 1, k, stdout);
            i += k - 1;
        } else
            putchar(c);
    }
}

static void dump(const zk_text *t, zk_status st, const zk_error *err)
{
    if (st != ZK_OK) {
        char buf[1200];
        zk_error_format(err, buf, sizeof buf);
        printf("=== error\nstatus %s\noffset %lld\nline %ld:%ld\n"
               "message %s\nformat %s\n", zk_status_str(st), err->offset,
               err->line, err->col, err->msg, buf);
        return;
    }
    printf("=== norm\n%s=== sentences\n", t->norm);
    for (size_t i = 0; i < t->nsent; i++)
        printf("%zu %c %.*s\n", t->sent[i].para, t->sent[i].headline ? 'H' : '-',
               (int)(t->sent[i].end - t->sent[i].start),
               t->norm + t->sent[i].start);
    printf("=== spans\n");
    int utf8 = zk_text_validate(NULL, t->orig, t->orig_len, 0, NULL) == ZK_OK;
    for (size_t i = 0; i < t->nsent; i++) {
        size_t a = t->map[t->sent[i].start], b = t->map[t->sent[i].end];
        printf("%zu ", i);
        dump_escaped(t->orig + a, b - a, utf8);
        putchar('\n');
    }
}

static void run_case(const char *file)
{
    size_t len;
    char *text = read_file(file, &len);
    section sec[16];
    zk_buf in;
    char name[256] = "test.txt", dir[1024];
    int have_input = 0;

    if (!text) {
        fail(file, "cannot read");
        return;
    }
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        strcpy(dir, "./");
    zk_buf_init(&in);
    zk_buf_append(&in, "", 0);
    size_t ns = parse_sections(text, sec, 16);
    for (size_t i = 0; i < ns; i++) {
        section *s = &sec[i];
        if (!strcmp(s->name, "name")) {
            snprintf(name, sizeof name, "%s", s->arg);
        } else if (!strcmp(s->name, "input")) {
            zk_buf_append(&in, s->body, s->len);
            have_input = 1;
        } else if (!strcmp(s->name, "input-noeol")) {
            zk_buf_append(&in, s->body,
                          s->len && s->body[s->len - 1] == '\n' ? s->len - 1
                                                                : s->len);
            have_input = 1;
        } else if (!strcmp(s->name, "input-esc")) {
            unescape(s->body, s->len, &in);
            have_input = 1;
        } else if (!strcmp(s->name, "input-repeat")) {
            /* The body without its final line break, ARG times. */
            size_t n = (size_t)strtoul(s->arg, NULL, 10);
            size_t bl = s->len && s->body[s->len - 1] == '\n' ? s->len - 1
                                                              : s->len;
            for (size_t k = 0; k < n; k++)
                zk_buf_append(&in, s->body, bl);
            have_input = 1;
        } else if (!strcmp(s->name, "input-file")) {
            char path[1400];
            size_t fl;
            snprintf(path, sizeof path, "%s%s", dir, s->arg);
            char *data = read_file(path, &fl);
            if (!data) {
                fail(file, "cannot read %s", path);
                break;
            }
            zk_buf_append(&in, data, fl);
            free(data);
            const char *base = strrchr(s->arg, '/');
            snprintf(name, sizeof name, "%s", base ? base + 1 : s->arg);
            have_input = 1;
        }
    }
    if (!have_input)
        fail(file, "no input section");

    /* "=== options format=html encoding=gbk": read with zk_text_from_bytes
     * (any of the two may be left out; "=== options" alone: all detected). */
    zk_input_options opt;
    char optbuf[256] = "", encbuf[64] = "";
    int bytes = 0;
    memset(&opt, 0, sizeof opt);
    for (size_t i = 0; i < ns; i++)
        if (!strcmp(sec[i].name, "options")) {
            bytes = 1;
            snprintf(optbuf, sizeof optbuf, "%s", sec[i].arg);
        }
    for (char *tok = strtok(optbuf, " "); tok; tok = strtok(NULL, " ")) {
        if (!strcmp(tok, "format=html"))
            opt.format = ZK_INPUT_HTML;
        else if (!strcmp(tok, "format=text"))
            opt.format = ZK_INPUT_TEXT;
        else if (!strncmp(tok, "encoding=", 9))
            opt.encoding = strcpy(encbuf, tok + 9);
        else if (strcmp(tok, "format=auto") != 0)
            fail(file, "unknown option \"%s\"", tok);
    }

    zk_text *t = NULL;
    zk_error err;
    memset(&err, 0, sizeof err);
    zk_status st = bytes ? zk_text_from_bytes(name, in.data, in.len, &opt, &t,
                                              &err)
                         : zk_text_from_utf8(name, in.data, in.len, &t, &err);
    if (dump_mode) {
        dump(t, st, &err);
        zk_text_free(t);
        zk_buf_free(&in);
        free(text);
        return;
    }
    int expect_error = 0;
    for (size_t i = 0; i < ns; i++)
        if (!strcmp(sec[i].name, "error")) {
            expect_error = 1;
            check_error(file, &sec[i], st, &err);
        }
    if (st != ZK_OK) {
        if (!expect_error) {
            char msg[1200];
            zk_error_format(&err, msg, sizeof msg);
            fail(file, "unexpected error: %s", msg);
        }
    } else if (expect_error) {
        fail(file, "expected an error, got none");
    } else {
        char why[256];
        if (text_check_ex(t, in.data, in.len, !bytes, why, sizeof why))
            fail(file, "invariant: %s", why);
        for (size_t i = 0; i < ns; i++) {
            section *s = &sec[i];
            if (!strcmp(s->name, "norm")) {
                if (s->len != t->norm_len ||
                    memcmp(s->body, t->norm, s->len) != 0)
                    fail(file, "norm\n--- expected\n%.*s--- got\n%s",
                         (int)s->len, s->body, t->norm);
            } else {
                check_lines(file, s, t);
            }
        }
    }
    zk_text_free(t);
    zk_buf_free(&in);
    free(text);
}

/* ------------------------------------------------------------------ */
/* Invariants over real files */

static int cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void run_invariants(const char *path)
{
    struct stat stt;
    if (stat(path, &stt) != 0) {
        fail(path, "cannot stat");
        return;
    }
    if (S_ISDIR(stt.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *de;
        char **names = NULL;
        size_t n = 0;
        while (d && (de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            names = zk_xrealloc(names, (n + 1) * sizeof *names);
            size_t l = strlen(path) + strlen(de->d_name) + 2;
            names[n] = zk_xmalloc(l);
            snprintf(names[n++], l, "%s/%s", path, de->d_name);
        }
        if (d)
            closedir(d);
        if (n)
            qsort(names, n, sizeof *names, cmp_names);
        if (n == 0)
            fail(path, "empty folder");
        for (size_t i = 0; i < n; i++) {
            run_invariants(names[i]);
            free(names[i]);
        }
        free(names);
        return;
    }
    size_t len;
    char *buf = read_file(path, &len);
    zk_text *t = NULL;
    zk_error err;
    char why[256];
    if (!buf) {
        fail(path, "cannot read");
        return;
    }
    if (zk_text_from_utf8(path, buf, len, &t, &err) != ZK_OK) {
        fail(path, "%s", err.msg);
    } else {
        if (text_check(t, buf, len, why, sizeof why))
            fail(path, "%s", why);
        else if (t->nsent == 0)
            fail(path, "no sentences");
        printf("%s: %zu bytes, %zu paragraphs, %zu sentences\n", path, len,
               t->nsent ? t->sent[t->nsent - 1].para + 1 : 0, t->nsent);
    }
    zk_text_free(t);
    free(buf);
}

/* ------------------------------------------------------------------ */
/* Scale */

static void run_scale_one(const char *what, const char *buf, size_t len,
                          size_t want_sent, size_t want_norm)
{
    zk_text *t = NULL;
    zk_error err;
    char why[256], nums[64];
    clock_t c0 = clock();
    if (zk_text_from_utf8(what, buf, len, &t, &err) != ZK_OK) {
        fail(what, "%s", err.msg);
        return;
    }
    double sec = (double)(clock() - c0) / CLOCKS_PER_SEC;
    printf("%s: %.1f MB in %.3f s, %.0f MB/s, %zu sentences\n", what,
           len / 1e6, sec, sec > 0 ? len / 1e6 / sec : 0.0, t->nsent);
    snprintf(nums, sizeof nums, "%zu/%zu", t->nsent, t->norm_len);
    if (t->nsent != want_sent || t->norm_len != want_norm)
        fail(what, "sentences/norm bytes %s, expected %s", nums,
             (snprintf(why, sizeof why, "%zu/%zu", want_sent, want_norm), why));
    else if (text_check(t, buf, len, why, sizeof why))
        fail(what, "%s", why);
    zk_text_free(t);
}

static void run_scale(size_t mb)
{
    /* One line of MB megabytes: 10-character sentences without a break. */
    const char *unit = "北京经济技术开发区。"; /* 30 bytes */
    size_t n = mb * 1000000 / 30, len = n * 30;
    char *buf = zk_xmalloc(len + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(buf + 30 * i, unit, 30);
    run_scale_one("one long line", buf, len, n, len + 1);
    free(buf);

    /* A million one-character lines: one hard-wrapped paragraph. */
    n = 1000000;
    buf = zk_xmalloc(4 * n);
    for (size_t i = 0; i < n; i++)
        memcpy(buf + 4 * i, "\xE5\xAD\x97\n", 4); /* 字 */
    run_scale_one("million lines", buf, 4 * n, 1, 3 * n + 1);

    /* Half a million one-character paragraphs: "字\n\n" each. */
    size_t l2 = 0;
    while (l2 + 5 <= 4 * n) {
        memcpy(buf + l2, "\xE5\xAD\x97\n\n", 5);
        l2 += 5;
    }
    run_scale_one("many paragraphs", buf, l2, l2 / 5, l2 / 5 * 4);
    free(buf);
}

/* ------------------------------------------------------------------ */
/* Error records and util.c */

static void expect_str(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        fail(what, "expected \"%s\", got \"%s\"", want, got);
}

static void run_errors(void)
{
    static const struct {
        const char *file;
        long line, col;
        long long off;
        const char *want;
    } fmt[] = {
        {"a.txt", 3, 5, 10, "a.txt:3:5: bad thing 7"},
        {"a.txt", 3, 0, 10, "a.txt:3: bad thing 7"},
        {"a.txt", 0, 0, 10, "a.txt: byte 10: bad thing 7"},
        {"a.txt", 0, 0, -1, "a.txt: bad thing 7"},
        {"", 3, 5, 10, "3:5: bad thing 7"},
        {"", 0, 0, 0, "byte 0: bad thing 7"},
        {NULL, 0, 0, -1, "bad thing 7"},
    };
    zk_error e;
    char buf[1100];
    for (size_t i = 0; i < sizeof fmt / sizeof fmt[0]; i++) {
        zk_status st = zk_error_set(&e, ZK_ERR_RULES, fmt[i].file, fmt[i].line,
                                    fmt[i].col, fmt[i].off, "bad %s %d",
                                    "thing", 7);
        if (st != ZK_ERR_RULES)
            fail("zk_error_set", "returned %d", (int)st);
        zk_error_format(&e, buf, sizeof buf);
        expect_str("zk_error_format", buf, fmt[i].want);
    }
    if (zk_error_set(NULL, ZK_ERR_IO, "x", 1, 1, 0, "ignored") != ZK_ERR_IO)
        fail("zk_error_set", "NULL record: wrong status");

    /* Long messages and small buffers are cut, never overrun. */
    char longmsg[2000];
    memset(longmsg, 'x', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    zk_error_set(&e, ZK_ERR_INPUT, longmsg, 1, 2, 3, "%s", longmsg);
    if (strlen(e.msg) != sizeof e.msg - 1 || strlen(e.file) != sizeof e.file - 1)
        fail("zk_error_set", "long strings not cut to the record size");
    zk_error_set(&e, ZK_ERR_INPUT, "f", 1, 2, 3, "abcdef");
    buf[7] = 'Z';
    zk_error_format(&e, buf, 7);
    expect_str("zk_error_format (7 bytes)", buf, "f:1:2:");
    zk_error_format(NULL, buf, sizeof buf);
    expect_str("zk_error_format (NULL)", buf, "");

    static const char *const names[] = {"ok", "invalid input",
        "input/output error", "bad rule file", "out of memory", "usage error"};
    for (int st = ZK_OK; st <= ZK_ERR_USAGE; st++)
        expect_str("zk_status_str", zk_status_str((zk_status)st), names[st]);
    expect_str("zk_status_str", zk_status_str((zk_status)99), "unknown status");

    /* API misuse is a usage error, not a crash. */
    zk_text *t = (zk_text *)&e;
    if (zk_text_from_utf8("x", NULL, 5, &t, &e) != ZK_ERR_USAGE)
        fail("zk_text_from_utf8", "NULL buffer with a length accepted");
    if (zk_text_from_utf8("x", "a", 1, NULL, &e) != ZK_ERR_USAGE)
        fail("zk_text_from_utf8", "NULL out accepted");
    if (zk_text_from_utf8(NULL, NULL, 0, &t, NULL) != ZK_OK || !t ||
        t->norm_len != 0 || t->nsent != 0 || strcmp(t->name, "") != 0)
        fail("zk_text_from_utf8", "NULL name and empty buffer not accepted");
    zk_text_free(t);
    zk_text_free(NULL);
}

static void run_util(void)
{
    /* Every scalar value encodes and decodes back; surrogates do not
     * decode. */
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        char b[4];
        uint32_t back = 0;
        size_t k = zk_utf8_encode(cp, b);
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        size_t d = zk_utf8_decode(b, k, &back);
        int sur = cp >= 0xD800 && cp <= 0xDFFF;
        if (k != want || (sur ? d != 0 : d != k || back != cp) ||
            (!sur && k > 1 && zk_utf8_decode(b, k - 1, &back) != 0)) {
            char num[16];
            snprintf(num, sizeof num, "U+%04X", (unsigned)cp);
            fail("zk_utf8_encode/decode", "round trip fails at %s", num);
            break;
        }
    }
    const char *s = "a\xC2\xB7\xE4\xBA\xAC\xF0\xA0\x80\x80";
    if (zk_utf8_prev(s, 1) != 1 || zk_utf8_prev(s, 3) != 2 ||
        zk_utf8_prev(s, 6) != 3 || zk_utf8_prev(s, 10) != 4)
        fail("zk_utf8_prev", "wrong lengths");
    if (!zk_is_han(0x4EAC) || !zk_is_han(0x3400) || !zk_is_han(0x20000) ||
        !zk_is_han(0x3007) || zk_is_han(0x3002) || zk_is_han('A') ||
        zk_is_han(0xFF21) || zk_is_han(0xB7))
        fail("zk_is_han", "wrong class");
    if (zk_hash64("", 0) != 0xcbf29ce484222325ULL ||
        zk_hash64("a", 1) != 0xaf63dc4c8601ec8cULL)
        fail("zk_hash64", "not FNV-1a 64");
    zk_buf b;
    zk_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        zk_buf_puts(&b, "京");
    zk_buf_putc(&b, '!');
    zk_buf_append(&b, "xyz", 2);
    if (b.len != 3003 || b.data[b.len] != '\0' ||
        memcmp(b.data + 2997, "\xE4\xBA\xAC!xy", 6) != 0)
        fail("zk_buf", "wrong contents");
    zk_buf_free(&b);
    if (b.data || b.len)
        fail("zk_buf_free", "buffer not reset");
    char *d = zk_xstrndup("abcdef", 3);
    expect_str("zk_xstrndup", d, "abc");
    free(d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: text_test case|dump|invariants|errors|util|scale "
                        "ARGS...\n");
        return 2;
    }
    if (!strcmp(argv[1], "case") || !strcmp(argv[1], "dump")) {
        dump_mode = !strcmp(argv[1], "dump");
        for (int i = 2; i < argc; i++)
            run_case(argv[i]);
    } else if (!strcmp(argv[1], "invariants")) {
        for (int i = 2; i < argc; i++)
            run_invariants(argv[i]);
    } else if (!strcmp(argv[1], "errors")) {
        run_errors();
    } else if (!strcmp(argv[1], "util")) {
        run_util();
    } else if (!strcmp(argv[1], "scale")) {
        run_scale(argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 100);
    } else {
        fprintf(stderr, "text_test: unknown mode %s\n", argv[1]);
        return 2;
    }
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
