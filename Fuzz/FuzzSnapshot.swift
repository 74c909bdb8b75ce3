// libFuzzer entry point for snapshots, compiled into PaperIndex by
// Fuzz/run.sh. The input patches a snapshot of 24 bundled papers: its first
// byte says whether checksums are redone after patching (then the checks
// on values are what stands between the patch and a crash), the rest is a
// list of (offset: 4 bytes, value: 1 byte) patches. Opening and querying
// must never crash; without redone checksums, an index that opens and
// reports no damage must answer exactly as the intact one.
import PaperCatalog

private let papers = Array(Catalog.load(paths: ["Data"]).papers.enumerated().filter { $0.offset % 25 == 0 }.map(\.element))
private let original = IndexSnapshot.bytes(of: CatalogIndex(papers: papers), fingerprint: "fuzz")
private let bodySize = original.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: original.count - 32, as: UInt64.self))) }
private let expected = answers(IndexSnapshot.read(original, owner: Box(original)))

private final class Box {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

extension IndexSnapshot {
    fileprivate static func read(_ bytes: [UInt8], owner: Box) -> CatalogIndex? {
        owner.bytes.withUnsafeBytes { raw in
            if case .fresh(let index, _, _) = read(raw, owner: owner, fingerprint: "fuzz") { return index }
            return nil
        }
    }
}

/// What the commands would print, touching every part of the index.
private func answers(_ index: CatalogIndex?) -> [String] {
    guard let index else { return [] }
    var lines: [String] = []
    for text in ["dark matter", "\"neural network\"", "learn*", "author:^a", "title:model year:2020..", "-the data"] {
        var request = SearchRequest(query: try? Query.parse(text))
        request.limit = 5
        request.explainsMatches = true
        lines.append(((try? index.search(request)) ?? []).map { "\($0.paper.id) \($0.score ?? 0) \($0.matches?.excerpt?.text ?? "")" }.joined(separator: "|"))
    }
    var filtered = SearchRequest()
    filtered.keywords = ["machine learning"]
    filtered.authors = ["a"]
    filtered.since = PaperDate(year: 2022, month: 1, day: 1)
    lines.append(((try? index.search(filtered)) ?? []).map(\.paper.id).joined(separator: " "))
    let all = (try? index.search(SearchRequest())) ?? []
    // Every stored field of every paper, without reflection (it is slow).
    lines += all.map { hit in
        let paper = hit.paper
        return [
            paper.id, paper.title ?? "", paper.authors.joined(separator: ";"), paper.abstract ?? "", paper.keywords.joined(separator: ";"),
            paper.category ?? "", paper.date?.description ?? "", paper.arxivId ?? "", paper.comments ?? "",
            "\(paper.upvotes ?? -1) \(paper.authorCount ?? -1) \(paper.authorsComplete) \(paper.sources.count)",
        ].joined(separator: "|")
    }
    for facet in Facet.allCases {
        for request in [SearchRequest(), filtered] {
            let counted = try? index.count(facet, matching: request)
            lines.append((counted?.rows ?? []).map { "\($0.value ?? "-") \($0.count) \($0.variants)" }.joined(separator: ","))
        }
    }
    if index.count > 0 { lines.append(index.related(to: 0, limit: 3).map(\.paper.id).joined(separator: " ")) }
    lines.append(index.docs(withIDPrefix: "a").map(String.init).joined(separator: " "))
    lines.append(index.learnedAcronyms().map { "\($0.acronym)=\($0.expansion)" }.joined(separator: ","))
    return lines
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let resealed = data[0] & 1 == 1
    var bytes = resealed ? Array(original.prefix(bodySize)) : original
    var position = 1
    while position + 5 <= size {
        let offset = Int(UInt32(data[position]) | UInt32(data[position + 1]) << 8 | UInt32(data[position + 2]) << 16 | UInt32(data[position + 3]) << 24)
        if !bytes.isEmpty { bytes[offset % bytes.count] = data[position + 4] }
        position += 5
    }
    if resealed { bytes = IndexSnapshot.sealed(bytes) }
    let owner = Box(bytes)
    let index = IndexSnapshot.read(bytes, owner: owner)
    let found = answers(index)
    if !resealed, let index, !index.isDamaged {
        precondition(found == expected, "damage gave a different answer without being noticed")
    }
    return 0
}
