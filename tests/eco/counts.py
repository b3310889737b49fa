#!/usr/bin/python3
"""counts.py BASE WORK - the same graph, counted by every consumer.

BASE.graphml, BASE.dot, BASE.jsonld and the CSV directory BASE.csv/ are one
graph exported by zhkg; WORK holds what counts.sh made of them: out.nq
(jsonld.js, safe mode), kuzu.json and oxigraph.json (stores.js).  Every
count must equal GraphML's:

  nodes per type   GraphML, CSV nodes.csv (type and :LABEL), kuzu_nodes.csv,
                   Kuzu, JSON-LD typed entities (rdflib SPARQL, Oxigraph)
  edges per type   GraphML, CSV edges.csv (:TYPE), kuzu_edges.csv, Kuzu,
                   JSON-LD zhkg:Relation subjects (rdflib, Oxigraph)
  totals           also DOT, by Graphviz's gc -n -e
  aliases          per node, GraphML's JSON array = neo4j string[] = Kuzu list

Prints one line per consumer and exits 1 on any difference."""
import csv
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

import rdflib

NS = "{http://graphml.graphdrawing.org/xmlns}"
PREFIXES = """PREFIX zhkg: <https://example.org/zhkg/vocab#>
PREFIX schema: <https://schema.org/>
"""


def graphml(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    nodes, edges, aliases, labels = Counter(), Counter(), {}, Counter()
    for n in root.iter(NS + "node"):
        d = {keys[x.get("key")]: x.text or "" for x in n.findall(NS + "data")}
        nodes[d["type"]] += 1
        labels[d["labels"].lstrip(":")] += 1
        aliases[n.get("id")] = len(json.loads(d["aliases"]))
    for e in root.iter(NS + "edge"):
        d = {keys[x.get("key")]: x.text or "" for x in e.findall(NS + "data")}
        edges[d["type"]] += 1
    return nodes, edges, aliases, labels


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def main(base, work):
    gn, ge, galias, glabels = graphml(base + ".graphml")
    results = []   # (consumer, nodes Counter, edges Counter)

    rows = csv_rows(base + ".csv/nodes.csv")
    head = rows[0]
    ti, li, ai = head.index("type"), head.index(":LABEL"), head.index("aliases:string[]")
    results.append(("csv nodes.csv/edges.csv", Counter(r[ti] for r in rows[1:]), None))
    neo_labels = Counter(r[li] for r in rows[1:])
    neo_aliases = {r[0]: (len(r[ai].split(";")) if r[ai] else 0) for r in rows[1:]}
    erows = csv_rows(base + ".csv/edges.csv")
    results[-1] = results[-1][:2] + (Counter(r[2].lower() for r in erows[1:]),)
    krows = csv_rows(base + ".csv/kuzu_nodes.csv")
    kerows = csv_rows(base + ".csv/kuzu_edges.csv")
    results.append(("csv kuzu_nodes.csv/kuzu_edges.csv", Counter(r[2] for r in krows[1:]),
                    Counter(r[2] for r in kerows[1:])))

    kz = json.load(open(work + "/kuzu.json"))
    results.append((kz["store"], Counter(kz["nodes"]), Counter(kz["edges"])))
    ox = json.load(open(work + "/oxigraph.json"))
    results.append((ox["store"] + " SPARQL", Counter(ox["nodes"]), Counter(ox["edges"])))

    g = rdflib.ConjunctiveGraph()
    g.parse(work + "/out.nq", format="nquads")
    rn = Counter()
    for s, et in g.query(PREFIXES + """SELECT ?s (SAMPLE(?e) AS ?et) WHERE {
            ?s a ?c ; schema:name ?n ; zhkg:entityType ?e } GROUP BY ?s"""):
        rn[str(et)] += 1
    re_ = Counter()
    for t, n in g.query(PREFIXES + """SELECT ?t (COUNT(DISTINCT ?r) AS ?n) WHERE {
            ?r a zhkg:Relation ; zhkg:relationType ?t } GROUP BY ?t"""):
        re_[str(t)] = int(n)
    results.append((f"rdflib {rdflib.__version__} SPARQL", rn, re_))

    gc = subprocess.run(["gc", "-n", "-e", base + ".dot"], capture_output=True, text=True, check=True)
    dn, de = (int(x) for x in gc.stdout.split()[:2])

    fail = 0
    print(f"GraphML: {sum(gn.values())} nodes {dict(sorted(gn.items()))}, "
          f"{sum(ge.values())} edges {dict(sorted(ge.items()))}")
    for name, n, e in results:
        ok = n == gn and e == ge
        fail |= not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}: {sum(n.values())} nodes, {sum(e.values())} edges"
              + ("" if ok else f" -- nodes {dict(sorted(n.items()))}, edges {dict(sorted(e.items()))}"))
    ok = (dn, de) == (sum(gn.values()), sum(ge.values()))
    fail |= not ok
    print(f"{'PASS' if ok else 'FAIL'} dot (gc -n -e): {dn} nodes, {de} edges")
    ok = neo_labels == glabels and Counter(kz["labels"]) == glabels
    fail |= not ok
    print(f"{'PASS' if ok else 'FAIL'} labels: GraphML labels = neo4j :LABEL = Kuzu label "
          f"{dict(sorted(glabels.items()))}")
    ok = neo_aliases == galias and {k: v for k, v in kz["aliases"].items()} == galias
    fail |= not ok
    print(f"{'PASS' if ok else 'FAIL'} aliases: per node, GraphML = neo4j string[] = Kuzu STRING[] "
          f"({sum(galias.values())} aliases)")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
