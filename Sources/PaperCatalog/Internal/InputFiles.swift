import Foundation

/// Turns the paths a user gave into the files to read.
enum InputFiles {
    enum Input {
        case file(InputPath)
        case problem(String, Failure)
    }

    struct Failure: Error {
        var message: String
    }

    /// The files to read for `paths`: a file stays itself; a folder becomes
    /// its regular files, searched recursively, hidden ones skipped, in name
    /// order. Anything else (a pipe, a socket, a device) is refused rather
    /// than read, so it cannot hang. Each file and folder is taken once,
    /// however many paths and links lead to it, so a link back up a folder
    /// tree ends instead of looping.
    static func expand(_ paths: [String]) -> [Input] {
        var visited: Set<Identity> = []
        return paths.flatMap { expand(InputPath($0), visited: &visited) }
    }

    /// A file's device and inode: the same file under any name.
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func expand(_ path: InputPath, visited: inout Set<Identity>) -> [Input] {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0 else { return [.problem(path.display, Failure(message: missing(path)))] }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR else {
            let what = kind == S_IFIFO ? "a named pipe" : kind == S_IFSOCK ? "a socket" : kind == S_IFCHR || kind == S_IFBLK ? "a device" : "not a regular file"
            return [.problem(path.display, Failure(message: "\(what), not a regular file or folder; expected a text dump"))]
        }
        guard visited.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return [] }
        guard kind == S_IFDIR else { return [.file(path)] }
        guard let names = path.entries() else {
            return [.problem(path.display, Failure(message: "folder cannot be read (permission denied?)"))]
        }
        let visible = names.filter { $0.first != UInt8(ascii: ".") }
        // Nothing from a folder whose entries were all taken already: that is no problem.
        let inputs = visible.map(path.appending).sorted { $0.display < $1.display }.flatMap { expand($0, visited: &visited) }
        return visible.isEmpty ? [.problem(path.display, Failure(message: "folder holds no dump files"))] : inputs
    }

    /// Why `path` cannot be examined: missing, a broken link, or not allowed.
    private static func missing(_ path: InputPath) -> String {
        let reason = errno
        var link = stat()
        if path.withCString({ lstat($0, &link) }) == 0, link.st_mode & S_IFMT == S_IFLNK {
            return "broken symbolic link to \(path.linkTarget ?? "?")"
        }
        return reason == ENOENT || reason == ENOTDIR ? "no such file or folder" : String(cString: strerror(reason))
    }

    /// Bytes read before a file is known to be text: a NUL among them, and
    /// the rest is not read (a binary or sparse file is refused quickly).
    static let probeSize = 1 << 16

    /// Bytes of a file read together: decoded into lines one such chunk at
    /// a time (``TextFile``), each freed once decoded, so that a large
    /// file's bytes and its lines are never both whole in memory.
    static let chunkSize = 1 << 26

    /// The file's bytes in chunks of about `chunkSize` (see ``chunkSize``),
    /// each but the last ending with a line feed, unless the file is
    /// unreadable or larger than `limit`. The size is what reading finds,
    /// not what the file system says (a file in `/proc` says 0). A file
    /// whose first ``probeSize`` bytes hold a NUL is read no further: those
    /// bytes are enough to reject it as binary.
    static func read(_ path: InputPath, limit: Int, chunkSize: Int = chunkSize) -> Result<[[UInt8]], Failure> {
        let unreadable = Failure(message: "file cannot be read (permission denied?)")
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(message: "not a regular file; expected a text dump"))
        }
        let stated = Int(info.st_size)
        guard stated <= limit else { return .failure(tooLarge(stated, limit)) }
        var chunks: [[UInt8]] = []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(stated, chunkSize) + probeSize)
        var total = 0
        var chunk = [UInt8](repeating: 0, count: probeSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { SystemCalls.read(descriptor, into: $0) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(unreadable) }
            if count == 0 { return .success(chunks + [bytes]) }
            bytes += chunk[..<count]
            total += count
            guard total <= limit else { return .failure(tooLarge(total, limit)) }
            if total <= probeSize, bytes.contains(0) { return .success([bytes]) }
            // A full chunk ends after its last line feed; the rest starts the next.
            if bytes.count >= chunkSize, let last = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                var next = Array(bytes[(last + 1)...])
                next.reserveCapacity(min(stated - total, chunkSize) + probeSize)
                bytes.removeSubrange((last + 1)...)
                chunks.append(bytes)
                bytes = next
            }
            // Past the probe, read the rest in large steps.
            if total >= probeSize, chunk.count == probeSize { chunk = [UInt8](repeating: 0, count: 1 << 22) }
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> Failure {
        Failure(message: "file is \(size > limit ? "over \(limit)" : "\(size)") bytes; files over \(limit) bytes are not read (split it into several dumps)")
    }
}

/// A path as the file system has it: bytes, which need not be UTF-8 (a
/// folder may hold a name in another encoding), and the readable form
/// shown in reports, with any byte that is not UTF-8 written `\xFF`.
struct InputPath {
    private let bytes: [UInt8]
    let display: String

    init(_ path: String) { self.init(bytes: Array(path.utf8)) }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        display = Self.displayed(bytes)
    }

    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// The path of `name` inside this folder.
    func appending(_ name: [UInt8]) -> InputPath {
        InputPath(bytes: (bytes.last == UInt8(ascii: "/") ? bytes : bytes + [UInt8(ascii: "/")]) + name)
    }

    /// The names in this folder, as bytes, without `.` and `..`.
    func entries() -> [[UInt8]]? {
        guard let folder = withCString({ opendir($0) }) else { return nil }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        return names
    }

    /// Where a symbolic link points, readable.
    var linkTarget: String? {
        var target = [UInt8](repeating: 0, count: Int(PATH_MAX))
        let count = withCString { path in target.withUnsafeMutableBufferPointer { readlink(path, $0.baseAddress!, $0.count) } }
        return count < 0 ? nil : Self.displayed(Array(target[..<count]))
    }

    /// `bytes` as text, each byte that is not part of valid UTF-8 as `\xFF`.
    private static func displayed(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var output = ""
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + 1)
            // The longest valid sequence from `start` (at most 4 bytes).
            var valid: String?
            for length in stride(from: min(4, bytes.count - start), through: 1, by: -1) {
                if let text = String(validating: bytes[start..<(start + length)], as: UTF8.self) {
                    valid = text
                    end = start + length
                    break
                }
            }
            if let valid { output += valid } else { output += "\\x" + String(bytes[start], radix: 16, uppercase: true) }
            start = end
        }
        return output
    }
}
