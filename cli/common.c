/*
 * common.c - helpers of the subcommands in cli/cmd_*.c (see common.h).
 *
 * The message shape, option forms and rules folder search are those of
 * `zhkg build` (cli/main.c, docs/cli.md).  Output files are written the
 * way zk_export_file() writes graphs: a temporary file created with
 * mkstemp() in the target's directory (so rename() never crosses a file
 * system), given the mode fopen() would have given or the replaced file's
 * mode, flushed, fsync()ed and renamed over the target; a failure removes
 * it and leaves the previous file as it was.
 */
#include "common.h"

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
    if (e.file[0] == '\0')
        snprintf(e.file, sizeof e.file, "%s", path);
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

static void out_clear(cli_out *o)
{
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

int cli_out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        o->path = strdup(path);
        if (!o->path) {
            cli_msg("%s", strerror(ENOMEM));
            return 1;
        }
        return 0;
    }
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp) {
        cli_msg("%s", strerror(ENOMEM));
        out_clear(o);
        return 1;
    }
    /* dir/.name.XXXXXX: hidden, beside the target */
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        cli_msg("%s: cannot create a temporary file: %s", path,
                strerror(errno));
        out_clear(o);
        return 1;
    }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        cli_msg("%s: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        out_clear(o);
        return 1;
    }
    return 0;
}

/* Mode for a new file: what fopen() would give (0666 less the umask), or
 * the mode of the file being replaced. */
static mode_t target_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mode_t mask = umask(022);   /* reading the umask means setting it */
    umask(mask);
    return 0666 & ~mask;
}

int cli_out_commit(cli_out *o)
{
    const char *what = NULL;
    int e = 0;

    if (!o->tmp) {                                  /* standard output */
        if (fflush(o->f) != 0 || ferror(o->f)) {
            cli_msg("%s: cannot write: %s", "<stdout>", strerror(errno));
            out_clear(o);
            return 1;
        }
        out_clear(o);
        return 0;
    }
    int fd = fileno(o->f);
    if (fflush(o->f) != 0 || ferror(o->f))
        what = "cannot write";
    else if (fchmod(fd, target_mode(o->path)) != 0)
        what = "cannot set the file mode";
    else if (fsync(fd) != 0)
        what = "cannot sync";
    e = what ? errno : 0;
    if (fclose(o->f) != 0 && !what) {
        what = "cannot close";
        e = errno;
    }
    if (!what && rename(o->tmp, o->path) != 0) {
        what = "cannot rename the temporary file into place";
        e = errno;
    }
    if (what) {
        cli_msg("%s: %s: %s", o->path, what, strerror(e));
        unlink(o->tmp);
        out_clear(o);
        return 1;
    }
    /* Make the rename itself durable; a failure here loses nothing. */
    const char *slash = strrchr(o->path, '/');
    if (slash)
        *(char *)slash = '\0';            /* o->path is ours: cut to the dir */
    int dfd = open(slash ? (*o->path ? o->path : "/") : ".", O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    out_clear(o);
    return 0;
}

void cli_out_abort(cli_out *o)
{
    if (o->tmp) {
        if (o->f)
            fclose(o->f);
        unlink(o->tmp);
    } else if (o->f) {
        fflush(o->f);
    }
    out_clear(o);
}
