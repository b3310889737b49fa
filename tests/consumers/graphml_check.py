#!/usr/bin/python3
"""graphml_check.py GRAPH.graphml - load a GraphML file with NetworkX and
check what zhkg promises (docs/formats.md): every node has a non-empty
label and type, aliases is a JSON array of strings without the label, every
attribute value is a scalar, and each edge's support equals the number of
evidences in evidence_all.  Prints the problems; exits 1 if there are any."""
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = "{http://graphml.graphdrawing.org/xmlns}"
SCALAR = (str, int, float, bool)


def main(path):
    G = nx.read_graphml(path)
    root = ET.parse(path).getroot()
    n_xml = len(root.findall(f"{NS}graph/{NS}node"))
    e_xml = len(root.findall(f"{NS}graph/{NS}edge"))
    problems = []
    if G.number_of_nodes() == 0:
        problems.append("no nodes")
    if (G.number_of_nodes(), G.number_of_edges()) != (n_xml, e_xml):
        problems.append(f"NetworkX sees {G.number_of_nodes()} nodes and "
                        f"{G.number_of_edges()} edges, the file has {n_xml} and {e_xml}")
    for k, v in G.graph.items():
        if k not in ("node_default", "edge_default") and not isinstance(v, SCALAR):
            problems.append(f"graph attribute {k} is {type(v).__name__}")
    for n, d in G.nodes(data=True):
        for a in ("label", "type"):
            if not isinstance(d.get(a), str) or not d[a].strip():
                problems.append(f"node {n} has no {a}")
        try:
            aliases = json.loads(d.get("aliases", ""))
            if not (isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
                raise ValueError("not a list of strings")
            if d.get("label") in aliases or aliases != sorted(set(aliases), key=lambda s: s.encode()):
                problems.append(f"node {n}: aliases {aliases} not sorted/unique or hold the label")
        except ValueError as e:
            problems.append(f"node {n}: aliases is not a JSON array: {e}")
        if not isinstance(d.get("mentions"), int):
            problems.append(f"node {n}: mentions is not an int")
        problems += [f"node {n}: {a} is {type(v).__name__}" for a, v in d.items()
                     if not isinstance(v, SCALAR)]
    for u, v, d in G.edges(data=True):
        if not d.get("type"):
            problems.append(f"edge {u}->{v} has no type")
        if not isinstance(d.get("directed"), bool):
            problems.append(f"edge {u}->{v}: directed is not a boolean")
        try:
            ev = json.loads(d.get("evidence_all", ""))
            if d.get("support") != len(ev) or not ev:
                problems.append(f"edge {u}->{v}: support {d.get('support')} but {len(ev)} evidences")
        except ValueError as e:
            problems.append(f"edge {u}->{v}: evidence_all is not JSON: {e}")
        problems += [f"edge {u}->{v}: {a} is {type(x).__name__}" for a, x in d.items()
                     if not isinstance(x, SCALAR)]
    for p in problems[:20]:
        print(p)
    print(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, "
          f"{G.number_of_edges()} edges, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
