#!/usr/bin/env bash
# render_clusters.sh ZHKG SOURCE_DIR WORK - a figure with --cluster city is
# byte-identical however the process's heap was laid out, and draws the
# DOT file's clusters in the DOT file's order (that of their first node).
#
# Graphviz draws the clusters in the order of their cgraph ids; with
# cgraph's default id discipline the id of a named subgraph is the address
# of its name, so the order (and the SVG's bytes) changed with -j, with
# what the run had allocated before, and from build to build.  zk_dot_build
# numbers objects in creation order (export/dot.c, dot_id_disc).  The runs
# below lay the heap out differently before the figure is built: one or two
# extraction threads, a 64 KiB environment variable, other outputs first
# (with glibc's malloc, -j 2 and the other outputs changed the order).
set -u
zhkg=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
samples=$src/samples

pad=$(head -c 65536 /dev/zero | tr '\0' x)
"$zhkg" render -q --cluster city -j 1 -o j1.svg "$samples" 2>j1.err; rc=$?
check "render --cluster city exits 0" [ $rc -eq 0 ]
check "render --cluster city: nothing on stderr" [ ! -s j1.err ]
"$zhkg" render -q --cluster city -j 2 -o j2.svg "$samples"
ZK_TEST_PAD=$pad "$zhkg" render -q --cluster city -o env.svg "$samples"
"$zhkg" build -q --cluster city -o first.graphml -o first.dot -o first.jsonld \
    -o first.svg "$samples"
check "-j 1 and -j 2: same SVG bytes" cmp j1.svg j2.svg
check "a 64 KiB environment variable: same SVG bytes" cmp j1.svg env.svg
check "other outputs written first: same SVG bytes" cmp j1.svg first.svg

# The clusters drawn: those of the DOT file, names and labels, in its order.
"$zhkg" build -q --cluster city -o cl.dot "$samples"
sed -n 's/^\tsubgraph "\(cluster_[^"]*\)" {$/\1/p' cl.dot >dot.names
awk '/^\tsubgraph "cluster_/ { want = 1; next }
     want && /"label"=/ { sub(/.*"label"="/, ""); sub(/",?$/, ""); print; want = 0 }' \
    cl.dot >dot.labels
awk '/class="cluster"/ { want = 2; next }
     want == 2 && /<title>/ { gsub(/<\/?title>/, ""); print > "svg.names"; want = 1; next }
     want == 1 && /<text / { sub(/^<text[^>]*>/, ""); sub(/<\/text>$/, ""); print > "svg.labels"; want = 0 }' \
    j1.svg
check "the DOT file has several clusters" [ "$(wc -l <dot.names)" -ge 2 ]
check "one label per DOT cluster" [ "$(wc -l <dot.labels)" = "$(wc -l <dot.names)" ]
check "the figure's clusters are the DOT file's, in its order" cmp dot.names svg.names
check "the figure's cluster labels are the DOT file's, in its order" cmp dot.labels svg.labels
check "天津市 and 保定市 are boxes" sh -c 'grep -qx 天津市 svg.labels && grep -qx 保定市 svg.labels'
finish
