import PaperIndex

/// A small command-line parser in the conventions of swift-argument-parser:
/// `--name value`, `--name=value`, repeatable options, boolean flags,
/// positionals, `--` to end options, and usage errors that name the
/// offending argument and suggest the nearest option.

/// One `--option` a command accepts.
struct OptionSpec {
    var name: String
    var short: Character?
    /// The value's placeholder (`<n>`), or `nil` for a flag.
    var value: String?
    var help: String
    var repeatable = false
}

/// A command's interface: what `--help` prints and what `parse` accepts.
struct CommandSpec {
    var name: String
    var abstract: String
    /// Positional arguments, e.g. `[<query>]`; the last may be variadic.
    var arguments: [(name: String, help: String)] = []
    var minimumPositionals = 0
    var maximumPositionals: Int? = 0
    var options: [OptionSpec] = []
    var examples: [String] = []
    /// Left out of the overview, the man page and the completions: a helper
    /// the completion scripts call, not a command for people.
    var hidden = false
}

/// A usage mistake: exit code 2, message on stderr.
struct UsageError: Error, Equatable {
    var message: String
}

/// The parsed command line.
struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option, validated.
    func integer(_ name: String, atLeast minimum: Int = 0) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), number >= minimum else {
            throw UsageError(message: "'--\(name)' takes a whole number of at least \(minimum); got '\(text)'")
        }
        return number
    }

    /// An option whose value must be one of `choices`.
    func choice<Choice: RawRepresentable>(_ name: String, _: Choice.Type) throws(UsageError) -> Choice?
    where Choice: CaseIterable, Choice.RawValue == String {
        guard let text = value(name) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        let hint = Suggestion.nearest(to: text, in: names).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageError(message: "'--\(name)' takes one of \(names.joined(separator: ", ")); got '\(text)'\(hint)")
    }

    static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") || Double(argument) != nil {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                guard argument.count == 2, let option = spec.options.first(where: { $0.short == argument.last }) else {
                    let hint = spec.maximumPositionals == nil ? "; to search for '\(argument)', put the query after '--'" : ""
                    throw UsageError(message: "unknown option '\(argument)'\(hint)")
                }
                name = option.name
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let hint = Suggestion.nearest(to: name, in: spec.options.map(\.name)).map { "; did you mean '--\($0)'?" } ?? ""
                throw UsageError(message: "unknown option '--\(name)'\(hint)")
            }
            guard option.value != nil else {
                if inlineValue != nil { throw UsageError(message: "'--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError(message: "missing value for '--\(name)'") }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw UsageError(message: "'--\(name)' given more than once")
            }
            parsed.values[name, default: []].append(value)
        }
        if parsed.positionals.count < spec.minimumPositionals {
            let missing = spec.arguments[parsed.positionals.count].name
            throw UsageError(message: "missing expected argument '\(missing)'")
        }
        if let maximum = spec.maximumPositionals, parsed.positionals.count > maximum {
            throw UsageError(message: "unexpected argument '\(parsed.positionals[maximum])'")
        }
        return parsed
    }
}

extension CommandSpec {
    /// `iaifi search [<query>] [--keyword <tag> ...] ...`
    var usage: String {
        let arguments = self.arguments.map(\.name).joined(separator: " ")
        return "iaifi \(name)\(arguments.isEmpty ? "" : " " + arguments) [<options>]"
    }

    /// Help in swift-argument-parser's sections.
    var help: String {
        var text = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n"
        if !arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in arguments { text += Self.row(argument.name, argument.help) }
        }
        text += "\nOPTIONS:\n"
        for option in options {
            var label = "--\(option.name)"
            if let short = option.short { label = "-\(short), " + label }
            if let value = option.value { label += " \(value)" }
            text += Self.row(label, option.help + (option.repeatable ? " (repeatable)" : ""))
        }
        text += Self.row("-h, --help", "Show help information.")
        if !examples.isEmpty {
            text += "\nEXAMPLES:\n" + examples.map { "  \($0)\n" }.joined()
        }
        return text
    }

    private static func row(_ label: String, _ help: String) -> String {
        let padded = label.count < 24 ? label + String(repeating: " ", count: 24 - label.count) : label + "\n" + String(repeating: " ", count: 26)
        return "  \(padded)\(help)\n"
    }
}
