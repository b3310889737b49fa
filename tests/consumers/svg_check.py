#!/usr/bin/python3
"""svg_check.py FILE.svg - the SVG that dot drew has Chinese text, and
every <text> holding a Han character names a font family that fontconfig
resolves to a font covering Chinese (fc-list :lang=zh).  Exit 1 if not."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def fc(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main(path):
    zh_files = set(fc("fc-list", "-f", "%{file}\n", ":lang=zh").split("\n")) - {""}
    texts = [el for el in ET.parse(path).getroot().iter()
             if el.tag.rsplit("}", 1)[-1] == "text" and HAN.search("".join(el.itertext()))]
    if not texts:
        print("no Chinese text in the SVG")
        return 1
    bad = {}
    for el in texts:
        family = el.get("font-family", "")
        f = fc("fc-match", "-f", "%{file}", family)
        if f not in zh_files:
            bad[family] = f
    for family, f in bad.items():
        print(f"font-family {family!r} resolves to {f}, which has no Chinese")
    print(f"{len(texts)} Chinese text items; fonts: "
          + ", ".join(sorted({el.get('font-family', '') for el in texts})))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
