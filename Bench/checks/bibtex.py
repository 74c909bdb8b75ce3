"""Checks `iaifi list --format bibtex` with a real parser (bibtexparser 2).

Usage: python3 Bench/checks/bibtex.py ENTRIES.bib PAPERS.json

Every entry must parse, one per paper, keyed by the paper's id, with the
fields the paper's JSON record implies; titles and names must read back
as the record's (braces and escapes removed).
"""
import json
import re
import sys

import bibtexparser

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def plain(text):
    """Field text as a reader sees it: braces gone, escapes undone, spaces folded."""
    text = text.replace("\\^{}", "^")
    text = re.sub(r"\\([&%#_$])", r"\1", text)
    text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


def expected_plain(text):
    return " ".join(text.replace("{", "").replace("}", "").split())


def main(bib_path, json_path):
    with open(bib_path, encoding="utf-8") as f:
        source = f.read()
    with open(json_path, encoding="utf-8") as f:
        papers = json.load(f)
    library = bibtexparser.parse_string(source)
    problems = []
    if library.failed_blocks:
        for block in library.failed_blocks[:5]:
            problems.append(f"failed block at line {block.start_line}: {block.error}")
    entries = {entry.key: entry for entry in library.entries}
    if len(library.entries) != len(papers) or len(entries) != len(papers):
        problems.append(f"{len(library.entries)} entries ({len(entries)} keys) for {len(papers)} papers")
    with_url = with_author = protected = 0
    for paper in papers:
        entry = entries.get(paper["id"])
        if entry is None:
            problems.append(f"{paper['id']}: no entry")
            continue
        fields = {field.key: field.value for field in entry.fields}
        if entry.entry_type != "misc":
            problems.append(f"{paper['id']}: @{entry.entry_type}")
        want = set()
        if paper["title"] is not None:
            want.add("title")
            if plain(fields.get("title", "")) != expected_plain(paper["title"]):
                problems.append(f"{paper['id']}: title {fields.get('title')!r} reads back differently from {paper['title']!r}")
            if "{" in fields.get("title", ""):
                protected += 1
        if paper["authors"] or paper["organization"]:
            want.add("author")
            names = [n.strip() for n in fields.get("author", "").split(" and ")]
            expected = len(paper["authors"]) or 1
            expected += 0 if paper["authorsComplete"] else 1
            if len(names) != expected:
                problems.append(f"{paper['id']}: {len(names)} names for {expected}")
            if not paper["authorsComplete"] and names[-1] != "others":
                problems.append(f"{paper['id']}: truncated list without 'and others'")
            with_author += 1
        else:
            want.add("key")
        if paper["date"] is not None:
            want |= {"year", "month"}
            year, month, _ = paper["date"].split("-")
            if fields.get("year") != year or str(fields.get("month")) != MONTHS[int(month) - 1]:
                problems.append(f"{paper['id']}: year/month {fields.get('year')} {fields.get('month')} for {paper['date']}")
        if paper["arxivId"] is not None:
            want |= {"eprint", "archivePrefix", "url"}
            if fields.get("eprint") != paper["arxivId"] or fields.get("archivePrefix") != "arXiv" or fields.get("url") != paper["url"]:
                problems.append(f"{paper['id']}: eprint/archivePrefix/url {fields.get('eprint')} {fields.get('url')}")
            with_url += 1
        if paper["keywords"]:
            want.add("keywords")
        if paper["comments"] is not None:
            want.add("annote")
        if paper["abstract"] is not None:
            want.add("abstract")
        if set(fields) != want:
            problems.append(f"{paper['id']}: fields {sorted(fields)}, expected {sorted(want)}")
    for problem in problems[:20]:
        print("bibtex.py:", problem)
    print(f"{len(library.entries)} entries parsed by bibtexparser {bibtexparser.__version__}; "
          f"{with_author} with authors, {with_url} with eprint and url, {protected} titles with protected words; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
