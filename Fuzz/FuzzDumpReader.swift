// libFuzzer entry point for one dump reader, compiled into the PaperCatalog
// sources by Fuzz/run.sh with -D FUZZ_IAIFI, FUZZ_ARXIV or FUZZ_HF.
// Each input is read by the chosen reader directly and, with -D FUZZ_PIPELINE
// (target "pipeline"), by the whole pipeline: detection, keyword
// segmentation, merging, ids. Any crash is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDumpReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = TextFile(path: "fuzz.txt", bytes: bytes)
    #if FUZZ_IAIFI
        let result = IAIFIReader.read(file)
    #elseif FUZZ_ARXIV
        let result = ArxivReader.read(file)
    #else
        let result = HuggingFaceReader.read(file)
    #endif
    precondition(result.papers.count <= result.entries, "more records than entries")
    #if FUZZ_PIPELINE
        let catalog = Catalog.parse([("fuzz.txt", String(decoding: bytes, as: UTF8.self))])
        precondition(Set(catalog.papers.map(\.id)).count == catalog.papers.count, "duplicate ids")
    #endif
    return 0
}
