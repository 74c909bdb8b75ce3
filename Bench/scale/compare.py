#!/usr/bin/env python3
"""iaifi against tantivy on one synthetic catalog, in one run (issue 14).

    python3 Bench/scale/compare.py --papers 100000 [--iaifi .build/release/iaifi] [--runs 3]

Generates the catalog with `iaifi-bench generate` into bench-corpora/<n>
when missing (80% IAIFI, 10% arXiv, 10% Hugging Face format), then times,
as medians of --runs back-to-back runs, each with its peak resident memory
(`/usr/bin/time -v`):

- tantivy: every file streamed line by line, each blank-line-separated block
  one document with one text field (default tokenizer), 2 indexing threads,
  one commit. This is the minimal splitter the issue names; tantivy does no
  parsing, tag recovery, merging or snapshot. tantivy is a benchmark-only
  peer (`pip install tantivy==0.27.0`); the Swift package never uses it.
- iaifi, first query: `years` with an empty snapshot cache: parse, merge,
  index, learn the models, write the snapshot.
- iaifi, warm: `list --format jsonl` (every paper), `years`,
  `keywords --top 10`, `authors --top 10`, a 10-word search (top 10).
- iaifi, incremental: the catalog plus one more small file (the bundled
  Hugging Face page), then `years`.

Prints one table with the ratio iaifi / tantivy for the build and memory
relative to the corpus bytes.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def timed(command, env=None, stdout=subprocess.DEVNULL):
    """Runs `command` under /usr/bin/time -v: (seconds, peak MB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = (float(wall.group(1) or 0), float(wall.group(2)), float(wall.group(3)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return hours * 3600 + minutes * 60 + seconds, rss / 1024


def median_of(runs, make):
    samples = [make() for _ in range(runs)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def tantivy_build(folder, index_dir):
    """The peer's build: stream each file, one document per block."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=False)
    index = tantivy.Index(builder.build(), path=index_dir)
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as file:
            block = []
            for line in file:
                if line.strip():
                    block.append(line)
                elif block:
                    writer.add_document(tantivy.Document(text="".join(block)))
                    block = []
            if block:
                writer.add_document(tantivy.Document(text="".join(block)))
    writer.commit()
    writer.wait_merging_threads()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--tantivy-build":
        tantivy_build(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--iaifi", default=os.path.join(ROOT, ".build/release/iaifi"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    iaifi = os.path.abspath(args.iaifi)
    name = f"{args.papers // 1000}k" if args.papers % 1_000_000 else f"{args.papers // 1_000_000}m"
    corpus = os.path.join(ROOT, "bench-corpora", name)
    if not os.path.isdir(corpus):
        subprocess.run(["swift", "run", "-c", "release", "iaifi-bench", "generate", "--papers", str(args.papers), "--out", corpus],
                       cwd=ROOT, check=True)
    corpus_mb = sum(os.path.getsize(os.path.join(corpus, f)) for f in os.listdir(corpus)) / 1e6
    print(f"corpus: {corpus} ({corpus_mb:.0f} MB), medians of {args.runs} runs, {os.cpu_count()} cores")
    print(f"{'work':44} {'iaifi s':>9} {'peak MB':>9} {'x corpus':>8} {'tantivy s':>10} {'peak MB':>9} {'time ratio':>10}", flush=True)

    def report(label, seconds, mb, peer_s=None, peer_mb=None):
        """Prints one row as soon as it is measured."""
        peer_cells = f"{peer_s:10.2f} {peer_mb:9.0f} {seconds / peer_s:10.2f}" if peer_s else f"{'-':>10} {'-':>9} {'-':>10}"
        print(f"{label:44} {seconds:9.2f} {mb:9.0f} {mb / corpus_mb:8.2f} {peer_cells}", flush=True)

    work = tempfile.mkdtemp(prefix="iaifi-compare-")
    try:
        def peer():
            index_dir = tempfile.mkdtemp(dir=work)
            result = timed([sys.executable, os.path.abspath(__file__), "--tantivy-build", corpus, index_dir])
            shutil.rmtree(index_dir)
            return result

        def iaifi_env(cache, data=corpus):
            return dict(os.environ, IAIFI_DATA=data, IAIFI_CACHE_DIR=cache)

        def cold():
            cache = tempfile.mkdtemp(dir=work)
            result = timed([iaifi, "years"], env=iaifi_env(cache))
            shutil.rmtree(cache)
            return result

        tantivy_s, tantivy_mb = median_of(args.runs, peer)
        iaifi_s, iaifi_mb = median_of(args.runs, cold)
        report("first query: parse + index (+ snapshot)", iaifi_s, iaifi_mb, tantivy_s, tantivy_mb)
        warm_cache = os.path.join(work, "warm")
        timed([iaifi, "years"], env=iaifi_env(warm_cache))
        query = "neural network galaxy dark matter simulation inference gravitational lensing survey data"
        for label, command in [
            ("list --format jsonl (every paper)", ["list", "--format", "jsonl"]),
            ("years", ["years"]),
            ("keywords --top 10", ["keywords", "--top", "10"]),
            ("authors --top 10", ["authors", "--top", "10"]),
            ("search, 10 words, top 10", ["search", "-n", "10", *query.split()]),
        ]:
            seconds, mb = median_of(args.runs, lambda: timed([iaifi, *command], env=iaifi_env(warm_cache)))
            report(label, seconds, mb)
        # Incremental: the indexed catalog plus one small file, next query.
        grown = os.path.join(work, "grown")
        os.mkdir(grown)
        for f in os.listdir(corpus):
            os.link(os.path.join(corpus, f), os.path.join(grown, f))
        timed([iaifi, "years"], env=iaifi_env(warm_cache, grown))

        def add_one():
            extra = os.path.join(grown, "today.txt")
            if os.path.exists(extra):
                os.remove(extra)
                timed([iaifi, "years"], env=iaifi_env(warm_cache, grown))
            shutil.copy(os.path.join(ROOT, "Data", "hf-daily-papers.txt"), extra)
            return timed([iaifi, "years"], env=iaifi_env(warm_cache, grown))

        seconds, mb = median_of(args.runs, add_one)
        report("add one small file, next query", seconds, mb)
    finally:
        shutil.rmtree(work, ignore_errors=True)



if __name__ == "__main__":
    main()
