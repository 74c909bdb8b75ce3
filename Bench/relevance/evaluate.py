#!/usr/bin/env python3
"""Ranking quality of `iaifi search` against tantivy (default settings) on graded judgments.

What it measures: for every judged query, the top 10 of `iaifi search` and the top 10
of a tantivy index holding the same records (`iaifi list`), scored against the
judgments. tantivy is a benchmark-only reference; the Swift package never uses it.

    pip install tantivy==0.27.0
    swift build -c release
    python3 Bench/relevance/evaluate.py [--iaifi PATH] [--data PATH] [--json] [--verbose] [FILE...]

Run from the repository root. FILE defaults to Bench/relevance/tune.tsv and
Bench/relevance/heldout.tsv, whichever exist. Judgment files are tab-separated,
`#` lines are comments:

    Q  <query id>  <kind>  <query text>
    J  <query id>  <paper id>  <grade 1 or 2>     (unlisted papers are grade 0)

Metrics, per query (rank r = 1..10, g(r) = grade of the paper at rank r):
    DCG@10    = sum over r of (2^g(r) - 1) / log2(r + 1)
    nDCG@10   = DCG@10 / ideal DCG@10, the ideal being all the query's judged papers
                sorted by grade, best first, cut at 10
    recall@10 = relevant papers (grade >= 1) in the top 10 / all relevant papers
Queries without a relevant paper have neither and are left out of the means.
Means are plain averages over queries, per kind and overall, per file and pooled.
As context it counts the relevant papers whose title, abstract, keywords and authors
(lowercased) do not contain every query word as a substring: a strict AND misses them.

Engines: iaifi runs `search --format jsonl --limit 10 -- "<query>"` per query, with
IAIFI_CACHE_DIR in a temporary folder for the run (exit 1 = no results; exit 2 = usage
error, printed and counted as no results). tantivy indexes the text fields title,
abstract, authors (", "-joined), keywords (", "-joined) and category with its default
tokenizer, and answers `index.parse_query(query, those fields)` (OR of terms, BM25);
a query it cannot parse is retried lowercased with special characters escaped.
"""
import argparse, json, math, os, re, subprocess, sys, tempfile
from collections import defaultdict
from pathlib import Path

import tantivy

FIELDS = ["title", "abstract", "authors", "keywords", "category"]
K = 10


def load_judgments(path):
    """[(query id, kind, text, {paper id: grade})] in file order."""
    queries, grades = {}, {}
    for n, line in enumerate(Path(path).read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if cols[0] == "Q" and len(cols) == 4 and cols[1] not in queries:
            queries[cols[1]] = (cols[2], cols[3])
            grades[cols[1]] = {}
        elif cols[0] == "J" and len(cols) == 4 and cols[1] in queries and cols[3] in ("1", "2"):
            grades[cols[1]][cols[2]] = int(cols[3])
        else:
            sys.exit(f"{path}:{n}: malformed or out-of-order line: {line!r}")
    return [(q, kind, text, grades[q]) for q, (kind, text) in queries.items()]


class Iaifi:
    def __init__(self, binary, data, cache_dir):
        self.binary, self.data = binary, data
        self.env = dict(os.environ, IAIFI_CACHE_DIR=cache_dir)

    def run(self, command, *args):
        argv = [self.binary, command, "--data", self.data, "--quiet", "--format", "jsonl", *args]
        return subprocess.run(argv, capture_output=True, text=True, env=self.env)

    def records(self):
        out = self.run("list")
        if out.returncode != 0:
            sys.exit(f"iaifi list failed ({out.returncode}): {out.stderr.strip()}")
        return [json.loads(line) for line in out.stdout.splitlines()]

    def search(self, text):
        out = self.run("search", "--limit", str(K), "--", text)
        if out.returncode == 2:
            print(f"iaifi usage error for {text!r}: {out.stderr.strip()}", file=sys.stderr)
        elif out.returncode not in (0, 1):
            sys.exit(f"iaifi search failed ({out.returncode}) for {text!r}: {out.stderr.strip()}")
        return [json.loads(line)["id"] for line in out.stdout.splitlines()] if out.returncode == 0 else []


class Tantivy:
    SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/<>=\'])')

    def __init__(self, records):
        builder = tantivy.SchemaBuilder()
        for field in FIELDS:
            builder.add_text_field(field)
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        self.index = tantivy.Index(builder.build())
        writer = self.index.writer()
        for r in records:
            writer.add_document(tantivy.Document(
                id=r["id"], title=r["title"] or "", abstract=r["abstract"] or "",
                authors=", ".join(r["authors"]), keywords=", ".join(r["keywords"]),
                category=r["category"] or ""))
        writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, text):
        try:
            query = self.index.parse_query(text, FIELDS)
        except ValueError as error:
            escaped = self.SPECIAL.sub(r"\\\1", text.lower())  # lowercase: no AND/OR/NOT/IN
            print(f"tantivy cannot parse {text!r} ({error}); retrying as {escaped!r}", file=sys.stderr)
            query = self.index.parse_query(escaped, FIELDS)
        hits = self.searcher.search(query, K).hits
        return [self.searcher.doc(address)["id"][0] for _, address in hits]


def ndcg(ranking, grades):
    dcg = lambda gs: sum((2 ** g - 1) / math.log2(r + 2) for r, g in enumerate(gs[:K]))
    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(p, 0) for p in ranking]) / ideal if ideal else None


def recall(ranking, grades):
    relevant = {p for p, g in grades.items() if g >= 1}
    return len(relevant & set(ranking[:K])) / len(relevant) if relevant else None


def missing_words(text, grades, by_id):
    """Relevant papers lacking at least one query word (lowercase substring check)."""
    words = re.findall(r"[^\W_]+", text.lower())
    def haystack(r):
        return " ".join([r["title"] or "", r["abstract"] or "", *r["keywords"], *r["authors"]]).lower()
    return sum(1 for p in grades if p in by_id and not all(w in haystack(by_id[p]) for w in words))


def summarize(results):
    """Means per kind and over "all" (queries without a relevant paper skipped), plus context counts."""
    groups = defaultdict(list)
    for r in results:
        if r["iaifi"]["ndcg"] is not None:
            groups[r["kind"]].append(r)
            groups["all"].append(r)
    mean = lambda rs, e, m: round(sum(r[e][m] for r in rs) / len(rs), 4)
    kinds = {kind: {"queries": len(rs), **{e: {m: mean(rs, e, m) for m in ("ndcg", "recall")}
                                          for e in ("iaifi", "tantivy")}}
             for kind, rs in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0]))}
    return {"kinds": kinds, "relevant": sum(r["relevant"] for r in results),
            "relevantMissingAQueryWord": sum(r["missingWord"] for r in results)}


def cell(value, width):
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.3f}"


def print_summary(title, summary):
    print(f"\n{title}\n  {'kind':<12}{'n':>4}  {'iaifi nDCG':>10} {'recall':>7}  {'tantivy nDCG':>12} {'recall':>7}")
    for kind, s in summary["kinds"].items():
        i, t = s["iaifi"], s["tantivy"]
        print(f"  {kind:<12}{s['queries']:>4}  {i['ndcg']:>10.3f} {i['recall']:>7.3f}  {t['ndcg']:>12.3f} {t['recall']:>7.3f}")
    print(f"  relevant papers lacking a query word: {summary['relevantMissingAQueryWord']} of {summary['relevant']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iaifi", default=".build/release/iaifi")
    parser.add_argument("--data", default="Data")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--verbose", action="store_true", help="print both top 10s per query")
    parser.add_argument("files", nargs="*", metavar="FILE")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # keep stderr notes next to their query
    files = args.files or [f for f in ("Bench/relevance/tune.tsv", "Bench/relevance/heldout.tsv") if Path(f).exists()]
    if not files:
        sys.exit("no judgment file given or found")
    if not Path(args.iaifi).is_file():
        sys.exit(f"no iaifi binary at {args.iaifi} (swift build -c release, or pass --iaifi)")
    judgments = {path: load_judgments(path) for path in files}  # fail on a malformed file before any work

    with tempfile.TemporaryDirectory(prefix="iaifi-eval-") as cache:
        iaifi = Iaifi(args.iaifi, args.data, cache)
        records = iaifi.records()
        by_id = {r["id"]: r for r in records}
        engines = {"iaifi": iaifi.search, "tantivy": Tantivy(records).search}
        report, pooled = {}, []
        for path, queries in judgments.items():
            results = []
            if not args.json:
                print(f"\n== {path}\n  {'query':<8}{'kind':<12}{'iaifi nDCG':>10} {'recall':>7}  {'tantivy nDCG':>12} {'recall':>7}  text")
            for qid, kind, text, grades in queries:
                if unknown := sorted(set(grades) - by_id.keys()):
                    print(f"{path}: {qid}: judged ids not in the catalog: {', '.join(unknown)}", file=sys.stderr)
                r = {"id": qid, "kind": kind, "query": text,
                     "relevant": sum(g >= 1 for g in grades.values()),
                     "missingWord": missing_words(text, grades, by_id)}
                rankings = {e: search(text) for e, search in engines.items()}
                for e, ranking in rankings.items():
                    r[e] = {"ndcg": ndcg(ranking, grades), "recall": recall(ranking, grades)}
                results.append(r)
                if args.json:
                    continue
                print(f"  {qid:<8}{kind:<12}{cell(r['iaifi']['ndcg'], 10)} {cell(r['iaifi']['recall'], 7)}  "
                      f"{cell(r['tantivy']['ndcg'], 12)} {cell(r['tantivy']['recall'], 7)}  {text[:50]}")
                if args.verbose:
                    for e, ranking in rankings.items():
                        for rank, p in enumerate(ranking, 1):
                            title = (by_id[p]["title"] or "") if p in by_id else "?"
                            print(f"      {e:<8}{rank:>2}. [{grades.get(p, 0)}] {p:<28} {title[:60]}")
            report[path] = summarize(results)
            pooled += results
        if len(files) > 1:
            report["pooled"] = summarize(pooled)

    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for title, summary in report.items():
            print_summary(f"== means: {title}", summary)


if __name__ == "__main__":
    main()
