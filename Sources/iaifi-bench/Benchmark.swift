import Foundation
import PaperCatalog
import PaperIndex

/// Times parsing, indexing and queries on one catalog folder.
enum Benchmark {
    struct Result {
        var folder: String
        var papers: Int
        var megabytes: Double
        var parseSeconds: Double
        var indexSeconds: Double
        /// Query kind -> (median, p99) in microseconds.
        var latencies: [(String, Double, Double)]
        /// Peak resident memory once parsed, and at the end.
        var parsePeakMegabytes: Double
        var peakMegabytes: Double
    }

    static func run(folder: String, queries: Int) -> Result {
        let bytes =
            (try? FileManager.default.subpathsOfDirectory(atPath: folder))?.reduce(0) { total, name in
                total + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
            } ?? 0
        var clock = ContinuousClock.now
        let loaded = Catalog.load(paths: [folder]).papers
        let parse = seconds(since: &clock)
        let parsePeak = peakResidentMegabytes()
        let index = CatalogIndex(papers: consume loaded)
        let build = seconds(since: &clock)

        var random = SeededGenerator(seed: 7)
        let papers = index.papers
        func sample<T>(_ make: () -> T?) -> [T] { (0..<queries).compactMap { _ in make() } }
        let tags = sample { papers.randomElement(using: &random)?.keywords.randomElement(using: &random) }
        let authors = sample { papers.randomElement(using: &random)?.authors.randomElement(using: &random) }
        let categories = sample { papers.randomElement(using: &random)?.category }
        let years = sample { papers.randomElement(using: &random)?.year }
        // Free-text queries: words of four letters or more from a random paper's title and abstract.
        func words(_ count: Int) -> [String] {
            sample { () -> String? in
                guard let paper = papers.randomElement(using: &random) else { return nil }
                let text: String = [paper.title, paper.abstract].compactMap { $0 }.joined(separator: " ")
                let parts: [String] = text.split(separator: " ").filter { $0.count > 3 && $0.allSatisfy(\.isLetter) }.map(String.init)
                guard parts.count >= count else { return nil }
                let start = Int.random(in: 0...(parts.count - count), using: &random)
                return parts[start..<(start + count)].joined(separator: " ")
            }
        }
        let twoWords = words(2)
        let tenWords = words(10)
        let docs = sample { Int.random(in: 0..<max(1, papers.count), using: &random) }

        var latencies: [(String, Double, Double)] = []
        func time<T>(_ name: String, _ inputs: [T], _ body: (T) -> Void) {
            let samples = inputs.map { input -> Double in
                let start = ContinuousClock.now
                body(input)
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
            }.sorted()
            guard !samples.isEmpty else { return }
            latencies.append((name, samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)]))
        }
        func search(_ configure: (inout SearchRequest) -> Void) {
            var request = SearchRequest()
            configure(&request)
            _ = try? index.search(request)
        }
        time("keyword", tags) { tag in
            search {
                $0.keywords = [tag]
                $0.limit = 10
            }
        }
        time("author", authors) { author in
            search {
                $0.authors = [author]
                $0.limit = 10
            }
        }
        time("category", categories) { category in
            search {
                $0.categories = [category]
                $0.limit = 10
            }
        }
        time("year", years) { year in
            search {
                $0.query = .years(year...year)
                $0.limit = 10
            }
        }
        // Optional words, top 10 by MaxScore, and the same by scoring every candidate.
        time("2 words", twoWords) { text in
            search {
                $0.query = try? Query.parse(text)
                $0.limit = 10
            }
        }
        time("10 words", tenWords) { text in
            search {
                $0.query = try? Query.parse(text)
                $0.limit = 10
            }
        }
        let some = max(10, queries / 10)
        time("2 words, all", Array(twoWords.prefix(some))) { text in
            search {
                $0.query = try? Query.parse(text)
                $0.limit = 10
                $0.prunes = false
            }
        }
        time("10 words, all", Array(tenWords.prefix(some))) { text in
            search {
                $0.query = try? Query.parse(text)
                $0.limit = 10
                $0.prunes = false
            }
        }
        time("related", Array(docs.prefix(max(10, queries / 10)))) { doc in _ = index.related(to: doc, limit: 10) }
        return Result(
            folder: folder, papers: papers.count, megabytes: Double(bytes) / 1e6, parseSeconds: parse,
            indexSeconds: build, latencies: latencies, parsePeakMegabytes: parsePeak, peakMegabytes: peakResidentMegabytes())
    }

    static func printTable(_ results: [Result]) {
        for result in results {
            print("\(result.folder): \(result.papers) papers, \(format(result.megabytes)) MB")
            print("  parse        \(format(result.parseSeconds * 1000)) ms  (\(format(result.megabytes / result.parseSeconds)) MB/s)")
            print("  index build  \(format(result.indexSeconds * 1000)) ms  (\(format(result.megabytes / result.indexSeconds)) MB/s)")
            print("  parse+index  \(format(result.megabytes / (result.parseSeconds + result.indexSeconds))) MB/s")
            for (name, median, p99) in result.latencies {
                print("  \(name.padding(toLength: 13, withPad: " ", startingAt: 0)) median \(format(median)) µs   p99 \(format(p99)) µs")
            }
            print(
                "  peak RSS     \(format(result.peakMegabytes)) MB  (\(format(result.peakMegabytes / result.megabytes))x the corpus; \(format(result.parsePeakMegabytes)) MB after parsing)"
            )
        }
    }

    private static func seconds(since clock: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - clock
        clock = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private static func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.2f", value) }
}
