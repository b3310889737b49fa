#!/usr/bin/env bash
# render.sh ZHKG SOURCE_DIR WORK - `zhkg render` draws the samples' graph
# through libgvc: SVG, PNG and PDF come out valid, with nothing on stderr
# but the summary line; the SVG's Chinese text is in a CJK font
# (tests/consumers/svg_check.py); --max-nodes, --cluster city and the
# three layouts do what they say; render refuses non-figure outputs.
set -u
zhkg=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
samples=$src/samples

"$zhkg" render -o f.svg -o f.png -o f.pdf "$samples" 2>err; rc=$?
check "render exits 0" [ $rc -eq 0 ]
check "stderr is the summary line only" \
    grep -qxE 'zhkg: [0-9]+ documents, [0-9]+ nodes, [0-9]+ edges' err
check "stderr has one line" [ "$(wc -l <err)" -eq 1 ]
check "PNG signature" [ "$(head -c 8 f.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
check "PDF signature" [ "$(head -c 5 f.pdf)" = "%PDF-" ]
check "SVG well-formed" xmllint --noout --nonet f.svg
check "SVG Chinese text in a CJK font" /usr/bin/python3 "$src/tests/consumers/svg_check.py" f.svg
nodes=$(grep -oE '[0-9]+ nodes' err | grep -oE '[0-9]+')
svgnodes=$(grep -c 'class="node"' f.svg)
check "SVG draws every node ($nodes)" [ "$svgnodes" = "$nodes" ]
check "SVG has the legend" grep -q '>图例<' f.svg
check "SVG has edge labels" grep -q '>迁移' f.svg

# -T names the format; the file name need not.
"$zhkg" render -q -T png -o fig.out "$samples" &&
    check "-T png" [ "$(head -c 4 fig.out | od -An -tx1 | tr -d ' \n')" = 89504e47 ]

"$zhkg" render -q --max-nodes 20 -o cap.svg "$samples"
check "--max-nodes 20 draws 20 nodes" [ "$(grep -c 'class="node"' cap.svg)" -eq 20 ]
check "--max-nodes says so in the legend" grep -q "连接最多的 20 个节点（共 $nodes 个）" cap.svg
"$zhkg" render -q --max-nodes 0 -o all.svg "$samples"
check "--max-nodes 0 draws all" [ "$(grep -c 'class="node"' all.svg)" = "$nodes" ]

"$zhkg" render -q --cluster city -o cl.svg "$samples" 2>cl.err
check "--cluster city draws clusters" grep -q 'class="cluster"' cl.svg
check "--cluster city: no Graphviz message" [ ! -s cl.err ]
"$zhkg" build -q --cluster city -o cl.dot "$samples"
check "--cluster city DOT renders cleanly" sh -c 'dot -Tsvg cl.dot -o /dev/null 2>&1 | grep -q . && exit 1 || exit 0'
check "--cluster city DOT keeps every node" [ "$(gc -n cl.dot | awk '{print $1}')" = "$nodes" ]

for l in dot neato sfdp; do
    "$zhkg" render -q --layout $l -o l-$l.svg "$samples" 2>l-$l.err
    check "--layout $l" sh -c "xmllint --noout --nonet l-$l.svg && [ ! -s l-$l.err ] && [ \$(grep -c 'class=\"node\"' l-$l.svg) = $nodes ]"
done

"$zhkg" render -q --layout circo -o x.svg "$samples" 2>/dev/null
check "unknown layout is a usage error" [ $? -eq 2 ]
"$zhkg" render -q -o x.graphml "$samples" 2>/dev/null
check "render refuses a non-figure output" [ $? -eq 2 ]
"$zhkg" render -q -T dot -o x.svg "$samples" 2>/dev/null
check "render refuses -T dot" [ $? -eq 2 ]
# Figures are deterministic; a PDF with SOURCE_DATE_EPOCH too.
"$zhkg" render -q -o g.svg -o g.png "$samples"
check "SVG byte-identical across runs" cmp -s f.svg g.svg
check "PNG byte-identical across runs" cmp -s f.png g.png
SOURCE_DATE_EPOCH=1700000000 "$zhkg" render -q -o p1.pdf "$samples"
sleep 1
SOURCE_DATE_EPOCH=1700000000 "$zhkg" render -q -o p2.pdf "$samples"
check "PDF byte-identical with SOURCE_DATE_EPOCH" cmp -s p1.pdf p2.pdf
check "PDF dated SOURCE_DATE_EPOCH" grep -aq 'CreationDate (D:20231114221320' p1.pdf

# A figure can also come from build, and goes to stdout with -o -.
"$zhkg" build -q -f svg -o - "$samples" >stdout.svg
check "build -f svg -o -" xmllint --noout --nonet stdout.svg
finish
