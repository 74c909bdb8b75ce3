import Foundation

/// Turns the paths a user gave into the files to read.
enum InputFiles {
    enum Input {
        case file(String)
        case problem(String, Failure)
    }

    struct Failure: Error {
        var message: String
    }

    /// A file stays itself; a folder becomes its regular files, searched
    /// recursively, hidden ones skipped, in name order.
    static func expand(_ path: String) -> [Input] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return [.problem(path, Failure(message: "no such file or folder"))]
        }
        guard isFolder.boolValue else { return [.file(path)] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return [.problem(path, Failure(message: "folder cannot be read (permission denied?)"))]
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        let inputs = names.filter { !$0.hasPrefix(".") }.sorted().flatMap { expand(base + $0) }
        return inputs.isEmpty ? [.problem(path, Failure(message: "folder holds no dump files"))] : inputs
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        guard FileManager.default.isReadableFile(atPath: path),
            let data = FileManager.default.contents(atPath: path)
        else { return .failure(Failure(message: "file cannot be read (permission denied?)")) }
        return .success([UInt8](data))
    }
}
