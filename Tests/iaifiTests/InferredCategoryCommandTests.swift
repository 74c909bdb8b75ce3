import Foundation
import Testing

@Suite struct InferredCategoryCommandTests {
    private func papers(_ run: Run) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func jsonInfersOnlyWhereNoCategoryIsStated() throws {
        let all = try papers(try Run(["list", "--json"]))
        #expect(all.allSatisfy { $0.keys.contains("inferredCategory") && $0.keys.contains("inferredCategoryConfidence") })
        let stated = all.filter { !($0["category"] is NSNull) }
        #expect(stated.count == 574 && stated.allSatisfy { $0["inferredCategory"] is NSNull && $0["inferredCategoryConfidence"] is NSNull })
        let unstated = all.filter { $0["category"] is NSNull }
        #expect(unstated.count == 39 && unstated.allSatisfy { $0["inferredCategory"] is String && $0["inferredCategoryConfidence"] is Double })
    }

    @Test func showMarksAnInferredCategory() throws {
        let run = try Run(["show", "2501.05382"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Foundational AI (inferred, 0."))
    }

    @Test func inferredWidensCategoryAndCountsApart() throws {
        let stated = try Run(["list", "--category", "Foundational AI"])
        let widened = try Run(["list", "--category", "Foundational AI", "--inferred"])
        #expect(stated.stdout.split(separator: "\n").count == 202)
        #expect(widened.stdout.split(separator: "\n").count > 202)
        let counts = try Run(["categories", "--inferred", "--format", "tsv"])
        let rows = counts.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 3 })
        #expect(rows.first?[0] == "202" && rows.last?[0] == "39" && rows.last?[2] == "(no category)")
        #expect(rows.map { Int($0[1])! }.reduce(0, +) == 39)
    }

    @Test func aSnapshotKeepsTheInferredCategories() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-inferred-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let built = try Run(["list", "--json"], environment: ["IAIFI_CACHE_DIR": folder])
        let mapped = try Run(["list", "--json"], environment: ["IAIFI_CACHE_DIR": folder])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasSuffix(".index") })
        #expect(built.stdout == mapped.stdout)
    }
}
