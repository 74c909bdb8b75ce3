/// The interfaces of the analysis commands (`graph`, `trends`) and the
/// chart options the counting commands share.
extension CommandSpecs {
    static let chart = OptionSpec(name: "chart", help: "Draw the counts as bars fitted to the terminal (colour on a terminal unless NO_COLOR is set).")
    static let ascii = OptionSpec(name: "ascii", help: "With --chart: plain ASCII (#) instead of Unicode blocks.")

    static let graph = CommandSpec(
        name: "graph", abstract: "Write the tag co-occurrence network (or co-authorship) of the selected papers.",
        options: filters + [
            OptionSpec(name: "authors", help: "Co-authorship instead: authors joined by the papers they wrote together."),
            OptionSpec(name: "top", short: "n", value: "<n>", help: "Keep the n nodes with most papers, and the edges among them."),
            OptionSpec(name: "min-weight", value: "<w>", help: "Drop edges with fewer than w shared papers (default: 1)."),
            OptionSpec(name: "format", value: "<format>", help: "dot (Graphviz, the default), graphml or json."),
            OptionSpec(name: "json", help: "Same as --format json."),
        ] + common,
        examples: [
            "iaifi graph --top 60 | dot -Tsvg > map.svg",
            "iaifi graph --category Astrophysics --top 40 --min-weight 2 --format graphml > astro.graphml",
            "iaifi graph --authors --since 2024 --top 80 --format json | jq '.edges[0]'",
        ])

    static let trends = CommandSpec(
        name: "trends", abstract: "Rank the tags (or words) whose share of papers rose or fell most between two periods.",
        options: filters + [
            OptionSpec(
                name: "to", value: "<years>",
                help: "The later period: YYYY, YYYY..YYYY, YYYY.. or ..YYYY (default: the last two years with papers, or every year after --from)."),
            OptionSpec(name: "from", value: "<years>", help: "The earlier period, written the same way (default: every year before --to)."),
            OptionSpec(name: "words", help: "Title and abstract words (stemmed; stop words left out) instead of tags."),
            OptionSpec(name: "top", short: "n", value: "<n>", help: "Print at most n rising and n falling (default: 10)."),
            OptionSpec(name: "min-count", value: "<n>", help: "Test only terms in at least n papers of the two periods together (default: 5)."),
            OptionSpec(name: "min-z", value: "<z>", help: "Report only changes with |z| at least this (default: 1.96, p < 0.05 two-sided)."),
            chart, OptionSpec(name: "ascii", help: "With --chart: ASCII sparklines (_.:-=+*#) instead of Unicode blocks."),
            OptionSpec(name: "format", value: "<format>", help: "table, tsv or json (default: table on a terminal, tsv otherwise)."),
            json,
        ] + common,
        examples: [
            "iaifi trends --to 2024..",
            "iaifi trends --from 2021..2022 --to 2024..2025 --words --chart",
            "iaifi trends --category Astrophysics --min-z 2.58 --format json | jq '.rising[].label'",
        ])
}
