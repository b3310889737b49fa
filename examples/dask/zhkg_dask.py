#!/usr/bin/python3
"""zhkg_dask.py - build a zhkg graph on a Dask distributed cluster.

    zhkg_dask.py [--scheduler ADDRESS | --workers N] [--shards N]
                 [--zhkg PATH] [--rules DIR] [--parts DIR] [--update STATE]
                 [--task-timeout S] [--timeout S] -o GRAPH [-o GRAPH]...
                 INPUT...

The map step runs on the cluster, the reduce step here (docs/scale.md):

1. `zhkg extract --list INPUT...` expands the inputs into the files zhkg
   build would read, in its order; they are cut into --shards contiguous
   shards (default: two per worker).
2. Each shard is one Dask task, which runs `zhkg extract -o - FILES...` as
   a subprocess on a worker and returns the JSON Lines it wrote; here they
   are written to --parts DIR (default: a temporary folder) as the tasks
   finish, in any order.
3. `zhkg merge -j N -o GRAPH... PARTS...` (N: the cores here) merges the
   parts into the graph, the
   same bytes `zhkg build -o GRAPH INPUT...` writes (the graph does not
   depend on how the documents were cut or in which order they came).
   With --update STATE, merge adds the new documents to the state of an
   earlier run instead, and skips those already in it.

Without --scheduler, a LocalCluster of --workers worker processes (one
thread each) is started here and stopped at the end.  With --scheduler
tcp://HOST:8786 the tasks go to that cluster: every worker must then find
the zhkg binary (and its rules) at the same path, and the current folder
and the inputs at the same paths as this machine (a shared file system;
each task runs in the current folder, so relative paths and the document
names made of them stay the same); the parts come back through Dask, so
the workers need not be able to write here.

Nothing waits for ever: each extract has --task-timeout seconds, the whole
map step --timeout seconds, and connecting to the cluster 30 seconds.

Exit status: that of zhkg merge; 1 when a task failed or timed out, 2 for
bad arguments.  Needs Debian's python3-distributed (Dask).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run_extract(zhkg, rules, files, cwd, timeout):
    """The map task: extract one shard, on a worker, in the folder cwd (so
    that relative paths, and the document names made of them, are those of
    the submitting machine).  Returns (worker, JSON Lines bytes).  Runs in
    the worker's process, so it imports what it needs itself."""
    import subprocess as sp
    try:
        from distributed import get_worker
        where = get_worker().address
    except (ImportError, ValueError):
        where = "local"
    cmd = [zhkg, "extract", "-q", "-o", "-"]
    if rules:
        cmd += ["--rules", rules]
    r = sp.run(cmd + ["--"] + list(files), stdout=sp.PIPE, stderr=sp.PIPE,
               cwd=cwd, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError("zhkg extract failed (status %d) on %s:\n%s" % (
            r.returncode, where, r.stderr.decode("utf-8", "replace")))
    return where, r.stdout


def list_inputs(zhkg, inputs, timeout):
    """The files zhkg build would read for inputs, in its order."""
    r = subprocess.run([zhkg, "extract", "--list", "--"] + inputs,
                       stdout=subprocess.PIPE, timeout=timeout)
    if r.returncode != 0:
        sys.exit(r.returncode)
    files = [f for f in r.stdout.decode("utf-8", "surrogateescape").split("\n") if f]
    if "-" in files:
        sys.exit("zhkg_dask: standard input (-) cannot be sent to a cluster")
    return files


def cut(files, n):
    """n contiguous shards of about the same size (none empty)."""
    n = max(1, min(n, len(files)))
    size, extra = divmod(len(files), n)
    shards, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        shards.append(files[start:end])
        start = end
    return shards


def write_part(path, data):
    """Write a part whole or not at all."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def map_step(client, args, shards, parts_dir):
    """Run one task per shard; write each part as it arrives.  Returns the
    part paths in shard order and the set of workers that ran tasks."""
    from distributed import wait
    zhkg = os.path.abspath(args.zhkg) if os.sep in args.zhkg else args.zhkg
    rules = os.path.abspath(args.rules) if args.rules else None
    futures = {}
    for i, shard in enumerate(shards):
        f = client.submit(run_extract, zhkg, rules, shard, os.getcwd(),
                          args.task_timeout, key="zhkg-extract-%05d" % i,
                          pure=False)
        futures[f] = i
    paths = [os.path.join(parts_dir, "part-%05d.jsonl" % i) for i in range(len(shards))]
    workers = set()
    deadline = time.monotonic() + args.timeout
    pending = set(futures)
    while pending:
        left = deadline - time.monotonic()
        if left <= 0:
            client.cancel(list(pending))
            raise TimeoutError("the map step took more than %g s" % args.timeout)
        done, pending = wait(pending, timeout=left, return_when="FIRST_COMPLETED")
        for f in done:
            where, data = f.result()          # raises the task's error
            workers.add(where)
            write_part(paths[futures[f]], data)
    return paths, workers


def main():
    p = argparse.ArgumentParser(
        description="Build a zhkg graph with the map step on a Dask cluster.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files or directories, as for zhkg build")
    p.add_argument("-o", "--output", action="append", default=[], metavar="GRAPH",
                   help="graph file (.graphml, .dot, .jsonld); may be repeated")
    p.add_argument("--update", metavar="STATE",
                   help="add the documents to the state of an earlier run")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--workers", type=int, default=2,
                   help="workers of the LocalCluster (default 2)")
    p.add_argument("--shards", type=int, default=0,
                   help="number of shards (default: 2 per worker)")
    p.add_argument("--zhkg", default=os.environ.get("ZHKG", "zhkg"),
                   help="the zhkg program (default: $ZHKG, else zhkg on PATH)")
    p.add_argument("--rules", help="rules folder, passed to zhkg extract")
    p.add_argument("--parts", metavar="DIR",
                   help="keep the parts in DIR (default: a temporary folder)")
    p.add_argument("--task-timeout", type=float, default=600,
                   help="seconds one extract may take (default 600)")
    p.add_argument("--timeout", type=float, default=3600,
                   help="seconds the whole map step may take (default 3600)")
    args = p.parse_args()
    if not args.output and not args.update:
        p.error("give -o GRAPH or --update STATE")
    if args.workers < 1 or args.shards < 0:
        p.error("--workers must be at least 1, --shards at least 0")

    from distributed import Client, LocalCluster

    files = list_inputs(args.zhkg, args.inputs, args.task_timeout)
    if not files:
        sys.exit("zhkg_dask: no input file")
    parts_dir = args.parts or tempfile.mkdtemp(prefix="zhkg-parts-")
    os.makedirs(parts_dir, exist_ok=True)
    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster, timeout=30)
        nworkers = len(client.scheduler_info()["workers"])
        shards = cut(files, args.shards or 2 * max(nworkers, 1))
        try:
            paths, workers = map_step(client, args, shards, parts_dir)
        except Exception as e:                # a task failed or timed out
            print("zhkg_dask: %s" % e, file=sys.stderr)
            return 1
        finally:
            client.close(timeout=30)
        print("zhkg_dask: %d files in %d shards extracted by %d of %d workers"
              % (len(files), len(shards), len(workers), nworkers), file=sys.stderr)
    finally:
        if cluster is not None:
            cluster.close(timeout=30)

    # the merge parses the parts on this machine's cores
    cmd = [args.zhkg, "merge", "-j", str(max(1, min(os.cpu_count() or 1, 16)))]
    for o in args.output:
        cmd += ["-o", o]
    if args.update:
        cmd += ["--update", args.update]
    rc = subprocess.run(cmd + ["--"] + paths).returncode
    if not args.parts:
        shutil.rmtree(parts_dir, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
