// libFuzzer entry point for search, compiled into PaperIndex by Fuzz/run.sh
// over the bundled catalog. The input is a query and also a --keyword and an
// --author value; every search must return, and a limited search must give
// the first results of the unlimited one in every order.
import PaperCatalog

private let index = CatalogIndex(papers: Catalog.load(paths: ["Data"]).papers)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var requests = [SearchRequest(query: try? Query.parse(text))]
    requests.append(
        {
            var request = SearchRequest()
            request.keywords = [text]
            return request
        }())
    requests.append(
        {
            var request = SearchRequest()
            request.authors = [text]
            return request
        }())
    for var request in requests {
        for sort in SortOrder.allCases {
            request.sort = sort
            request.limit = nil
            guard let all = try? index.search(request) else { continue }
            request.limit = 3
            let first = (try? index.search(request)) ?? []
            precondition(first.map(\.doc) == all.prefix(3).map(\.doc), "a limit changed the results of \(text)")
        }
    }
    return 0
}
