# External entities (XXE), an external DTD, and a billion-laughs block:
# nothing is fetched or read, nothing is expanded.  The targets are a local
# file with a marker in it and a socket this test listens on; the page must
# be read in seconds and the marker must not appear in any output.
. "$(dirname "$0")/lib.sh"

marker="SECRET-$$-${RANDOM}"
printf '<p>%s 上海市</p>\n' "$marker" >secret.txt
printf 'ENTITY %s\n' "$marker" >secret.dtd

# A listener on a free port of 127.0.0.1 that writes one line per
# connection to connections.log, for 60 seconds at most.
: >connections.log
"$PY" - connections.log >port.txt <<'PYEOF' &
import socket, sys, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(16)
print(s.getsockname()[1], flush=True)
s.settimeout(1.0)
end = time.time() + 60
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    with open(sys.argv[1], 'a') as f:
        f.write('connection\n')
    c.close()
PYEOF
listener=$!
trap 'kill $listener 2>/dev/null' EXIT
for ((i = 0; i < 50; i++)); do [ -s port.txt ] && break; sleep 0.1; done
port=$(cat port.txt)
[ -n "$port" ] || fail "the listener did not start"
url="http://127.0.0.1:$port"

lol='<!ENTITY lol "lol">'
prev=lol
for i in 1 2 3 4 5 6 7 8 9; do
    lol="$lol
<!ENTITY lol$i \"$(for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' $prev; done)\">"
    prev=lol$i
done
cat >xxe.html <<HTML
<!DOCTYPE html [
<!ENTITY xxe SYSTEM "file://$T/secret.txt">
<!ENTITY web SYSTEM "$url/entity">
<!ENTITY % pe SYSTEM "$url/pe"> %pe;
$lol
]>
<html><head><link rel="stylesheet" href="$url/css"><script src="$url/js"></script></head>
<body><p>北京市&xxe;与天津市&web;签署合作协议&lol9;。</p>
<p><img src="$url/img"><iframe src="$url/frame"></iframe>
<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="$url/xinclude"/>河北省。</p></body></html>
HTML
cat >dtd.html <<HTML
<!DOCTYPE html SYSTEM "$url/dtd">
<html><body><p>北京市与天津市签署合作协议。</p></body></html>
HTML
cat >dtdfile.html <<HTML
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "file://$T/secret.dtd">
<html><body><p>北京市与天津市签署合作协议。</p></body></html>
HTML

for f in xxe dtd dtdfile; do
    run timeout 30 "$ZHKG" build -o $f.graphml -o $f.jsonld -o $f.dot $f.html
    expect_rc 0 "$f.html"
    expect_err "zhkg: 1 document," "$f.html"
    if grep -l -e "$marker" -e lollol -e 上海市 $f.graphml $f.jsonld $f.dot; then
        fail "$f.html: an entity was expanded or a file read"
    fi
done
[ ! -s connections.log ] || fail "zhkg connected to $url ($(wc -l <connections.log) times)"
