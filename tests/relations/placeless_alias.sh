#!/usr/bin/env bash
# A company named with its place in one article (北京昱栎技术有限公司) and
# without it in another (昱栎技术有限公司) is one node: the full name is the
# label, the short one an alias.
set -euo pipefail
zhkg=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '北京昱栎技术有限公司成立于2021年。\n' > "$tmp/a.txt"
printf '在概念验证平台支持下，昱栎技术有限公司完成了样机研制。\n' > "$tmp/b.txt"
"$zhkg" build --quiet -o "$tmp/g.graphml" "$tmp/a.txt" "$tmp/b.txt"
/usr/bin/python3 - "$tmp/g.graphml" <<'PY'
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
cos = [d for _, d in g.nodes(data=True) if d["type"] == "company"]
assert len(cos) == 1, [d["label"] for d in cos]
assert cos[0]["label"] == "北京昱栎技术有限公司", cos[0]["label"]
assert "昱栎技术有限公司" in json.loads(cos[0]["aliases"]), cos[0]["aliases"]
assert int(cos[0]["mentions"]) == 2, cos[0]["mentions"]
print("placeless alias: ok")
PY
