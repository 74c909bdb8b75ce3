import Foundation
import PaperCatalog
import PaperIndex

let path = CommandLine.arguments.dropFirst().first ?? "Data"
func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    print(label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, "ms")
    return value
}
let catalog = time("load") { Catalog.load(paths: [path]) }
let index = time("index") { CatalogIndex(papers: catalog.papers) }
_ = time("search") { try! index.search(SearchRequest(query: try! Query.parse("dark matter"))) }
