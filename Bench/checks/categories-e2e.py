"""End-to-end check of the inferred categories, as an outside judge sees them.

Usage:
  python3 categories-e2e.py prepare CATALOG.json IAIFI-DUMP HELDOUT-IDS OUT-FOLDER
  python3 categories-e2e.py score OUT-FOLDER RESULT.json

`prepare` takes the held-out categorised papers (HELDOUT-IDS, one id a line)
out of the IAIFI dump (their entries removed, the dump's `N papers ...`
line recounted) and writes them, without category and tags, as an arXiv
listing (title, authors, abstract; fake but valid ids `arXiv:2901.NNNNN`)
next to the reduced dump in OUT-FOLDER, with the answers in
OUT-FOLDER/../answers.json. `score` reads `iaifi list --format json` of that
folder and prints how many rewritten papers got their category back.
"""
import json
import os
import re
import sys

HEADER = re.compile(r"^(.+) [A-Z][a-z]{2} \d{1,2}, \d{4}$")


def prepare(catalog_json, dump, heldout_ids, out):
    papers = json.load(open(catalog_json, encoding="utf-8"))
    held = set(open(heldout_ids, encoding="utf-8").read().split())
    iaifi = [p for p in papers if p["category"] and any(s["format"] == "iaifi" for s in p["sources"])]
    chosen = sorted((p for p in iaifi if p["id"] in held), key=lambda p: p["id"])
    missing = held - {p["id"] for p in chosen}
    if missing:
        sys.exit(f"categories-e2e: held-out ids not in the catalog: {sorted(missing)[:5]}")
    lines = open(dump, encoding="utf-8").read().split("\n")
    categories = {p["category"] for p in iaifi}
    starts = sorted(s["line"] - 1 for p in iaifi for s in p["sources"] if s["format"] == "iaifi")
    removed = {s["line"] - 1 for p in chosen for s in p["sources"] if s["format"] == "iaifi"}
    drop = set()
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        if start in removed:
            assert HEADER.match(lines[start]) and HEADER.match(lines[start]).group(1) in categories, lines[start]
            drop.update(range(start, end))
    # the entries' lines go; a page heading between entries ("All Posts") stays
    kept = [line for i, line in enumerate(lines) if i not in drop or line in ("All Posts", "Latest")]
    counts = {}
    for p in iaifi:
        if p["id"] not in held:
            counts[p["category"]] = counts.get(p["category"], 0) + 1
    for i, line in enumerate(kept):
        m = re.match(r"^(\d+) papers ", line)
        if m:
            words = line.split(" ")
            parts, name = [], []
            for w in words[2:] + ["0"]:
                if w.isdigit():
                    if name:
                        parts.append(" ".join(name))
                    name = []
                else:
                    name.append(w)
            kept[i] = f"{sum(counts.values())} papers " + " ".join(f"{counts.get(c, 0)} {c}" for c in parts)
            break
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "iaifi-papers.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(kept))
    entries, answers = [], {}
    for n, p in enumerate(chosen, 1):
        arxiv = f"2901.{n:05d}"
        answers[arxiv] = {"id": p["id"], "category": p["category"]}
        head = [p["title"]] + ([", ".join(p["authors"])] if p["authors"] else [])
        entries.append("\n".join(head) + "\n\n" + p["abstract"] + f"\n\narXiv:{arxiv}\nCreated: {p['date']}\n")
    with open(os.path.join(out, "arxiv-heldout.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(entries))
    with open(os.path.join(os.path.dirname(os.path.abspath(out)), "answers.json"), "w", encoding="utf-8") as f:
        json.dump(answers, f)
    print(f"categories-e2e: {len(chosen)} held-out papers rewritten as arXiv entries; {sum(counts.values())} left in the IAIFI dump")


def score(out, result_json):
    answers = json.load(open(os.path.join(os.path.dirname(os.path.abspath(out)), "answers.json"), encoding="utf-8"))
    papers = json.load(open(result_json, encoding="utf-8"))
    by_arxiv = {p["arxivId"]: p for p in papers if p.get("arxivId") in answers}
    problems = [f"{a}: not in the output" for a in answers if a not in by_arxiv]
    problems += [f"{a}: merged or categorised ({by_arxiv[a]['category']})" for a in by_arxiv
                 if by_arxiv[a]["category"] or len(by_arxiv[a]["sources"]) != 1]
    right = sum(by_arxiv[a]["inferredCategory"] == answers[a]["category"] for a in by_arxiv)
    confident = [a for a in by_arxiv if (by_arxiv[a]["inferredCategoryConfidence"] or 0) >= 0.8]
    right_confident = sum(by_arxiv[a]["inferredCategory"] == answers[a]["category"] for a in confident)
    for p in problems[:10]:
        print("categories-e2e: " + p)
    print(f"categories-e2e: {right} of {len(answers)} held-out papers ({right / len(answers):.3f}) got inferredCategory right; "
          f"{len(confident)} reached confidence 0.8 (the --inferred threshold), {right_confident} of them right")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"] and len(sys.argv) == 6:
        prepare(*sys.argv[2:])
    elif sys.argv[1:2] == ["score"] and len(sys.argv) == 4:
        sys.exit(score(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
