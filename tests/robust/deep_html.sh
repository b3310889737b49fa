# A page nested 10,000 elements deep (and one nested 10,000 deep in
# elements closed in the wrong order) is read whole, quickly, and gives
# the graph its text gives as plain text.
. "$(dirname "$0")/lib.sh"

s='北京市与天津市签署合作协议，中关村科技园区在雄安新区设立分园。'
article plain.txt "$s"
{
    printf '<html><body>'
    for ((i = 0; i < 10000; i++)); do printf '<div>'; done
    printf '%s' "$s"
    for ((i = 0; i < 10000; i++)); do printf '</div>'; done
    printf '</body></html>\n'
} >deep.html
{
    for ((i = 0; i < 10000; i++)); do printf '<span><div><b>'; done
    printf '<p>%s' "$s"
    for ((i = 0; i < 10000; i++)); do printf '</span></div>'; done
} >tangled.html

run "$ZHKG" build -o plain.graphml plain.txt
expect_rc 0 "plain text"
want=$(summary)
for f in deep tangled; do
    run timeout 120 "$ZHKG" build -o $f.graphml $f.html
    expect_rc 0 "$f.html"
    [ "$(summary)" = "$want" ] || fail "$f.html: '$(summary)', plain text: '$want'"
    [ "$(labels $f.graphml)" = "$(labels plain.graphml)" ] ||
        fail "$f.html: other nodes or edges than the plain text"
done
