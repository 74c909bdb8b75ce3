import Foundation
import PaperCatalog

/// Where the catalog's dump files are, when the user did not say, and
/// where snapshots of its index go: the only place that reads the
/// environment for them.
///
/// Lookup order (first match wins):
/// 1. `--data PATH...` on the command line (not handled here);
/// 2. the `IAIFI_DATA` environment variable, a `:`-separated list of paths;
/// 3. a `Data/` folder (or `share/iaifi/Data/`) beside the executable or in
///    any folder above it: covers `swift run` and `.build/release/iaifi`;
/// 4. the `Data/` folder of the checkout the binary was built from, so a
///    release binary copied elsewhere still finds the bundled catalog.
enum CatalogLocation {
    static let environmentVariable = "IAIFI_DATA"

    /// The default paths and a phrase saying where they came from, or `nil`.
    /// A set `IAIFI_DATA` wins even when it names no path (`""`, `":"`):
    /// the paths are then empty, for the caller to refuse.
    static func defaultPaths(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = SystemCalls.executablePath()
    ) -> (paths: [String], origin: String)? {
        if let value = environment[environmentVariable] {
            return (value.split(separator: ":").map(String.init), "$\(environmentVariable)")
        }
        if let executablePath {
            var folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
            while folder.path != "/" && !folder.path.isEmpty {
                for candidate in ["Data", "share/iaifi/Data"] {
                    let path = folder.appendingPathComponent(candidate).path
                    if holdsDumps(path) { return ([path], "beside the executable") }
                }
                folder.deleteLastPathComponent()
            }
        }
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        return holdsDumps(checkout) ? ([checkout], "the source checkout") : nil
    }

    /// The snapshot folder: `$IAIFI_CACHE_DIR`, else `$XDG_CACHE_HOME/iaifi`,
    /// else `~/.cache/iaifi`; `nil` (no snapshots) when `IAIFI_CACHE=off` or
    /// no home is known.
    static func snapshotFolder(environment: [String: String]) -> String? {
        if environment["IAIFI_CACHE"] == "off" { return nil }
        if let folder = environment["IAIFI_CACHE_DIR"], !folder.isEmpty { return folder }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/iaifi" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/iaifi" }
        return nil
    }

    private static func holdsDumps(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { $0.hasSuffix(".txt") }
    }
}
