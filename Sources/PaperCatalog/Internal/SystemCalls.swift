import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls whose spelling differs between platforms, written once
/// for the package. Linux is built and tested; the Darwin branches follow
/// its headers (`st_mtimespec`) and are compiled, not tested, on macOS.
package enum SystemCalls {
    /// `read(2)` into `buffer`: the count read, 0 at the end, -1 on error.
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        #else
            Darwin.read(descriptor, buffer.baseAddress, buffer.count)
        #endif
    }

    /// Writes all of `bytes` to `descriptor` with `write(2)`, retrying
    /// after interruptions, at most 1 GiB per call (one call moves at most
    /// about 2 GiB on Linux): 0, or the `errno` that stopped it (`EIO` when
    /// a call wrote nothing).
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var sent = 0
        while sent < bytes.count {
            let count =
                bytes.baseAddress.map { base in
                    #if canImport(Glibc)
                        Glibc.write(descriptor, base + sent, min(bytes.count - sent, 1 << 30))
                    #else
                        Darwin.write(descriptor, base + sent, min(bytes.count - sent, 1 << 30))
                    #endif
                } ?? 0
            if count > 0 {
                sent += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return count == 0 ? EIO : errno
            }
        }
        return 0
    }

    /// Calls `body` with the first `size` bytes of the open file
    /// `descriptor`, front to back, `chunk` bytes at a time (the last chunk
    /// shorter), read with `pread(2)` and retried after interruptions;
    /// `false` when they cannot all be read.
    package static func readChunks(_ descriptor: Int32, size: Int, chunk: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var buffer = [UInt8](repeating: 0, count: chunk)
        for start in stride(from: 0, to: size, by: chunk) {
            let length = min(chunk, size - start)
            var done = 0
            while done < length {
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, length - done, off_t(start + done)) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
        }
        return true
    }

    /// A file's modification and status-change times, to the nanosecond.
    package static func times(of info: stat) -> (modified: timespec, changed: timespec) {
        #if os(Linux)
            (info.st_mtim, info.st_ctim)
        #else
            (info.st_mtimespec, info.st_ctimespec)
        #endif
    }

    /// The running executable, resolved through `/proc/self/exe` where there is one.
    package static func executablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }
}
