import Foundation
import Testing
@testable import PaperCatalog

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
        #expect(found?.paths == [Paths.data] && found?.origin == "the source checkout")
    }
}
