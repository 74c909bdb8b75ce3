import Foundation
import PaperCatalog
import Testing

@testable import PaperIndex

/// A snapshot is untrusted input: damage anywhere in it gives either the
/// right answers or a rejection (at opening or through ``CatalogIndex/isDamaged``),
/// never a crash and never a wrong answer taken for a right one.
@Suite struct SnapshotIntegrityTests {
    /// Every sixth paper of the bundled catalog: all three formats, and a
    /// snapshot small enough to damage hundreds of times.
    private static let papers = Catalog.load(paths: [bundledData]).papers.enumerated().filter { $0.offset % 6 == 0 }.map(\.element)
    private static let index = CatalogIndex(papers: papers)
    private static let original = IndexSnapshot.bytes(of: index, fingerprint: "fingerprint")
    private static let expected = answers(index)

    /// What several commands would print, from every part of the index:
    /// ranked and filtered searches, phrases, prefixes, sorting by date,
    /// every paper decoded, facets, related papers, ids, acronyms.
    private static func answers(_ index: CatalogIndex) -> [String] {
        var lines: [String] = []
        let queries = ["dark matter", "\"neural network\" galaxy", "diffus* -review", "author:^Tegmark", "title:flows year:2022..2024", "SBI"]
        for text in queries {
            var request = SearchRequest(query: try? Query.parse(text))
            request.limit = 10
            request.explainsMatches = true
            lines.append(
                ((try? index.search(request)).map(Array.init) ?? []).map { "\($0.paper.id) \($0.score ?? 0) \(String(describing: $0.matches))" }.joined(
                    separator: "|"))
        }
        var filtered = SearchRequest()
        filtered.keywords = ["diffusion models"]
        filtered.authors = ["Villar"]
        filtered.categories = ["Astrophysics"]
        filtered.since = PaperDate(year: 2022, month: 1, day: 1)
        filtered.sort = .date
        var tagged = SearchRequest()
        tagged.keywords = ["dark matter"]
        for request in [filtered, tagged] {
            lines.append(((try? index.search(request)).map(Array.init) ?? []).map(\.paper.id).joined(separator: " "))
        }
        let all = (try? index.search(SearchRequest())).map(Array.init) ?? []
        lines += all.map { "\($0.paper)" }
        for facet in Facet.allCases {
            for request in [SearchRequest(), filtered, tagged] {
                let counts = (try? index.count(facet, matching: request))?.rows ?? []
                lines.append(counts.map { "\($0.value ?? "-") \($0.count) \($0.inferred ?? -1) \($0.variants)" }.joined(separator: ","))
            }
        }
        lines.append(index.related(to: 0, limit: 5).map { "\($0.paper.id) \($0.score)" }.joined(separator: " "))
        lines.append(index.docs(withIDPrefix: "udrescu").map(String.init).joined(separator: " "))
        lines.append(index.learnedAcronyms().map { "\($0.acronym)=\($0.expansion)" }.joined(separator: ","))
        return lines
    }

    /// Opens `bytes` as a snapshot; when it opens, its answers must be the
    /// right ones unless the index reports damage. Returns whether damage was seen.
    @discardableResult
    private func verify(_ bytes: [UInt8], _ comment: Comment) -> Bool {
        let owner = Box(bytes)
        return owner.bytes.withUnsafeBytes { raw in
            guard case .fresh(let index, _, _) = IndexSnapshot.read(raw, owner: owner, fingerprint: "fingerprint") else { return true }
            let answers = Self.answers(index)
            if index.isDamaged { return true }
            #expect(answers == Self.expected, comment)
            return false
        }
    }

    private final class Box {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    @Test func intactSnapshotGivesTheAnswersOfTheIndexItSaved() {
        #expect(!verify(Self.original, "intact"))
    }

    @Test func aFlipInEveryChunkIsCaughtOrHarmless() {
        var caught = 0
        for start in stride(from: 0, to: Self.original.count, by: CheckedFile.chunkSize / 4) {
            var bytes = Self.original
            bytes[start + 97 % (bytes.count - start)] ^= 0x10
            if verify(bytes, "flip at \(start)") { caught += 1 }
        }
        // Every section is read by some answer: every flip is caught.
        #expect(caught == (Self.original.count + CheckedFile.chunkSize / 4 - 1) / (CheckedFile.chunkSize / 4))
    }

    @Test func randomFlipsAndTruncationsAreCaughtOrHarmless() {
        var generator = SplitMix(seed: 42)
        for trial in 0..<150 {
            var bytes = Self.original
            let position = Int(generator.next() % UInt64(bytes.count))
            bytes[position] ^= UInt8(1 << (generator.next() % 8))
            verify(bytes, "trial \(trial): bit flip at \(position)")
        }
        for length in [0, 1, 16, 31, 32, 33, Self.original.count / 2, Self.original.count - 33, Self.original.count - 1] {
            #expect(verify(Array(Self.original.prefix(length)), "truncated to \(length)"))
        }
    }

    /// Damage with fresh checksums, as from a bug or a forger: the checks on
    /// values must still hold, so the program never stops.
    @Test func damageBehindValidChecksumsNeverStopsTheProgram() {
        var generator = SplitMix(seed: 7)
        let body = Self.body(of: Self.original)
        var caught = 0
        for _ in 0..<100 {
            var damaged = body
            for _ in 0..<(1 + generator.next() % 4) {
                let position = Int(generator.next() % UInt64(body.count))
                damaged[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            if verifyNoCrash(IndexSnapshot.sealed(damaged)) { caught += 1 }
        }
        #expect(caught > 0)
    }

    /// The part of a snapshot its checksums cover.
    private static func body(of bytes: [UInt8]) -> [UInt8] {
        let size = bytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: bytes.count - 32, as: UInt64.self))) }
        return Array(bytes.prefix(size))
    }

    /// Runs every answer over `bytes`; whether the damage was noticed.
    private func verifyNoCrash(_ bytes: [UInt8]) -> Bool {
        let owner = Box(bytes)
        return owner.bytes.withUnsafeBytes { raw in
            guard case .fresh(let index, _, _) = IndexSnapshot.read(raw, owner: owner, fingerprint: "fingerprint") else { return true }
            _ = Self.answers(index)
            return index.isDamaged
        }
    }

    @Test func documentNumbersOutOfRangeAreDamageNotACrash() throws {
        // A posting's document made far too large, with checksums redone.
        let small = CatalogIndex(papers: Array(Self.papers.prefix(5)))
        let bytes = IndexSnapshot.bytes(of: small, fingerprint: "fingerprint")
        var body = Self.body(of: bytes)
        let docs = Array(small.postingDocs).withUnsafeBytes { Array($0) }
        let start = try #require(body.firstRange(of: docs)).lowerBound
        body[start + 3] = 0x7F
        let owner = Box(IndexSnapshot.sealed(body))
        owner.bytes.withUnsafeBytes { raw in
            guard case .fresh(let index, _, _) = IndexSnapshot.read(raw, owner: owner, fingerprint: "fingerprint") else {
                Issue.record("a sealed snapshot should open")
                return
            }
            // The damaged posting is the first term's first.
            _ = try? index.search(SearchRequest(query: .word(index.vocabulary[0], field: nil)))
            #expect(index.isDamaged)
        }
    }

    /// A term's postings made to end far past the postings column, with
    /// checksums redone (found by `Fuzz/run.sh 1000000 snapshot`: a field
    /// query walked billions of positions). Damage, answered at once.
    @Test func offsetsPastTheirColumnAreDamageNotAnEndlessWalk() throws {
        let small = CatalogIndex(papers: Array(Self.papers.prefix(5)))
        var body = Self.body(of: IndexSnapshot.bytes(of: small, fingerprint: "fingerprint"))
        let starts = Array(small.postingStarts).withUnsafeBytes { Array($0) }
        let start = try #require(body.firstRange(of: starts)).lowerBound
        withUnsafeBytes(of: Int64(1 << 40).littleEndian) { body.replaceSubrange(start + 8..<start + 16, with: $0) }
        let owner = Box(IndexSnapshot.sealed(body))
        owner.bytes.withUnsafeBytes { raw in
            guard case .fresh(let index, _, _) = IndexSnapshot.read(raw, owner: owner, fingerprint: "fingerprint") else {
                Issue.record("a sealed snapshot should open")
                return
            }
            let hits = try? index.search(SearchRequest(query: .word(index.vocabulary[0], field: .title)))
            #expect(hits?.isEmpty ?? true)
            #expect(index.isDamaged)
        }
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
