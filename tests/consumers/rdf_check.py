#!/usr/bin/python3
"""rdf_check.py GRAPH.nq GRAPH.graphml - parse the N-Quads of the JSON-LD
export with rdflib and query it with SPARQL: there must be exactly one
typed subject with a schema:name and a zhkg:entityType per GraphML node
(same ids, labels and types), and one zhkg:Relation per GraphML edge.
Exit 1 if not."""
import sys
import xml.etree.ElementTree as ET

import rdflib

NS = "{http://graphml.graphdrawing.org/xmlns}"
NODE_BASE = "https://example.org/zhkg/node/"
PREFIXES = """PREFIX zhkg: <https://example.org/zhkg/vocab#>
PREFIX schema: <https://schema.org/>
"""


def graphml_nodes(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    nodes = {}
    for n in root.iter(NS + "node"):
        d = {keys[x.get("key")]: x.text or "" for x in n.findall(NS + "data")}
        nodes[n.get("id")] = (d.get("label"), d.get("type"))
    return nodes, len(list(root.iter(NS + "edge")))


def main(nq, graphml):
    want, nedges = graphml_nodes(graphml)
    g = rdflib.ConjunctiveGraph()
    g.parse(nq, format="nquads")
    rows = g.query(PREFIXES + """
        SELECT ?s (COUNT(DISTINCT ?class) AS ?nclass) (SAMPLE(?name) AS ?label)
               (SAMPLE(?et) AS ?type)
        WHERE { ?s a ?class ; schema:name ?name ; zhkg:entityType ?et }
        GROUP BY ?s""")
    got = {}
    for s, nclass, label, etype in rows:
        got[str(s)[len(NODE_BASE):] if str(s).startswith(NODE_BASE) else str(s)] = (str(label), str(etype))
    problems = []
    if got != want:
        missing = sorted(set(want) - set(got))[:3]
        extra = sorted(set(got) - set(want))[:3]
        differ = sorted(k for k in set(got) & set(want) if got[k] != want[k])[:3]
        problems.append(f"typed subjects {len(got)} vs GraphML nodes {len(want)}; missing {missing}, "
                        f"extra {extra}, different label/type {differ}")
    nrel = int(next(iter(g.query(PREFIXES + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a zhkg:Relation }")))[0])
    if nrel != nedges:
        problems.append(f"{nrel} zhkg:Relation subjects, GraphML has {nedges} edges")
    for p in problems:
        print(p)
    print(f"rdflib {rdflib.__version__}: {len(g)} triples; SPARQL: {len(got)} typed named entities, "
          f"{nrel} relations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
