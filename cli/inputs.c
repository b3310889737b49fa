/*
 * inputs.c - expand INPUT arguments into the list of files to read.
 *
 * A directory is walked depth first with its entries sorted, so the walk is
 * the same on every machine whatever order readdir() returns; the files
 * found are then sorted by the bytes of their paths, so `zhkg build dir/`
 * reads exactly what `zhkg build $(find dir -name '*.txt' | LC_ALL=C sort)`
 * would (with *.html and *.htm as well).  Only regular files are taken
 * from a directory: a FIFO named x.txt would block the run for ever, a
 * link to a device never end, so they are items with err CLI_ENOTREG.
 * Symbolic links are followed; every directory is entered once, recognised
 * by (st_dev, st_ino), which is what keeps a link loop (a -> ..) from
 * walking for ever.
 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct walk {
    cli_inputs *out;
    dir_id *seen;  /* directories already entered */
    size_t nseen, capseen;
} walk;

void cli_inputs_init(cli_inputs *l)
{
    memset(l, 0, sizeof *l);
}

const char *cli_input_strerror(int err)
{
    return err == CLI_ENOTREG ? "not a regular file" : strerror(err);
}

void cli_inputs_free(cli_inputs *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->item[i].path);
    free(l->item);
    cli_inputs_init(l);
}

/* Append an item; takes ownership of path (freed on failure). */
static int push(cli_inputs *l, char *path, int err, int is_dir)
{
    if (path == NULL)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        cli_input *p = realloc(l->item, cap * sizeof *p);
        if (p == NULL) {
            free(path);
            return -1;
        }
        l->item = p;
        l->cap = cap;
    }
    l->item[l->n].path = path;
    l->item[l->n].err = err;
    l->item[l->n].is_dir = is_dir;
    l->n++;
    return 0;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

/* dir + "/" + name, without doubling a trailing slash of dir. */
static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && dir[a - 1] != '/';
    char *p = malloc(a + (size_t)slash + b + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

/* An input by its name: *.txt, *.html, *.htm. */
static int is_input(const char *name)
{
    static const char *const ext[] = {".txt", ".html", ".htm"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n > k && strcmp(name + n - k, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_item(const void *a, const void *b)
{
    return strcmp(((const cli_input *)a)->path, ((const cli_input *)b)->path);
}

/* Record st as entered; returns 1 if it was already, -1 out of memory. */
static int enter(walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->nseen; i++)
        if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
            return 1;
    if (w->nseen == w->capseen) {
        size_t cap = w->capseen ? 2 * w->capseen : 16;
        dir_id *p = realloc(w->seen, cap * sizeof *p);
        if (p == NULL)
            return -1;
        w->seen = p;
        w->capseen = cap;
    }
    w->seen[w->nseen].dev = st->st_dev;
    w->seen[w->nseen].ino = st->st_ino;
    w->nseen++;
    return 0;
}

/* Read the names in dir, sorted.  Returns the count, or -1 with errno. */
static long read_names(const char *dir, char ***out)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;

    *out = NULL;
    if (d == NULL)
        return -1;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            size_t c = cap ? 2 * cap : 32;
            char **p = realloc(names, c * sizeof *p);
            if (p == NULL)
                goto fail;
            names = p;
            cap = c;
        }
        if ((names[n] = xstrdup(e->d_name)) == NULL)
            goto fail;
        n++;
        errno = 0;
    }
    if (errno != 0)
        goto fail;
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    *out = names;
    return (long)n;
fail: {
        int saved = errno ? errno : ENOMEM;
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        closedir(d);
        errno = saved;
        return -1;
    }
}

static int walk_dir(walk *w, const char *dir)
{
    char **names;
    long n = read_names(dir, &names);
    int rc = 0;

    if (n < 0)
        return errno == ENOMEM ? -1 : push(w->out, xstrdup(dir), errno, 0);
    for (long i = 0; i < n && rc == 0; i++) {
        char *path = join(dir, names[i]);
        struct stat st;
        if (path == NULL) {
            rc = -1;
        } else if (stat(path, &st) != 0) {
            /* A dangling link only matters if it claims to be an input. */
            if (is_input(names[i]))
                rc = push(w->out, path, errno, 0), path = NULL;
        } else if (S_ISDIR(st.st_mode)) {
            int seen = enter(w, &st);
            rc = seen < 0 ? -1 : seen ? 0 : walk_dir(w, path);
        } else if (is_input(names[i])) {
            rc = push(w->out, path, S_ISREG(st.st_mode) ? 0 : CLI_ENOTREG, 0);
            path = NULL;
        }
        free(path);
    }
    for (long i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int cli_inputs_add(cli_inputs *l, const char *arg)
{
    struct stat st;
    walk w = { l, NULL, 0, 0 };
    size_t first = l->n;
    int rc;

    if (strcmp(arg, "-") == 0 || stat(arg, &st) != 0 || !S_ISDIR(st.st_mode))
        /* Files, stdin and missing paths: reading them reports errors. */
        return push(l, xstrdup(arg), 0, 0);
    rc = enter(&w, &st);
    if (rc == 0)
        rc = walk_dir(&w, arg);
    free(w.seen);
    if (rc != 0)
        return rc;
    if (l->n == first)
        return push(l, xstrdup(arg), 0, 1);
    qsort(l->item + first, l->n - first, sizeof *l->item, cmp_item);
    return 0;
}
