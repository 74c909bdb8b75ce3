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

    /// The files to read for `paths`: a file stays itself; a folder becomes
    /// its regular files, searched recursively, hidden ones skipped, in name
    /// order. Anything else (a pipe, a socket, a device) is refused rather
    /// than read, so it cannot hang. Each file and folder is taken once,
    /// however many paths and links lead to it, so a link back up a folder
    /// tree ends instead of looping.
    static func expand(_ paths: [String]) -> [Input] {
        var visited: Set<Identity> = []
        return paths.flatMap { expand($0, visited: &visited) }
    }

    /// A file's device and inode: the same file under any name.
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func expand(_ path: String, visited: inout Set<Identity>) -> [Input] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let type = attributes[.type] as? FileAttributeType
        else { return [.problem(path, Failure(message: "no such file or folder"))] }
        if type == .typeRegular || type == .typeDirectory {
            var info = stat()
            if stat(path, &info) == 0, !visited.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted {
                return []
            }
        }
        switch type {
        case .typeRegular:
            return [.file(path)]
        case .typeDirectory:
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                return [.problem(path, Failure(message: "folder cannot be read (permission denied?)"))]
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            let visible = names.filter { !$0.hasPrefix(".") }
            // Nothing from a folder whose entries were all taken already: that is no problem.
            let inputs = visible.sorted().flatMap { expand(base + $0, visited: &visited) }
            return visible.isEmpty ? [.problem(path, Failure(message: "folder holds no dump files"))] : inputs
        case .typeSymbolicLink:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
            let resolved = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
            return FileManager.default.fileExists(atPath: resolved)
                ? expand(resolved, visited: &visited) : [.problem(path, Failure(message: "broken symbolic link to \(target)"))]
        default:
            return [.problem(path, Failure(message: "not a regular file or folder; expected a text dump"))]
        }
    }

    /// The file's bytes, unless it is unreadable or larger than `limit`.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            return .failure(Failure(message: "file is \(size) bytes; files over \(limit) bytes are not read (split it into several dumps)"))
        }
        let unreadable = Failure(message: "file cannot be read (permission denied?)")
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(unreadable) }
        defer { close(descriptor) }
        // Straight into the array: no intermediate `Data`, no second copy.
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, min(size - count, 1 << 30))
                if read <= 0 { complete = read == 0; break }
                count += read
            }
        }
        return complete ? .success(bytes) : .failure(unreadable)
    }
}
