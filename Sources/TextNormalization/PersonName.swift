/// A person's name taken apart to compare spellings: the surname and the
/// given names, each a full name or an initial, folded (case, diacritics,
/// `ß` -> `ss`) to letters.
///
/// `V. Ashley Villar` is given `v.` `ashley`, surname `villar`;
/// `Siddharth Mishra-Sharma` is surname `mishrasharma` (a hyphenated
/// surname is one); `Cheuk-Kit` is two given names, `cheuk` `kit`, and
/// `V.A.` two initials. A name with a comma is surname first, as
/// bibliographies write it (`Thaler, Jesse`, `Thaler, J.`); typed as a
/// query, a surname followed by initials alone is too (`Thaler J`).
/// Lower-case particles before the last word belong to the surname
/// (`van der Berg`).
package struct PersonName: Hashable, Sendable {
    package struct GivenName: Hashable, Sendable {
        /// Folded letters; an initial's one letter.
        package var letters: String
        package var isInitial: Bool
        package var initial: Character { letters.first ?? " " }
    }

    package var given: [GivenName]
    /// The surname's folded letters, parts joined (`mishrasharma`).
    package var surname: String
    /// The surname as written (`Mishra-Sharma`).
    package var surnameText: String
    /// Every full-name part, folded, surname parts included, sorted: two
    /// orders of the same words (`Cheuk Kit Lee`, `Lee Cheuk-Kit`) share it.
    package var wordSignature: [String]

    /// How alike two spellings are as names of one person.
    package enum Likeness: Int, Comparable, Sendable {
        /// Different surnames, or given names that cannot be the same
        /// (`Kyle` and `Kyu-Hwan`, `T.` and `Ryo`).
        case incompatible
        /// Could be the same person, but nothing in the names shows it:
        /// initials only (`V. A.` ~ `Victoria Ashley`), a dropped leading
        /// name (`W. Patrick` ~ `Patrick`), the same words in another
        /// order (`Lee Cheuk-Kit`); grouping needs other evidence.
        case possible
        /// The same full first name (or a nickname of it: `Alex`,
        /// `Alexander`), every other given name agreeing or missing on one
        /// side (`Alexander T.` ~ `Alexander`).
        case likely

        package static func < (a: Likeness, b: Likeness) -> Bool { a.rawValue < b.rawValue }
    }

    /// Parses `text`; `nil` when it holds no letters. `query`: typed by a
    /// user, so `Thaler J` (surname, then initials alone) is surname first.
    package init?(_ text: String, query: Bool = false) {
        var surnamePart: Substring
        var givenPart: Substring
        if let comma = text.firstIndex(of: ",") {
            surnamePart = text[..<comma]
            givenPart = text[text.index(after: comma)...]
        } else {
            var words = text.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty else { return nil }
            if query, words.count >= 2, !Self.isInitials(words[0]), words.dropFirst().allSatisfy(Self.isInitials) {
                surnamePart = words[0]
                givenPart = text[words[1].startIndex...]
            } else {
                var first = words.count - 1
                while first > 1, Self.particles.contains(String(words[first - 1])) { first -= 1 }
                surnamePart = text[words[first].startIndex...]
                words.removeLast(words.count - first)
                givenPart = words.last.map { text[text.startIndex..<$0.endIndex] } ?? ""
            }
        }
        let surnameWords = surnamePart.split { !$0.isLetter && !$0.isNumber }.map { Self.letters($0) }.filter { !$0.isEmpty }
        guard !surnameWords.isEmpty else { return nil }
        surname = surnameWords.joined()
        surnameText = surnamePart.trimmingSpaces
        given = Self.givenNames(givenPart)
        wordSignature = (surnameWords + given.filter { !$0.isInitial }.map(\.letters)).sorted()
    }

    /// How alike `self` and `other` are as one person's names
    /// (``Likeness``). Symmetric.
    package func likeness(to other: PersonName) -> Likeness {
        guard surname == other.surname else {
            // The same words in another order: a surname written first.
            return wordSignature.count >= 2 && wordSignature == other.wordSignature ? .possible : .incompatible
        }
        guard !given.isEmpty, !other.given.isEmpty else { return .incompatible }
        // Given names written with and without a hyphen or space: `Yi-Zhuang`, `Yizhuang`.
        if given.allSatisfy({ !$0.isInitial }), other.given.allSatisfy({ !$0.isInitial }),
            given.map(\.letters).joined() == other.given.map(\.letters).joined()
        {
            return .likely
        }
        if let full = Self.align(given[...], other.given[...]) { return full ? .likely : .possible }
        // A leading name written on one side only: `W. Patrick McCormack`,
        // `Patrick McCormack`; `Victoria Ashley Villar`, `Ashley Villar`.
        for (long, short) in [(given, other.given), (other.given, given)] where long.count > short.count {
            if Self.align(long.dropFirst(), short[...]) != nil { return .possible }
        }
        return .incompatible
    }

    /// Whether the first given names match and the rest of the shorter
    /// list match the longer's in order, some of the longer's skipped;
    /// `true` when the first names are full names that agree.
    private static func align(_ a: ArraySlice<GivenName>, _ b: ArraySlice<GivenName>) -> Bool? {
        guard let first = a.first, let other = b.first, let firstMatch = match(first, other) else { return nil }
        let (short, long) = a.count <= b.count ? (a.dropFirst(), b.dropFirst()) : (b.dropFirst(), a.dropFirst())
        var position = long.startIndex
        for name in short {
            while position < long.endIndex, match(name, long[position]) == nil { position += 1 }
            guard position < long.endIndex else { return nil }
            position += 1
        }
        return firstMatch
    }

    /// `true`: two full names that agree; `false`: an initial that agrees;
    /// `nil`: no match.
    private static func match(_ a: GivenName, _ b: GivenName) -> Bool? {
        if a.isInitial || b.isInitial { return a.initial == b.initial ? false : nil }
        if a.letters == b.letters { return true }
        return nicknames[a.letters]?.contains(b.letters) == true || nicknames[b.letters]?.contains(a.letters) == true ? true : nil
    }

    /// The given names of `text`: words split at spaces, full stops and
    /// hyphens (`V.A.`, `Cheuk-Kit`, `S. -P.`), each a full name or, when
    /// one letter, an initial.
    private static func givenNames(_ text: Substring) -> [GivenName] {
        text.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.compactMap { part in
            let letters = letters(part)
            return letters.isEmpty ? nil : GivenName(letters: letters, isInitial: letters.count == 1)
        }
    }

    private static func letters(_ text: Substring) -> String {
        String(decoding: TextFolding.alphanumerics(text), as: UTF8.self)
    }

    /// `J.`, `J`, `J.A.`, `JA`: one word of initials only, as queries write them.
    private static func isInitials(_ word: Substring) -> Bool {
        let letters = word.filter(\.isLetter)
        guard !letters.isEmpty, letters.count <= 3 else { return false }
        return word.contains(".") ? word.split(separator: ".").allSatisfy { $0.count == 1 } : letters.count == 1 || letters.allSatisfy(\.isUppercase)
    }

    /// Lower-case words that start a surname (`van der Berg`, `de Vries`).
    private static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "dello", "da", "das", "dos", "di", "du", "la", "le", "ter", "ten", "zu", "st.", "bin", "ibn", "al",
    ]

    /// Nicknames and the formal given names they stand for (not the reverse
    /// relation between two formal names: `Chris` may be `Christopher` or
    /// `Christian`, which are not each other).
    private static let nicknames: [String: Set<String>] = {
        let table: [(String, [String])] = [
            ("alex", ["alexander", "alexandra", "alexandre", "alejandro", "alexis", "aleksandr", "aleksander"]),
            ("sasha", ["alexander", "alexandra", "aleksandr"]),
            ("andy", ["andrew", "andreas"]), ("drew", ["andrew"]),
            ("ben", ["benjamin"]), ("bill", ["william"]), ("will", ["william"]), ("liam", ["william"]),
            ("bob", ["robert"]), ("rob", ["robert"]), ("bobby", ["robert"]),
            ("chris", ["christopher", "christian", "christina", "christine", "christoph"]),
            ("kit", ["christopher", "cristofero", "christoph"]),
            ("dan", ["daniel"]), ("danny", ["daniel"]), ("dave", ["david"]),
            ("ed", ["edward", "edwin", "edmund"]), ("eddie", ["edward"]),
            ("greg", ["gregory"]), ("jim", ["james"]), ("jimmy", ["james"]), ("jamie", ["james"]),
            ("joe", ["joseph"]), ("jon", ["jonathan"]), ("josh", ["joshua"]),
            ("kate", ["katherine", "catherine", "kathryn", "katharina", "ekaterina"]),
            ("katie", ["katherine", "catherine", "kathryn"]), ("katya", ["ekaterina", "katerina"]),
            ("matt", ["matthew", "matthias", "mattia"]), ("mike", ["michael"]), ("nick", ["nicholas", "nicolas", "nikolaos"]),
            ("pat", ["patrick", "patricia"]), ("phil", ["philip", "phillip", "philipp"]),
            ("rick", ["richard"]), ("rich", ["richard"]), ("sam", ["samuel", "samantha"]),
            ("steve", ["steven", "stephen"]), ("ted", ["theodore", "edward"]), ("tim", ["timothy"]),
            ("tom", ["thomas"]), ("tony", ["anthony", "antonio"]), ("vicky", ["victoria"]),
            ("zach", ["zachary"]), ("zack", ["zachary"]), ("max", ["maximilian", "maxwell", "maxim"]),
            ("jeff", ["jeffrey", "geoffrey"]), ("jake", ["jacob"]), ("nate", ["nathan", "nathaniel"]),
            ("liz", ["elizabeth"]), ("beth", ["elizabeth"]), ("jen", ["jennifer"]), ("jenny", ["jennifer"]),
        ]
        return Dictionary(table.map { ($0.0, Set($0.1)) }, uniquingKeysWith: { $0.union($1) })
    }()
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
