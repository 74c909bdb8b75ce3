#!/usr/bin/env python3
"""List candidate author-name pairs for pairs.tsv (how the set was seeded; labels were added by hand).

Usage: python3 Bench/authors/candidates.py [Data dir]   (prints surname groups with >1 spelling,
then pairs sharing a non-surname token, then near-identical surnames)."""
import collections, difflib, itertools, re, sys, unicodedata
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "Data")
HEADER = re.compile(r"^(Theoretical Physics|Experimental Physics|Foundational AI|Astrophysics) [A-Z][a-z]{2} \d{1,2}, \d{4}$")

def author_lines():
    lines = (data / "iaifi-papers.txt").read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if HEADER.match(line.strip()):
            body = [l.strip() for l in lines[i + 1:i + 9] if l.strip()]
            if len(body) > 1:
                yield body[1]                      # title, then the author line
    arxiv = (data / "arxiv-listing.txt").read_text(encoding="utf-8").split("\n")
    yield arxiv[1].strip()                         # only the first arXiv entry carries authors

def split_authors(line):
    for marker in (", et al.", " et al.", " et al", " and others"):
        if line.endswith(marker):
            line = line[: -len(marker)]
            break
    for part in line.split(","):
        for name in part.split(" and "):
            name = name.strip()
            if name.startswith("and "):
                name = name[4:]
            if any(c.isalpha() for c in name):
                yield name

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss").lower()

names = sorted({n for line in author_lines() for n in split_authors(line)})
surname = {n: fold(n.replace(".", " ").split()[-1]) for n in names}
print(f"# {len(names)} distinct names")

groups = collections.defaultdict(list)
for n in names:
    groups[surname[n]].append(n)
print("\n# surname groups with more than one spelling")
for key, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
    if len(members) > 1:
        print(key, "|", " ; ".join(members))

print("\n# different last token, shared other token (compound surnames, surname-first order)")
tokens = {n: {t for t in re.split(r"[\s\-.]+", fold(n)) if len(t) >= 3} for n in names}
by_token = collections.defaultdict(set)
for n in names:
    for t in tokens[n]:
        by_token[t].add(n)
for t, members in sorted(by_token.items()):
    if 2 <= len(members) <= 8:
        for a, b in itertools.combinations(sorted(members), 2):
            if surname[a] != surname[b] and t in (surname[a], surname[b]):
                print(t, "|", a, "|", b)

print("\n# near-identical surnames with the same first initial")
for a, b in itertools.combinations(names, 2):
    sa, sb = re.sub("[^a-z]", "", surname[a]), re.sub("[^a-z]", "", surname[b])
    if sa != sb and fold(a)[0] == fold(b)[0] and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.8:
        print(a, "|", b)
