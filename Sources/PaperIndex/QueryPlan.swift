import PaperCatalog
import TextNormalization

/// One scoring part of a ranked query: a word as typed (`matter`,
/// `multi-scale`, `SBI`), or a group, with the documents it matches and
/// the ways its terms may appear.
///
/// A document's score for the clause is its best alternative's weighted
/// BM25F sum over the terms it holds: `multi-scale` is `multi` + `scale`
/// or the compound `multiscale`; `SBI` is `sbi` or, weighted lower, the
/// words of `simulation-based inference` (``AcronymTable``).
struct ScoringClause {
    /// One way the clause's terms may appear.
    struct Alternative {
        var terms: [Int32]
        var weight: Double
        /// Per term, how many of the query's words it stands for: a word
        /// is one unit, shared by its terms (`multi-scale`: a half each);
        /// coordination counts the units a paper holds.
        var units: [Double]

        init(terms: [Int32], weight: Double, units total: Double = 1) {
            self.terms = terms
            self.weight = weight
            units = Array(repeating: terms.isEmpty ? 0 : total / Double(terms.count), count: terms.count)
        }

        init(terms: [Int32], units: [Double]) {
            self.terms = terms
            self.weight = 1
            self.units = units
        }
    }

    var fields: [Field]
    var alternatives: [Alternative]
    /// The documents the clause matches, ascending.
    var docs: DocSet

    /// How many of the query's words the clause stands for.
    var units: Double { alternatives.map { $0.units.reduce(0, +) }.max() ?? 0 }
}

/// A query made ready to rank: its clauses by occurrence, the documents
/// that bound the answer, and the phrase orders left to check.
struct QueryPlan {
    var should: [ScoringClause] = []
    var must: [ScoringClause] = []
    /// Required documents from clauses that do not score (categories,
    /// years, first authors); `nil` stands for every document.
    var required: DocSet?
    var excluded: [DocSet] = []
    /// Phrases whose terms every candidate holds but whose order is checked
    /// only for the documents ranking reaches: checking means re-reading
    /// the document, and a top ten needs few of them.
    var phrases: [(terms: [Int32], fields: [Field])] = []
    /// The query word (as typed) each scoring term stands for: what ``Matches`` reports.
    var labels: [Int32: String] = [:]

    var clauses: [ScoringClause] { must + should }

    /// Each labelled scoring term's word, and the position of its first
    /// appearance among the clauses' terms: the order ``Matches`` lists them in.
    var orderedLabels: [Int32: (label: String, order: Int)] {
        var ordered: [Int32: (label: String, order: Int)] = [:]
        for (order, term) in clauses.flatMap({ $0.alternatives.flatMap(\.terms) }).enumerated() {
            if let label = labels[term], ordered[term] == nil { ordered[term] = (label, order) }
        }
        return ordered
    }

    /// How many words the scoring clauses stand for: coordination's whole.
    var units: Double { clauses.reduce(0) { $0 + $1.units } }

    mutating func narrow(_ docs: DocSet) { required = required.map { $0.intersection(docs) } ?? docs }
}

extension CatalogIndex {
    /// The plan of `query`: its top-level clauses by occurrence, optional
    /// common words dropped when other words remain (``StopWords``), a word
    /// repeated counted once, and runs of optional words that the catalog
    /// also writes another way tried both ways (``mergePhrasings(_:)``).
    func plan(_ query: Query) throws(SearchError) -> QueryPlan {
        var plan = QueryPlan()
        let clauses: [Query.Clause] = if case .clauses(let clauses) = query { clauses } else { [Query.Clause(query.defaultOccur, query)] }
        let keepsStopWords = clauses.allSatisfy { clause in
            guard case .word(let text, nil) = clause.query else { return clause.occur == .mustNot }
            return clause.occur == .mustNot || StopWords.contains(text)
        }
        var seen: Set<String> = []
        // Optional plain words in order, each with its clause in `plan.should` (none for a stop word).
        var words: [(text: String, clause: Int?)] = []
        for clause in clauses {
            if clause.occur == .mustNot {
                plan.excluded.append(try docs(matching: clause.query))
                continue
            }
            if case .word(let text, _) = clause.query, SearchText.terms(text).isEmpty { continue }
            if clause.occur == .should, case .word(let text, nil) = clause.query, !keepsStopWords, StopWords.contains(text) {
                words.append((text, nil))
                continue
            }
            if case .phrase(let text, let field) = clause.query, clause.occur == .must, field != .author {
                let terms = SearchText.terms(text)
                let ids = terms.compactMap(termID)
                let fields = QueryField.searched(field)
                if terms.count > 1, ids.count == terms.count {
                    plan.phrases.append((ids, fields))
                    plan.must.append(
                        ScoringClause(
                            fields: fields, alternatives: [.init(terms: ids, weight: 1)],
                            docs: docs(containingAll: terms, in: fields)))
                    plan.label(ids, text)
                    continue
                }
            }
            guard let scoring = try scoringClause(clause.query) else {
                if clause.occur == .must {
                    plan.narrow(try docs(matching: clause.query))
                } else {
                    plan.should.append(ScoringClause(fields: [], alternatives: [], docs: try docs(matching: clause.query)))
                }
                continue
            }
            let key = "\(clause.occur)\(scoring.fields)\(scoring.alternatives.map(\.terms))"
            guard seen.insert(key).inserted else { continue }
            plan.label(scoring.alternatives.flatMap(\.terms), clause.query.label)
            if clause.occur == .must {
                plan.must.append(scoring)
            } else {
                if case .word(let text, nil) = clause.query, scoring.alternatives.count == 1 { words.append((text, plan.should.count)) }
                plan.should.append(scoring)
            }
        }
        mergePhrasings(&plan, words)
        return plan
    }

    /// Merges each run of optional words that the catalog also writes
    /// another way into one clause that scores the better way, so that
    /// neither way counts twice:
    ///
    /// - a learned acronym's long form (`simulation-based inference`, or
    ///   `dark matter`) or the acronym, weighted ``expansionWeight``;
    /// - two words or their compound (`multi scale` or `multiscale`), when
    ///   the catalog has the compound.
    private func mergePhrasings(_ plan: inout QueryPlan, _ words: [(text: String, clause: Int?)]) {
        var merged: [ScoringClause] = []
        var absorbed: Set<Int> = []
        var start = 0
        while start < words.count {
            var run: (end: Int, alternatives: [ScoringClause.Alternative])?
            for end in stride(from: min(words.count, start + 8), through: start + 2, by: -1) where run == nil {
                let key = words[start..<end].flatMap { SearchText.terms($0.text) }.joined(separator: " ")
                let acronymTerms = acronyms.entries(expansion: key).compactMap { entry -> Int32? in
                    guard let id = termID(acronyms.keys[entry]) else { return nil }
                    plan.label([id], acronyms.forms[entry])
                    return id
                }
                if !acronymTerms.isEmpty { run = (end, acronymTerms.map { .init(terms: [$0], weight: Self.expansionWeight) }) }
            }
            if run == nil, start + 2 <= words.count, words[start].clause != nil, words[start + 1].clause != nil,
                let compound = compoundTerm(words[start].text, words[start + 1].text)
            {
                plan.label([compound], words[start].text + " " + words[start + 1].text)
                run = (start + 2, [.init(terms: [compound], weight: 1)])
            }
            guard let (end, found) = run else {
                start += 1
                continue
            }
            let parts = words[start..<end].compactMap(\.clause)
            let literal = ScoringClause.Alternative(
                terms: parts.flatMap { plan.should[$0].alternatives[0].terms },
                units: parts.flatMap { plan.should[$0].alternatives[0].units })
            // The other way of writing stands for all the words of the run.
            let alternatives = found.map { ScoringClause.Alternative(terms: $0.terms, weight: $0.weight, units: Double(parts.count)) }
            let matches = parts.map { plan.should[$0].docs } + alternatives.map { docs(containingAllIDs: $0.terms, in: Field.allCases) }
            merged.append(
                ScoringClause(
                    fields: Field.allCases, alternatives: (parts.isEmpty ? [] : [literal]) + alternatives,
                    docs: DocSet.union(matches)))
            absorbed.formUnion(parts)
            start = end
        }
        plan.should = plan.should.indices.filter { !absorbed.contains($0) }.map { plan.should[$0] } + merged
    }

    /// The term of two words written as one (`multi`, `scale` -> `multiscale`),
    /// when the catalog has it and it is not one of the two.
    private func compoundTerm(_ left: String, _ right: String) -> Int32? {
        let parts = SearchText.terms(left) + SearchText.terms(right)
        guard parts.count == 2, let joined = SearchText.terms(left + right).first, !parts.contains(joined) else { return nil }
        return termID(joined)
    }

    /// The scoring clause of a word, phrase, prefix or group; `nil` for a
    /// clause that only filters (category, year, first author).
    private func scoringClause(_ query: Query) throws(SearchError) -> ScoringClause? {
        switch query {
        case .word(let text, .author), .phrase(let text, .author):
            // A name: the papers of the person it stands for, ranked by its words found in the authors.
            // (And, as before identities, the papers holding its words in order in an author's name.)
            let ids = SearchText.terms(text).compactMap(termID)
            return ScoringClause(
                fields: [.authors], alternatives: ids.isEmpty ? [] : [.init(terms: ids, weight: 1)],
                docs: docs(byAuthor: text).union(phraseDocs(text, in: [.authors])))
        case .word(let text, let field):
            let fields = QueryField.searched(field)
            var terms: [Int32?] = []
            var compounds: [Int32?] = []
            SearchText.forEachTerm(in: text) { term, _, isCompound in
                if isCompound { compounds.append(termID(term)) } else { terms.append(termID(term)) }
            }
            var alternatives: [ScoringClause.Alternative] = []
            var matches = DocSet(sorted: [])
            if !terms.isEmpty, terms.allSatisfy({ $0 != nil }) {
                let ids = terms.map { $0! }
                alternatives.append(.init(terms: ids, weight: 1))
                matches = docs(containingAllIDs: ids, in: fields)
            }
            // A hyphenated pair also stands as one word: `multi-scale` finds `multiscale`.
            if terms.count == 2, let compound = compounds.first ?? nil {
                alternatives.append(.init(terms: [compound], weight: 1))
                matches = matches.union(docs(containingID: compound, in: fields))
            }
            guard !terms.isEmpty else { return nil }
            var clause = ScoringClause(fields: fields, alternatives: alternatives, docs: matches)
            if field == nil, terms.count == 1, let id = terms[0], let expansion = acronymExpansion(of: id) {
                clause.alternatives += expansion.alternatives
                clause.docs = clause.docs.union(expansion.docs)
            }
            return clause
        case .phrase(let text, let field):
            let fields = QueryField.searched(field)
            let ids = SearchText.terms(text).compactMap(termID)
            return ScoringClause(fields: fields, alternatives: [.init(terms: ids, weight: 1)], docs: phraseDocs(text, in: fields))
        case .prefix(let text, let field):
            let fields = QueryField.searched(field)
            let ids = terms(withPrefix: text)
            return ScoringClause(
                fields: fields, alternatives: ids.map { .init(terms: [$0], weight: 1) },
                docs: DocSet.union(ids.map { docs(containingID: $0, in: fields) }))
        case .clauses(let inner):
            let ids = inner.filter { $0.occur != .mustNot }.compactMap { try? scoringClause($0.query) }.flatMap { $0.alternatives.flatMap(\.terms) }
            return ScoringClause(fields: Field.allCases, alternatives: [.init(terms: ids, weight: 1)], docs: try docs(matching: query))
        case .firstAuthor, .category, .years:
            return nil
        }
    }

    /// The documents `query` matches, as a set (no scores).
    func docs(matching query: Query) throws(SearchError) -> DocSet {
        switch query {
        case .word, .prefix, .phrase(_, .author):
            return try scoringClause(query)?.docs ?? DocSet(sorted: [])
        case .phrase(let text, let field):
            return phraseDocs(text, in: QueryField.searched(field))
        case .firstAuthor(let name):
            return docs(byFirstAuthor: name)
        case .category(let name):
            return try docs(inCategory: name)
        case .years(let range):
            let positions = (0..<years.keys.count).filter { Int(years.keys[$0]).map(range.contains) == true }
            return DocSet.union(positions.map(years.docs(at:)))
        case .clauses(let clauses):
            var must: DocSet?
            var should: [DocSet] = []
            var excluded: [DocSet] = []
            for clause in clauses {
                let docs = try docs(matching: clause.query)
                switch clause.occur {
                case .must: must = must.map { $0.intersection(docs) } ?? docs
                case .should: should.append(docs)
                case .mustNot: excluded.append(docs)
                }
            }
            var result = must ?? DocSet.union(should)
            for docs in excluded { result = result.subtracting(docs) }
            return result
        }
    }

    /// Documents holding every one of `terms` in one of `fields` (not
    /// necessarily in the same field, nor in order).
    func docs(containingAll terms: [String], in fields: [Field]) -> DocSet {
        let ids = terms.compactMap(termID)
        return ids.count == terms.count ? docs(containingAllIDs: ids, in: fields) : DocSet(sorted: [])
    }

    func docs(containingAllIDs ids: [Int32], in fields: [Field]) -> DocSet {
        guard let first = ids.first else { return DocSet.all(count) }
        var result = docs(containingID: first, in: fields)
        for id in ids.dropFirst() where !result.isEmpty {
            result = result.intersection(docs(containingID: id, in: fields))
        }
        return result
    }

    /// Documents where the terms of `text` occur consecutively in one of `fields`.
    func phraseDocs(_ text: String, in fields: [Field]) -> DocSet {
        let terms = SearchText.terms(text)
        let result = docs(containingAll: terms, in: fields)
        guard terms.count > 1, !result.isEmpty else { return result }
        let phrase = terms.map { termID($0)! }
        return result.keeping { contains(phrase: phrase, in: fields, doc: $0) }
    }
}

extension CatalogIndex {
    /// How much a long form's words count for its acronym, and the reverse:
    /// less than the literal form, so that papers writing what was typed rank first.
    static let expansionWeight = 0.6

    /// The acronyms the catalog defines, most frequent first.
    /// - Complexity: O(entries × log entries).
    public func learnedAcronyms() -> [Acronym] {
        (0..<acronyms.count).map { acronyms[$0] }.sorted { ($1.count, $0.acronym, $0.expansion) < ($0.count, $1.acronym, $1.expansion) }
    }

    /// The long forms of an acronym's term (`sbi` -> the words of
    /// `simulation-based inference`), each papers' definition that has at
    /// least a quarter of the most frequent one's count, as an alternative.
    func acronymExpansion(of term: Int32) -> (alternatives: [ScoringClause.Alternative], docs: DocSet)? {
        let entries = acronyms.entries(acronym: vocabulary[Int(term)])
        guard let top = entries.first else { return nil }
        var alternatives: [ScoringClause.Alternative] = []
        var matches: [DocSet] = []
        for entry in entries where 4 * acronyms.counts[entry] >= acronyms.counts[top] {
            let words = acronyms.expansionKeys[entry].split(separator: " ").map(String.init)
            let ids = words.compactMap(termID)
            guard ids.count == words.count else { continue }
            alternatives.append(.init(terms: ids, weight: Self.expansionWeight))
            matches.append(docs(containingAllIDs: ids, in: Field.allCases))
        }
        return alternatives.isEmpty ? nil : (alternatives, DocSet.union(matches))
    }
}

extension QueryPlan {
    /// Records that `terms` stand for `word`, unless they already stand for another.
    mutating func label(_ terms: [Int32], _ word: String) {
        for term in terms where labels[term] == nil { labels[term] = word }
    }
}

extension Query {
    /// The text a word, phrase or prefix clause was typed as.
    var label: String {
        switch self {
        case .word(let text, _), .phrase(let text, _): text
        case .prefix(let text, _): text + "*"
        default: ""
        }
    }
}
