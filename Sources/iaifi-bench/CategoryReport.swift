import Foundation
import PaperCatalog
import PaperIndex

/// `iaifi-bench categories`: how well the inferred categories recover the
/// stated ones, leave-one-out, with and without tags.
enum CategoryReport {
    /// Which categorised papers to classify: all, or one part of a fixed
    /// split: the papers listed in ``heldOutList`` (`heldout`, which chose
    /// nothing) or the others (`tune`, which chose the model's constants).
    enum Split: String {
        case all, tune, heldout
    }

    /// The held-out papers' ids, one a line (20% of the bundled categorised
    /// papers: `fnv1a(id) % 5 == 0`).
    static let heldOutList = "Bench/categories/heldout-ids.txt"

    static func print(folders: [String], split: Split) throws {
        let papers = Catalog.load(paths: folders).papers
        let heldOut = split == .all ? [] : Set(try String(contentsOfFile: heldOutList, encoding: .utf8).split(separator: "\n").map(String.init))
        for (title, withTags) in [("(a) everything but the category", true), ("(b) without tags", false)] {
            let evaluation = CategoryEvaluation.leaveOneOut(papers, withTags: withTags) { split == .all || heldOut.contains($0.id) == (split == .heldout) }
            Swift.print(render(evaluation, title: title + ", split \(split.rawValue)"))
        }
    }

    static func render(_ evaluation: CategoryEvaluation, title: String) -> String {
        var lines = ["\(title): accuracy \(format(evaluation.accuracy)) on \(evaluation.papers) papers, log loss \(format(evaluation.logLoss))", ""]
        let names = evaluation.categories
        let width = max(22, (names.map(\.count).max() ?? 0) + 2)
        lines.append("stated \\ inferred".padded(width) + names.map { String($0.prefix(12)).padded(14) }.joined() + "recall")
        for (row, name) in names.enumerated() {
            let counts = evaluation.confusion[row]
            let recall = Double(counts[row]) / Double(max(counts.reduce(0, +), 1))
            lines.append(name.padded(width) + counts.map { String($0).padded(14) }.joined() + format(recall))
        }
        let precision = names.indices.map { column in
            Double(evaluation.confusion[column][column]) / Double(max(evaluation.confusion.map { $0[column] }.reduce(0, +), 1))
        }
        lines.append("precision".padded(width) + precision.map { format($0).padded(14) }.joined())
        lines.append("")
        lines.append("confidence".padded(14) + "papers".padded(9) + "right".padded(8) + "accuracy")
        for band in evaluation.bands where band.papers > 0 {
            lines.append(
                "\(format(band.lower, 1))-\(format(band.upper, 1))".padded(14) + String(band.papers).padded(9)
                    + String(band.right).padded(8) + format(Double(band.right) / Double(band.papers)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}

extension String {
    fileprivate func padded(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
