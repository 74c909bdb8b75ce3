import PaperCatalog
@main struct Main { static func main() {
  let c = Catalog.load(paths: ["Data"])
  for f in c.files { print(f.path, f.format as Any, f.entries, f.records, f.merges, f.warnings) }
  for d in c.diagnostics { print(d) }
  print(c.papers.count)
  for p in c.papers where p.sources.count > 1 || p.authors.isEmpty || p.title == nil || p.dateYearInferred { print(p.id, p.title ?? "-", p.authors, p.authorCount as Any, p.date as Any, p.category as Any, p.keywords, p.upvotes as Any, p.organization as Any, p.comments as Any) }
  print(c.papers.prefix(3).map { "\($0.id) \($0.keywords)" })
  print(Set(c.papers.map(\.id)).count)
}}
