import PaperCatalog
import Testing

@Suite struct PaperLinkTests {
    @Test func anArxivIdGivesTheAbstractPageAndThePDF() {
        let paper = Paper(id: "2504.00256", title: "Reinterpretation", arxivId: "2504.00256")
        #expect(paper.url == "https://arxiv.org/abs/2504.00256")
        #expect(paper.urlKind == .arxiv)
        #expect(paper.pdfURL == "https://arxiv.org/pdf/2504.00256")
        let old = Paper(arxivId: "hep-th/9901001v2")
        #expect(old.url == "https://arxiv.org/abs/hep-th/9901001v2" && old.pdfURL == "https://arxiv.org/pdf/hep-th/9901001v2")
    }

    @Test func withoutAnIdTheLinkSearchesArxivForTheTitle() {
        let paper = Paper(id: "halverson2026naturalness", title: "Naturalness and Fisher Information")
        #expect(paper.url == "https://arxiv.org/search/?query=Naturalness%20and%20Fisher%20Information&searchtype=title")
        #expect(paper.urlKind == .search)
        #expect(paper.pdfURL == nil)
    }

    @Test func searchTermsArePercentEncodedAsUTF8() {
        let paper = Paper(title: "  Jürgen's \"AI\" & $SU(2)$:\n 100%? #1/2+x=y ")
        #expect(paper.url == "https://arxiv.org/search/?query=J%C3%BCrgen%27s%20AI%20%26%20%24SU%282%29%24%3A%20100%25%3F%20%231%2F2%2Bx%3Dy&searchtype=title")
    }

    @Test func withoutATitleTheAbstractOrTheIdIsSearched() {
        let words = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(
            Paper(id: "x", abstract: words).url
                == "https://arxiv.org/search/?query=w1%20w2%20w3%20w4%20w5%20w6%20w7%20w8%20w9%20w10%20w11%20w12&searchtype=abstract")
        #expect(Paper(id: "lonely2020", title: " \"\" ").url == "https://arxiv.org/search/?query=lonely2020&searchtype=all")
    }

    @Test func everyBundledRecordHasALink() {
        #expect(bundled.papers.count == 613)
        #expect(bundled.papers.allSatisfy { $0.url.hasPrefix("https://arxiv.org/") && !$0.url.contains(" ") })
        #expect(bundled.papers.filter { $0.urlKind == .arxiv }.count == 10)
        #expect(bundled.papers.filter { $0.pdfURL != nil }.count == 10)
    }
}
