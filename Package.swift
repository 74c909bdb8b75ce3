// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "iaifi",
    products: [
        .executable(name: "iaifi", targets: ["iaifi"]),
        .library(name: "PaperCatalog", targets: ["PaperCatalog"]),
        .library(name: "PaperIndex", targets: ["PaperIndex"]),
    ],
    targets: [
        // Words -> search terms: folding, stemming, spelling variants; one
        // normalisation shared by the parser, the index and the queries.
        .target(name: "TextNormalization"),
        // Text dumps -> typed `Paper` records.
        .target(name: "PaperCatalog", dependencies: ["TextNormalization"]),
        // `Paper` records -> inverted indices, query language, ranking.
        .target(name: "PaperIndex", dependencies: ["PaperCatalog", "TextNormalization"]),
        // argv -> library call -> output -> exit code.
        // Release builds link a position-dependent executable: a
        // position-independent one spends about 3 ms of every run applying
        // some 70,000 relocations before `main` (README, "Performance").
        .executableTarget(
            name: "iaifi", dependencies: ["PaperCatalog", "PaperIndex", "TextNormalization"],
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]),
        // Synthetic corpora and timings; run on demand, never from the tests.
        .executableTarget(name: "iaifi-bench", dependencies: ["PaperCatalog", "PaperIndex"]),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization"]),
        .testTarget(name: "PaperCatalogTests", dependencies: ["PaperCatalog"]),
        .testTarget(name: "PaperIndexTests", dependencies: ["PaperIndex", "TextNormalization"]),
        .testTarget(name: "iaifiTests", dependencies: ["iaifi"]),
    ]
)
