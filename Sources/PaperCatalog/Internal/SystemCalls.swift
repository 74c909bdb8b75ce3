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
