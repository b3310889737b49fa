#!/usr/bin/python3
"""nx-graphml.py - NetworkX's write_graphml on the benchmark graph.

    zhkg-graphgen --python --nodes N --edges M | nx-graphml.py OUT.graphml

Reads the graph that zhkg-graphgen builds (its --python lines: "n<TAB>id
<TAB>label<TAB>type<TAB>mentions" and "e<TAB>src<TAB>dst<TAB>type<TAB>doc
<TAB>sentence<TAB>start<TAB>end<TAB>rule"), builds it as a NetworkX
MultiDiGraph with those attributes, times nx.write_graphml() and prints

    networkx version=V nodes=N edges=M build_seconds=B write_seconds=W
             write_cpu_seconds=C bytes=S peak_mb=P

Meant for Debian's /usr/bin/python3 with python3-networkx (bench/run).
"""
import os
import resource
import sys
import time

import networkx as nx


def main():
    out = sys.argv[1]
    t0 = time.perf_counter()
    g = nx.MultiDiGraph()
    for line in sys.stdin:
        f = line.rstrip("\n").split("\t")
        if f[0] == "n":
            g.add_node("n" + f[1], label=f[2], type=f[3], mentions=int(f[4]))
        elif f[0] == "e":
            g.add_edge("n" + f[1], "n" + f[2], type=f[3], doc=f[4], sentence=f[5],
                       start=int(f[6]), end=int(f[7]), rule=f[8])
    t1 = time.perf_counter()
    c1 = time.process_time()
    nx.write_graphml(g, out)
    t2 = time.perf_counter()
    c2 = time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("networkx version=%s nodes=%d edges=%d build_seconds=%.2f write_seconds=%.2f "
          "write_cpu_seconds=%.2f bytes=%d peak_mb=%.0f"
          % (nx.__version__, g.number_of_nodes(), g.number_of_edges(), t1 - t0, t2 - t1,
             c2 - c1, os.path.getsize(out), peak))


if __name__ == "__main__":
    main()
