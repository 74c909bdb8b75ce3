import Foundation
import Testing

@testable import iaifi

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// GraphML read back with Foundation's XMLParser: the declared keys, the
/// nodes with their data, the edges.
private final class GraphMLReader: NSObject, XMLParserDelegate {
    var keys: [String: (owner: String, name: String, type: String)] = [:]
    var nodes: [String: [String: String]] = [:]
    var edges: [(source: String, target: String, data: [String: String])] = []
    var undeclared: [String] = []
    private var element: (kind: String, id: String)?
    private var dataKey: String?
    private var text = ""
    private var data: [String: String] = [:]
    private var edgeEnds: (String, String)?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "key": keys[attributes["id"]!] = (attributes["for"]!, attributes["attr.name"]!, attributes["attr.type"]!)
        case "node":
            element = ("node", attributes["id"]!)
            data = [:]
        case "edge":
            element = ("edge", attributes["id"]!)
            edgeEnds = (attributes["source"]!, attributes["target"]!)
            data = [:]
        case "data":
            dataKey = attributes["key"]
            text = ""
            if keys[attributes["key"] ?? ""]?.owner != element?.kind { undeclared.append(attributes["key"] ?? "?") }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if dataKey != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "data":
            data[dataKey!] = text
            dataKey = nil
        case "node": nodes[element!.id] = data
        case "edge": edges.append((edgeEnds!.0, edgeEnds!.1, data))
        default: break
        }
    }

    static func read(_ text: String) throws -> GraphMLReader {
        let reader = GraphMLReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        try #require(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        return reader
    }
}

private let escapingFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/graph").path
private let awkwardNames = ["R&D <Lab> Team", "Zoë \"Zed\" Ångström", "Ann O'Neil", "Back\\slash Author", "Łukasz Żółć"]

@Suite struct GraphCommandTests {
    @Test func graphMLDeclaresItsKeysAndParses() throws {
        let run = try Run(["graph", "--top", "30", "--format", "graphml", "--quiet"])
        #expect(run.status == 0)
        let graph = try GraphMLReader.read(run.stdout)
        #expect(graph.keys["papers"]! == ("node", "papers", "int") && graph.keys["weight"]! == ("edge", "weight", "double"))
        #expect(graph.keys["jaccard"]?.type == "double" && graph.keys["label"]?.type == "string")
        #expect(graph.undeclared.isEmpty)
        #expect(graph.nodes.count == 30 && !graph.edges.isEmpty)
        #expect(graph.edges.allSatisfy { graph.nodes[$0.source] != nil && graph.nodes[$0.target] != nil })
        #expect(graph.edges.allSatisfy { (Double($0.data["jaccard"]!) ?? -1) > 0 && (Int($0.data["weight"]!) ?? 0) >= 1 })
        let labels = Set(graph.nodes.values.map { $0["label"]! })
        #expect(labels.isSuperset(of: ["representation learning", "interpretability"]))
    }

    @Test func jsonNodesAndEdges() throws {
        let run = try Run(["graph", "--top", "25", "--min-weight", "2", "--json", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "tags" && object["papers"] as? Int == 613 && object["strength"] as? String == "jaccard")
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(nodes.count == 25 && nodes.allSatisfy { Set($0.keys) == ["id", "label", "papers"] })
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        #expect(edges.allSatisfy { Set($0.keys) == ["source", "target", "papers", "jaccard"] })
        #expect(edges.allSatisfy { ids.contains($0["source"] as! String) && ids.contains($0["target"] as! String) && ($0["papers"] as! Int) >= 2 })
        let learning = edges.first { [$0["source"] as! String, $0["target"] as! String] == ["representation learning", "interpretability"] }
        #expect(learning?["papers"] as? Int == 14)
        // Deterministic: the same bytes twice.
        #expect(try Run(["graph", "--top", "25", "--min-weight", "2", "--json", "--quiet"]).stdout == run.stdout)
    }

    @Test func coauthorshipWithFilters() throws {
        let run = try Run(["graph", "--authors", "--author", "Tegmark", "--top", "5", "--json", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(object["kind"] as? String == "authors" && nodes.first?["label"] as? String == "Max Tegmark")
    }

    @Test func labelsWithMarkupSurviveEveryFormat() throws {
        let graphML = try Run(["graph", "--authors", "--data", escapingFixture, "--format", "graphml"])
        #expect(graphML.status == 0)
        #expect(Set(try GraphMLReader.read(graphML.stdout).nodes.values.map { $0["label"]! }) == Set(awkwardNames))
        let json = try Run(["graph", "--authors", "--data", escapingFixture, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set((object["nodes"] as! [[String: Any]]).map { $0["label"] as! String }) == Set(awkwardNames))
        let dot = try Run(["graph", "--authors", "--data", escapingFixture])
        for label in [#""R&D <Lab> Team""#, #""Zoë \"Zed\" Ångström""#, #""Back\\slash Author""#, #""Ann O'Neil""#] {
            #expect(dot.stdout.contains("[label=\(label), papers="), "\(label)")
        }
        #expect(dot.stdout.hasPrefix("graph \"authors\" {\n") && dot.stdout.hasSuffix("}\n"))
    }

    @Test func emptySelectionStillWritesAGraph() throws {
        let json = try Run(["graph", "--keyword", "no such tag anywhere", "--json", "--quiet"])
        #expect(json.status == 1 && json.stderr.contains("No papers found."))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.isEmpty == true && (object["edges"] as? [Any])?.isEmpty == true)
        let graphML = try Run(["graph", "--keyword", "no such tag anywhere", "--format", "graphml", "--quiet"])
        #expect(try GraphMLReader.read(graphML.stdout).nodes.isEmpty)
    }

    @Test func usageErrors() throws {
        let format = try Run(["graph", "--format", "gml"])
        #expect(format.status == 2 && format.stderr.contains("'--format' takes one of dot, graphml, json"))
        let weight = try Run(["graph", "--min-weight", "0"])
        #expect(weight.status == 2 && weight.stderr.contains("'--min-weight' takes a whole number of at least 1"))
        #expect(try Run(["help", "graph"]).stdout.contains("dot -Tsvg"))
    }
}

@Suite struct TrendsCommandTests {
    @Test func jsonReportsTheTestAndBothDirections() throws {
        let run = try Run(["trends", "--to", "2024..", "--json", "--quiet"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let after = try #require(object["after"] as? [String: Int])
        #expect(after["from"] == 2024 && after["to"] == 2026)
        let test = try #require(object["test"] as? [String: Any])
        #expect(test["method"] as? String == "two-proportion z-test" && test["minimumCount"] as? Int == 5 && test["minimumZ"] as? Double == 1.96)
        let years = try #require(object["years"] as? [Int])
        let rising = try #require(object["rising"] as? [[String: Any]])
        #expect(!rising.isEmpty && rising.count <= 10)
        #expect(rising.allSatisfy { ($0["z"] as! Double) >= 1.96 && ($0["perYear"] as! [Int]).count == years.count })
        #expect(!(try #require(object["falling"] as? [[String: Any]])).isEmpty)
    }

    @Test func tsvHasNineFields() throws {
        let run = try Run(["trends", "--words", "--from", "2021..2022", "--to", "2024..2025", "--top", "3", "--quiet"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 })
        #expect(lines.prefix(3).allSatisfy { $0.hasPrefix("rising\t") } && lines.suffix(3).allSatisfy { $0.hasPrefix("falling\t") })
    }

    @Test func tableShowsTheGuard() throws {
        let run = try Run(["trends", "--format", "table", "--quiet"])
        #expect(run.stdout.contains("RISING") && run.stdout.contains("FALLING"))
        #expect(run.stdout.contains("Two-proportion z-test: shown if |z| >= 1.96"))
    }

    @Test func periodsThatCannotBeComparedAreUsageErrors() throws {
        let overlap = try Run(["trends", "--from", "2022..2024", "--to", "2023"])
        #expect(overlap.status == 2 && overlap.stderr.contains("must end before"))
        let bad = try Run(["trends", "--to", "24"])
        #expect(bad.status == 2 && bad.stderr.contains("'--to' takes years as YYYY"))
        let format = try Run(["trends", "--format", "csv"])
        #expect(format.status == 2 && format.stderr.contains("'--format' takes one of table, tsv, json; got 'csv'"))
    }
}

@Suite struct ChartTests {
    private static func fitted(_ text: String, _ width: Int) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.count <= width }
    }

    @Test func chartsFitEightyColumnsWithoutColourWhenPiped() throws {
        for arguments in [
            ["years", "--chart"], ["categories", "--chart"], ["keywords", "--chart", "--top", "20"],
            ["trends", "--chart"], ["trends", "--chart", "--words"], ["keywords", "--chart", "--ascii"],
        ] {
            let run = try Run(arguments + ["--quiet"], environment: ["COLUMNS": "80"])
            #expect(run.status == 0 && Self.fitted(run.stdout, 80), "\(arguments)")
            #expect(!run.stdout.contains("\u{1B}"), "\(arguments)")
        }
        let narrow = try Run(["trends", "--chart", "--quiet"], environment: ["COLUMNS": "60"])
        #expect(Self.fitted(narrow.stdout, 60))
    }

    @Test func barsAreProportional() throws {
        let run = try Run(["categories", "--chart", "--ascii", "--quiet"], environment: ["COLUMNS": "80"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("CATEGORIES") == true)
        let bars = lines.dropFirst().map { $0.count { $0 == "#" } }
        #expect(bars == bars.sorted(by: >) && bars.first! > 40)
        #expect(run.stdout.allSatisfy { $0.isASCII })
    }

    @Test func chartIsItsOwnFormat() throws {
        let run = try Run(["years", "--chart", "--json"])
        #expect(run.status == 2 && run.stderr.contains("'--chart' draws on the terminal"))
        #expect(try Run(["years", "--ascii"]).status == 2)
    }

    @Test func blocksEighthsAndSparklines() {
        let plain = Chart(terminal: Terminal(isInteractive: false, width: 80, usesColor: false))
        #expect(plain.bar(1, width: 10) == String(repeating: "█", count: 10))
        #expect(plain.bar(0.55, width: 10) == "█████▌")
        #expect(plain.bar(0.0001, width: 10) == "▏" && plain.bar(0, width: 10) == "")
        #expect(Chart(ascii: true, terminal: plain.terminal).bar(0.55, width: 10) == "######")
        #expect(plain.sparkline([nil, 0, 0.5, 1]) == " ▁▅█")
        #expect(Chart(ascii: true, terminal: plain.terminal).sparkline([nil, 0, 0.5, 1]) == " _=#")
        #expect(!plain.bars([("a", 1)], title: "X").contains("\u{1B}"))
        let colour = Chart(terminal: Terminal(isInteractive: true, width: 80, usesColor: true))
        #expect(colour.bars([("a", 1)], title: "X").contains("\u{1B}[36m"))
    }

    @Test func noColorTurnsColourOff() {
        #expect(!Terminal.current(environment: ["NO_COLOR": "1"]).usesColor)
    }
}

@Suite struct GraphWriterTests {
    @Test func dotStringsEscapeQuotesAndBackslashes() {
        #expect(GraphWriter.dotString(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(GraphWriter.dotString("line\nbreak\u{1B}[31m") == "\"line break [31m\"")
    }

    @Test func xmlTextEscapesMarkupAndDropsWhatXMLCannotHold() {
        #expect(GraphWriter.xmlText("R&D <x> \"q\" 'a'") == "R&amp;D &lt;x&gt; &quot;q&quot; &apos;a&apos;")
        #expect(GraphWriter.xmlText("a\u{0}b\u{FFFF}c\td") == "a\u{FFFD}b\u{FFFD}c d")
    }
}
