#!/usr/bin/env bash
# A new relation type needs rules only: copy rules/ to a temporary folder,
# add one line to relations.tsv, and the new edges appear in every output
# format, with no change to C.
set -euo pipefail
zhkg=$1 rules=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$rules" "$tmp/rules"
printf 'inv.stake\tinvestment\tpairs\t(?<src>{org}){gap}(?:投资|入股|注资)了?(?<dst>{company})\n' \
    >> "$tmp/rules/relations.tsv"
printf '北京星河投资有限公司投资了天津海港物流有限公司。\n' > "$tmp/in.txt"
"$zhkg" build --quiet --rules "$tmp/rules" -o "$tmp/g.graphml" -o "$tmp/g.jsonld" \
    -o "$tmp/g.dot" "$tmp/in.txt"
/usr/bin/python3 - "$tmp/g.graphml" <<'PY'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = [(g.nodes[u]["label"], g.nodes[v]["label"], d["type"], d["rule"])
         for u, v, d in g.edges(data=True)]
want = ("北京星河投资有限公司", "天津海港物流有限公司", "investment", "inv.stake")
assert want in edges, edges
print("graphml ok:", want)
PY
grep -q 'investment' "$tmp/g.jsonld" || { echo "no investment relation in JSON-LD"; exit 1; }
grep -q 'investment' "$tmp/g.dot" || { echo "no investment edge in DOT"; exit 1; }
# and without the added line there is no such edge
"$zhkg" build --quiet --rules "$rules" -o "$tmp/h.graphml" "$tmp/in.txt"
if grep -q investment "$tmp/h.graphml"; then echo "investment edge without the rule"; exit 1; fi
echo "new relation type: ok"
