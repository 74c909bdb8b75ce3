import Foundation
import Testing

@testable import iaifi

@Suite struct CatalogLocationTests {
    @Test func environmentVariableComesFirst() {
        let found = CatalogLocation.defaultPaths(environment: ["IAIFI_DATA": "/a:/b"], executablePath: "/usr/bin/iaifi")
        #expect(found?.paths == ["/a", "/b"] && found?.origin == "$IAIFI_DATA")
    }

    @Test func dataBesideOrAboveTheExecutable() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iaifi-location-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/share/iaifi/Data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/share/iaifi/Data/dump.txt", atomically: true, encoding: .utf8)
        let found = CatalogLocation.defaultPaths(environment: [:], executablePath: root + "/bin/iaifi")
        #expect(found?.paths == [root + "/share/iaifi/Data"] && found?.origin == "beside the executable")
    }

    @Test func aCopiedBinaryFallsBackToTheCheckout() {
        let found = CatalogLocation.defaultPaths(environment: [:], executablePath: "/nonexistent/bin/iaifi")
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data").path
        #expect(found?.paths == [data] && found?.origin == "the source checkout")
    }

    @Test func snapshotsGoWhereTheEnvironmentSays() {
        #expect(CatalogLocation.snapshotFolder(environment: ["IAIFI_CACHE": "off", "HOME": "/h"]) == nil)
        #expect(CatalogLocation.snapshotFolder(environment: ["IAIFI_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/c")
        #expect(CatalogLocation.snapshotFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/iaifi")
        #expect(CatalogLocation.snapshotFolder(environment: ["HOME": "/h"]) == "/h/.cache/iaifi")
        #expect(CatalogLocation.snapshotFolder(environment: [:]) == nil)
    }
}
