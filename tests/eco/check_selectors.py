#!/usr/bin/python3
"""check_selectors.py GRAPH.jsonld - every evidence of a JSON-LD export made from
files has a TextPositionSelector (characters) and a DataPositionSelector
(bytes); read the original file and check that both select the same text,
and that it holds the evidence's sentence less line breaks (the sentence
is normalised, so only its first and last characters are compared)."""
import json
import sys


def main(path):
    doc = json.load(open(path, encoding="utf-8"))
    n = bad = 0
    for item in doc["@graph"]:
        for ev in item.get("wasDerivedFrom", []):
            sel = {s["@type"][0]: s for s in ev["hasSelector"]}
            raw = open(ev["document"], "rb").read()
            t, b = sel.get("TextPositionSelector"), sel.get("DataPositionSelector")
            n += 1
            if not t or not b:
                print(f"missing selector in {ev['document']}: {sorted(sel)}")
                bad += 1
                continue
            by = raw[b["start"]:b["end"]].decode("utf-8")
            ch = raw.decode("utf-8")[t["start"]:t["end"]]
            if by != ch or not by or by[0] != ev["sentence"][0]:
                print(f"{ev['document']}: chars {t['start']}-{t['end']} {ch[:20]!r} vs "
                      f"bytes {b['start']}-{b['end']} {by[:20]!r}")
                bad += 1
    print(f"{n} evidences, {bad} bad")
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
