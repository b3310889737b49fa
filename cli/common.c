/*
 * common.c - helpers of the subcommands in cli/cmd_*.c (see common.h).
 *
 * The message shape, option forms and rules folder search are those of
 * `zhkg build` (cli/main.c, docs/cli.md), which uses them too.  Output
 * files are written through the library's zk_outfile (export/outfile.c),
 * whole or not at all.
 */
#include "common.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ZHKG_RULES_INSTALL_DIR
#define ZHKG_RULES_INSTALL_DIR "/usr/local/share/zhkg/rules"
#endif

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    cli_progress_clear(); /* a message never lands inside a progress line */
    fputs("zhkg: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *fmt, const char *arg)
{
    fputs("zhkg: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'zhkg --help' for more information.\n", stderr);
    return CLI_EXIT_USAGE;
}

void cli_report(const zk_error *err, const char *path)
{
    zk_error e = *err;
    char buf[1200];
    if (e.file[0] == '\0') /* %.*s: a longer path is cut, as gcc -O3 warns */
        snprintf(e.file, sizeof e.file, "%.*s", (int)sizeof e.file - 1, path);
    zk_error_format(&e, buf, sizeof buf);
    cli_msg("%s", buf);
}

int cli_opt_value(char **argv, int argc, int *i, char s, const char *l,
                  const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(l);
    if (s && a[0] == '-' && a[1] == s) {
        if (a[2] != '\0') {
            *val = a + 2;
            return 1;
        }
    } else if (strncmp(a, "--", 2) == 0 && strncmp(a + 2, l, n) == 0 &&
               (a[2 + n] == '\0' || a[2 + n] == '=')) {
        if (a[2 + n] == '=') {
            *val = a + 3 + n;
            return 1;
        }
    } else {
        return 0;
    }
    if (*i + 1 >= argc)
        return -1;
    *val = argv[++*i];
    return 1;
}

int cli_jobs_value(const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || n < 1 || n > 256)
        return 0;
    return (int)n;
}

int cli_args_take(char **argv, int argc, int *i, cli_args *a, unsigned flags)
{
    const char *s = argv[*i], *v = NULL;
    int r;
    int ex = (flags & CLI_ARGS_EXTRACT) != 0;
    if (a->only_inputs || s[0] != '-' || strcmp(s, "-") == 0) {
        if (strcmp(s, "-") == 0 && a->nstdin++) {
            cli_usage_error("'-' (standard input) given %s", "twice");
            return -1;
        }
        a->in[a->nin++] = s;
    } else if (strcmp(s, "--") == 0) {
        a->only_inputs = 1;
    } else if (strcmp(s, "-q") == 0 || strcmp(s, "--quiet") == 0) {
        a->quiet = 1;
    } else if (ex && (strcmp(s, "-k") == 0 || strcmp(s, "--keep-going") == 0)) {
        a->keep_going = 1;
    } else if ((r = cli_opt_value(argv, argc, i, 'j', "jobs", &v)) != 0) {
        if (r < 0 || (a->jobs = cli_jobs_value(v)) == 0) {
            if (r < 0)
                cli_usage_error("option '%s' needs a number of threads", s);
            else
                cli_usage_error("bad number of threads '%s' (use 1 to 256)", v);
            return -1;
        }
    } else if (ex && (r = cli_opt_value(argv, argc, i, 0, "rules", &v)) != 0) {
        if (r < 0) {
            cli_usage_error("option '%s' needs a directory", s);
            return -1;
        }
        a->rules = v;
    } else if (ex && (r = cli_opt_value(argv, argc, i, 0, "home-city", &v)) != 0) {
        if (r < 0 || !*v) {
            cli_usage_error("option '%s' needs a city name", s);
            return -1;
        }
        a->home_city = v;
    } else if (ex && (r = cli_opt_value(argv, argc, i, 0, "encoding", &v)) != 0) {
        if (r < 0) {
            cli_usage_error("option '%s' needs an encoding", s);
            return -1;
        }
        if (!zk_encoding_supported(v)) {
            cli_usage_error("unknown encoding '%s' (use auto, gbk, gb18030, big5, "
                            "utf-16le, utf-16be or a name iconv knows)", v);
            return -1;
        }
        a->encoding = v;
    } else {
        return 0;
    }
    return 1;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_find_rules(const char *opt, char *buf, size_t size)
{
    const char *env = getenv("ZHKG_RULES");
    char exe[PATH_MAX];
    ssize_t n;
    char *slash;

    if (opt != NULL)
        return opt;
    if (env != NULL && env[0] != '\0')
        return env;
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if ((slash = strrchr(exe, '/')) != NULL) {
            *slash = '\0';
            snprintf(buf, size, "%s/rules", exe);
            if (is_dir(buf))
                return buf;
            snprintf(buf, size, "%s/../share/zhkg/rules", exe);
            if (is_dir(buf))
                return buf;
        }
    }
    return ZHKG_RULES_INSTALL_DIR;
}

/* ------------------------------------------------------------------ */
/* Files written whole or not at all                                   */

int cli_out_open(cli_out *o, const char *path)
{
    zk_error err;
    memset(&err, 0, sizeof err);
    memset(o, 0, sizeof *o);
    if (zk_outfile_open(path, &o->of, &o->f, &err) != ZK_OK) {
        cli_report(&err, path);
        return 1;
    }
    return 0;
}

int cli_out_commit(cli_out *o)
{
    zk_error err;
    memset(&err, 0, sizeof err);
    zk_status st = zk_outfile_commit(o->of, &err);
    memset(o, 0, sizeof *o);
    if (st != ZK_OK) {
        cli_report(&err, "");
        return 1;
    }
    return 0;
}

void cli_out_abort(cli_out *o)
{
    zk_outfile_abort(o->of);
    memset(o, 0, sizeof *o);
}
