import Foundation
import PaperIndex

/// How `graph` writes its network.
enum GraphFormat: String, FormatChoice {
    /// Graphviz: `iaifi graph --top 60 | dot -Tsvg > map.svg`.
    case dot
    /// GraphML (XML), for Gephi, Cytoscape, networkx, igraph.
    case graphml
    /// `{"kind", "papers", "nodes": [...], "edges": [...]}`.
    case json

    static func standard(interactive: Bool) -> GraphFormat { .dot }
}

/// Writes a ``ConceptGraph`` as DOT, GraphML or JSON. Nodes and edges keep
/// the graph's order (most papers first), so the same selection always
/// writes the same bytes; node `i` is `n<i>` in DOT and GraphML.
enum GraphWriter {
    static func write(_ graph: ConceptGraph, as format: GraphFormat) -> String {
        switch format {
        case .dot: dot(graph)
        case .graphml: graphML(graph)
        case .json: json(graph).text + "\n"
        }
    }

    // MARK: DOT

    /// An undirected Graphviz graph laid out by `neato` (whichever Graphviz
    /// command reads it): font size grows with a node's papers, pen width
    /// with an edge's shared papers; `papers` and `jaccard` ride along as
    /// attributes Graphviz keeps but does not draw.
    static func dot(_ graph: ConceptGraph) -> String {
        let mostPapers = Double(graph.nodes.first?.papers ?? 1)
        let mostShared = Double(graph.edges.first?.papers ?? 1)
        var text = """
            graph \(dotString(graph.kind.rawValue)) {
              graph [layout=neato, overlap=false, splines=true, outputorder=edgesfirst, fontname="Helvetica"];
              node [shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#4a6fa5", fontname="Helvetica"];
              edge [color="#4a6fa599"];

            """
        for (index, node) in graph.nodes.enumerated() {
            let size = 10 + 14 * (Double(node.papers) / mostPapers).squareRoot()
            text += "  n\(index) [label=\(dotString(node.label)), papers=\(node.papers), fontsize=\(decimal(size, 1))];\n"
        }
        for edge in graph.edges {
            let width = 0.5 + 4 * Double(edge.papers) / mostShared
            text += "  n\(edge.source) -- n\(edge.target) [papers=\(edge.papers), jaccard=\(decimal(edge.jaccard, 4)), penwidth=\(decimal(width, 2))];\n"
        }
        return text + "}\n"
    }

    /// A DOT double-quoted string. Graphviz reads `\"` as a quote and a
    /// backslash before anything else as a label escape (`\n`, `\N`, `\l`),
    /// so backslashes double; line breaks and other control characters,
    /// which a label should not hold, become spaces.
    static func dotString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case _ where scalar.isControlForMarkup: output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    // MARK: GraphML

    /// GraphML (graphml.graphdrawing.org) with declared keys: node `label`
    /// (string) and `papers` (int); edge `weight` (double: the shared
    /// papers, the name Gephi reads as an edge's weight) and `jaccard` (double).
    static func graphML(_ graph: ConceptGraph) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="papers" for="node" attr.name="papers" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
              <key id="jaccard" for="edge" attr.name="jaccard" attr.type="double"/>
              <graph id=\(xmlAttribute(graph.kind.rawValue)) edgedefault="undirected">

            """
        for (index, node) in graph.nodes.enumerated() {
            text += "    <node id=\"n\(index)\"><data key=\"label\">\(xmlText(node.label))</data><data key=\"papers\">\(node.papers)</data></node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            text +=
                "    <edge id=\"e\(index)\" source=\"n\(edge.source)\" target=\"n\(edge.target)\"><data key=\"weight\">\(edge.papers)</data>"
                + "<data key=\"jaccard\">\(decimal(edge.jaccard, 4))</data></edge>\n"
        }
        return text + "  </graph>\n</graphml>\n"
    }

    /// Text for an XML element: `& < >` as entities, and characters XML 1.0
    /// cannot hold (controls other than tab and line breaks, U+FFFE, U+FFFF)
    /// or should not (C1 controls) replaced by `�`; line breaks become spaces.
    static func xmlText(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output += " "
            case _ where scalar.isControlForMarkup || scalar.value == 0xFFFE || scalar.value == 0xFFFF: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func xmlAttribute(_ text: String) -> String { "\"" + xmlText(text) + "\"" }

    // MARK: JSON

    /// `{"kind", "papers", "strength": "jaccard", "nodes": [{"id", "label", "papers"}],
    /// "edges": [{"source", "target", "papers", "jaccard"}]}`; `source` and
    /// `target` are node ids.
    static func json(_ graph: ConceptGraph) -> JSON {
        .object([
            ("kind", .string(graph.kind.rawValue)),
            ("papers", .int(graph.papers)),
            ("strength", .string("jaccard")),
            (
                "nodes",
                .array(
                    graph.nodes.map { node in
                        .object([("id", .string(node.id)), ("label", .string(node.label)), ("papers", .int(node.papers))])
                    })
            ),
            (
                "edges",
                .array(
                    graph.edges.map { edge in
                        .object([
                            ("source", .string(graph.nodes[edge.source].id)), ("target", .string(graph.nodes[edge.target].id)),
                            ("papers", .int(edge.papers)), ("jaccard", .double(edge.jaccard)),
                        ])
                    })
            ),
        ])
    }

    /// `value` with at most `digits` decimals, no exponent, locale-free.
    private static func decimal(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", locale: nil, value)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, the line and paragraph separators and the
    /// bidirectional overrides and isolates.
    fileprivate var isControlForMarkup: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
