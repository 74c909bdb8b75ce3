import Foundation

/// The least work any parse + index pass must do: read every byte, split
/// it into lower-cased ASCII words and look each word up in a hash table of
/// the vocabulary, on one core, with nothing else (no lines, fields,
/// records, Unicode, plurals, counts, postings or store). It even trusts a
/// 64-bit hash for a word's identity. Its speed bounds what `run` can reach.
enum Floor {
    struct Result {
        var megabytes: Double
        var readSeconds: Double
        var scanSeconds: Double
        var words: Int
        var vocabulary: Int
    }

    static func run(folder: String) -> Result {
        let files = ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
        var table = WordTable()
        var result = Result(megabytes: 0, readSeconds: 0, scanSeconds: 0, words: 0, vocabulary: 0)
        for path in files {
            let start = ContinuousClock.now
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let read = ContinuousClock.now
            data.withUnsafeBytes { result.words += table.scan($0.bindMemory(to: UInt8.self)) }
            result.readSeconds += seconds(read - start)
            result.scanSeconds += seconds(ContinuousClock.now - read)
            result.megabytes += Double(data.count) / 1e6
        }
        result.vocabulary = table.count
        return result
    }

    static func print(_ result: Result, folder: String) {
        let total = result.readSeconds + result.scanSeconds
        Swift.print("\(folder): floor (read + split + look up every word, one core)")
        Swift.print(String(format: "  %.0f MB, %d words, %d distinct", result.megabytes, result.words, result.vocabulary))
        Swift.print(
            String(
                format: "  read %.0f ms, scan %.0f ms: %.0f MB/s (%.0f MB/s without reading)",
                result.readSeconds * 1000, result.scanSeconds * 1000,
                result.megabytes / total, result.megabytes / result.scanSeconds))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Open addressing over word hashes; a slot holds the word's id + 1.
    private struct WordTable {
        private var slots = [Int32](repeating: 0, count: 1 << 22)
        private var hashes: [UInt64] = []

        var count: Int { hashes.count }

        /// Looks up every word of `bytes`; returns how many there were.
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var words = 0
            var length = 0
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let mask = slots.count - 1
            slots.withUnsafeMutableBufferPointer { slots in
                for var byte in bytes {
                    if byte &- 65 < 26 { byte |= 0x20 }
                    if byte &- 97 < 26 || byte &- 48 < 10 {
                        length += 1
                        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                        continue
                    }
                    guard length > 0 else { continue }
                    var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
                    while slots[slot] != 0, hashes[Int(slots[slot]) - 1] != hash { slot = (slot + 1) & mask }
                    if slots[slot] == 0 {
                        hashes.append(hash)
                        slots[slot] = Int32(hashes.count)
                    }
                    words += 1
                    length = 0
                    hash = 0xcbf2_9ce4_8422_2325
                }
            }
            return words
        }
    }
}
