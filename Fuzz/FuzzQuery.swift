// libFuzzer entry point for the query language, compiled with Query.swift
// and Suggestion.swift by Fuzz/run.sh. Parsing must throw or succeed.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Query.parse(text)
    return 0
}
