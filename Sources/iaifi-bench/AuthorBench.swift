import Foundation
import PaperCatalog
import PaperIndex

/// `iaifi-bench authors`: the author grouping of the index, scored on
/// hand-labelled pairs of spellings (`Bench/authors/`).
enum AuthorBench {
    static func run(pairs path: String, folders: [String], verbose: Bool) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write(Data("iaifi-bench: cannot read \(path)\n".utf8))
            exit(3)
        }
        let index = CatalogIndex(papers: Catalog.load(paths: folders).papers)
        let (scores, mistakes) = AuthorPairs(tsv: text).evaluate(index)
        print("split    pairs  TP  FP  FN  precision  recall")
        for split in ["tune", "heldout", "all"] {
            guard let score = scores[split] else { continue }
            print(
                split.padding(toLength: 8, withPad: " ", startingAt: 0),
                String(
                    format: "%5d %3d %3d %3d  %9.3f  %6.3f", score.pairs,
                    score.truePositives, score.falsePositives, score.falseNegatives, score.precision, score.recall))
        }
        if verbose {
            for (pair, grouped) in mistakes {
                print("\(grouped ? "grouped, labelled different" : "apart, labelled same"): \(pair.a) | \(pair.b) (\(pair.split))")
            }
        }
    }
}
