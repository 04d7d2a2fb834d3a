namespace TakedownFn.Domain.Notices;

public static partial class LegalCompleteness
{
    private const string Dmca = "17 USC 512(c)(3)(A)";
    private const string Dsa = "Regulation (EU) 2022/2065 Art. 16(2)";
    private const string Rdni = "Regulations on the Right to Network Dissemination of Information Art. 14";
    private const string CivilCode = "Civil Code Art. 1195 para. 1";
    private const string Cac = "CAC notice on personal information disclosure, May 2025";

    /// <summary>
    /// The one table of required elements per regime. Where a statute names no elements
    /// (NetzDG, IT Rules, Online Safety Act, the CAC notice), the rule is the platform's minimum
    /// to examine the content at all, and the citation names the provision that forces the review.
    /// </summary>
    private static readonly Dictionary<string, ElementRule[]> Rules = new(StringComparer.Ordinal)
    {
        // A notice that fails substantially to comply gives no knowledge: 512(c)(3)(B)(i).
        [Regimes.UsDmca] =
        [
            new(NoticeElements.Signature, Dmca + "(i)", "signature", n => HasText(n.Signature)),
            new(NoticeElements.WorkIdentification, Dmca + "(ii)", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.MaterialLocation, Dmca + "(iii)", "items", HasItems),
            new(NoticeElements.NotifierContact, Dmca + "(iv)", "notifier.contact", HasContact),
            new(NoticeElements.GoodFaithStatement, Dmca + "(v)", "declarations.goodFaith", n => n.Declarations.GoodFaith),
            new(NoticeElements.AccuracyStatement, Dmca + "(vi)", "declarations.accuracy", n => n.Declarations.Accuracy),
            new(NoticeElements.PerjuryStatement, Dmca + "(vi)", "declarations.authorityUnderPenaltyOfPerjury",
                n => n.Declarations.AuthorityUnderPenaltyOfPerjury),
        ],
        [Regimes.EuDsa16] =
        [
            new(NoticeElements.SubstantiatedExplanation, Dsa + "(a)", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.ExactLocation, Dsa + "(b)", "items", AllItemsAreUrls),

            // Art. 16(2)(c) exempts notices about the offences of Directive 2011/93/EU Arts. 3-7.
            new(NoticeElements.NotifierName, Dsa + "(c)", "notifier.name", n => n.Category == Categories.Csam || HasName(n)),
            new(NoticeElements.NotifierEmail, Dsa + "(c)", "notifier.contact.email", n => n.Category == Categories.Csam || HasEmail(n)),
            new(NoticeElements.GoodFaithStatement, Dsa + "(d)", "declarations.goodFaith", n => n.Declarations.GoodFaith),
        ],
        [Regimes.CnCivilCode1195] =
        [
            new(NoticeElements.PreliminaryEvidence, CivilCode, "evidence", HasEvidence),

            // "真实身份信息": a real identity is a name the platform can hold liable (para. 3) and a way to reach it.
            new(NoticeElements.NotifierName, CivilCode, "notifier.name", HasName),
            new(NoticeElements.NotifierContact, CivilCode, "notifier.contact", HasContact),
        ],
        [Regimes.CnCopyright] =
        [
            new(NoticeElements.NotifierName, Rdni + "(1)", "notifier.name", HasName),
            // Art. 14(1) lists "联系方式和地址" apart: the address does not count as the contact.
            new(NoticeElements.NotifierContact, Rdni + "(1)", "notifier.contact", HasDirectContact),
            new(NoticeElements.NotifierAddress, Rdni + "(1)", "notifier.contact.postalAddress", HasPostalAddress),
            new(NoticeElements.WorkIdentification, Rdni + "(2)", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.NetworkAddress, Rdni + "(2)", "items", AllItemsAreUrls),
            new(NoticeElements.PreliminaryEvidence, Rdni + "(3)", "evidence", HasEvidence),
        ],

        // Zero tolerance: accept any notice that says where the information is and comes from
        // someone reachable or affected; demanding more would delay removing a victim's address.
        [Regimes.CnPersonalInfo] =
        [
            new(NoticeElements.InformationLocation, Cac, "items", HasItems),
            new(NoticeElements.NotifierStanding, Cac, "notifier", n =>
                HasContact(n) || n.Notifier?.Role is NotifierRole.Victim or NotifierRole.Representative),
        ],
        [Regimes.DeNetzDg] =
        [
            new(NoticeElements.Explanation, "NetzDG §3(2) Nr. 1", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.ContentLocation, "NetzDG §3(2) Nr. 1", "items", HasItems),
        ],
        [Regimes.InItRules] =
        [
            new(NoticeElements.Explanation, "IT Rules 2021 Rule 3(2)", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.ContentLocation, "IT Rules 2021 Rule 3(2)", "items", HasItems),
        ],
        [Regimes.AuOsa] =
        [
            new(NoticeElements.Explanation, "Online Safety Act 2021 s77, s88", "explanation", n => HasText(n.Explanation)),
            new(NoticeElements.ContentLocation, "Online Safety Act 2021 s77, s88", "items", HasItems),
        ],
    };
}
