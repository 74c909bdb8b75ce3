import Foundation

/// `iaifi-bench`: synthetic corpora and the benchmark that measures them.
/// Run on demand, never from the tests (see README, "Performance").
let usage = """
    USAGE: iaifi-bench generate --papers <n> --out <folder> [--seed <s>]
           iaifi-bench run <folder>... [--queries <n>]
           iaifi-bench floor <folder>...
           iaifi-bench categories [<folder>...] [--split all|tune|heldout]
           iaifi-bench authors [--pairs <tsv>] [<folder>...] [--verbose]

    generate  writes a deterministic synthetic catalog in the three dump formats
              (80% IAIFI, 10% arXiv, 10% Hugging Face), built from the bundled
              data's vocabulary.
    run       parses and indexes each folder, then times queries (median, p99)
              and prints one table.
    floor     reads each folder and looks up every word in a hash table, on one
              core, doing nothing else: the speed no parse + index can beat.
    categories
              leave-one-out accuracy of the inferred categories on the papers
              whose category is stated (default folder: Data), with and
              without tags, a confusion matrix and accuracy per confidence
              band; --split heldout classifies only the papers listed in
              Bench/categories/heldout-ids.txt, --split tune the others.
    authors   groups the author spellings of the catalog (default: Data/) into
              people and scores it on hand-labelled pairs (default:
              Bench/authors/pairs.tsv): precision and recall per split.

    """

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}

switch arguments.first {
case "generate":
    arguments.removeFirst()
    guard let papers = option("papers").flatMap(Int.init), let folder = option("out") else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    let seed = option("seed").flatMap(UInt64.init) ?? 42
    var generator = CorpusGenerator(vocabulary: Vocabulary.bundled(), seed: seed)
    try generator.write(papers: papers, to: folder)
case "run":
    arguments.removeFirst()
    let queries = option("queries").flatMap(Int.init) ?? 1000
    var rows: [Benchmark.Result] = []
    for folder in arguments { rows.append(Benchmark.run(folder: folder, queries: queries)) }
    Benchmark.printTable(rows)
case "categories":
    arguments.removeFirst()
    guard let split = CategoryReport.Split(rawValue: option("split") ?? "all") else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    try CategoryReport.print(folders: arguments.isEmpty ? ["Data"] : arguments, split: split)
case "authors":
    arguments.removeFirst()
    let pairs = option("pairs") ?? "Bench/authors/pairs.tsv"
    let verbose = arguments.contains("--verbose")
    arguments.removeAll { $0 == "--verbose" }
    AuthorBench.run(pairs: pairs, folders: arguments.isEmpty ? ["Data"] : arguments, verbose: verbose)
case "floor":
    for folder in arguments.dropFirst() { Floor.print(Floor.run(folder: folder), folder: folder) }
default:
    print(usage, terminator: "")
    exit(arguments.isEmpty ? 0 : 2)
}
