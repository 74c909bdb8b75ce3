import Foundation
import Testing

/// What reaches the output streams: output that cannot be written is an
/// error with a message and exit code 4, never a crash; messages that quote
/// an argument cannot drive the terminal.
@Suite struct OutputStreamTests {
    @Test func messagesQuotingArgumentsCarryNoTerminalControls() throws {
        let run = try Run(["list", "--quiet", "--category", "Astro\u{1B}[2Jphysics\u{202E}"])
        #expect(run.status == 2 && run.stderr.contains("did you mean \"Astrophysics\""))
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func aFullDiskIsAnOutputError() throws {
        let process = Process()
        let folder = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .deletingLastPathComponent()
        process.executableURL = folder.appendingPathComponent("iaifi")
        process.arguments = ["list", "--quiet"]
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 4)
        #expect(message.contains("cannot write the output: No space left on device"))
    }
}
