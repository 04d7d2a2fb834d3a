using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PdfSharp.Pdf;
using TakedownFn.Evidence;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Statements;
using static TakedownFn.Evidence.EvidencePdf;

namespace TakedownFn.SafeHarbour;

/// <summary>
/// The period safe-harbour statement as a PDF for lawyers: a summary page with the three
/// conditions and their figures, every breach listed, the compliance charts per regime and per
/// week, and the fingerprints that tie the PDF to the signed JSON statement, its checkpoint and the
/// ledger keys, and the signed JSON itself attached (so the verifier can check exactly what the PDF
/// states). Drawn with PDFsharp; the figures are the signed statement's, never recounted.
/// </summary>
internal static class SafeHarbourPdf
{
    public static byte[] Render(SignedStatement signed, IReadOnlyList<NoteVerifierKey> keys)
    {
        EvidenceFonts.EnsureRegistered();
        var envelope = JsonNode.Parse(signed.Body)!.AsObject();
        var statement = envelope["statement"]!;
        using var document = new PdfDocument();
        document.Info.Title = $"Safe-harbour statement {signed.StatementId}";
        document.Info.Creator = "TakedownFn";
        using (var writer = new PdfPageWriter(document))
        {
            Summary(writer, signed.Figures, statement);
            writer.NewPage();
            Charts(writer, signed.Figures);
            writer.NewPage();
            Breaches(writer, signed.Figures.TimelyHandling.Breaches);
            writer.Gap();
            Verification(writer, envelope, keys);
        }

        // The signed JSON rides along as an attachment: the fingerprints on the last page are of these
        // very bytes (a statement fetched again is generated anew, with another generatedAt and digest).
        document.AddEmbeddedFile($"safe-harbour-{signed.StatementId}.json", new MemoryStream(signed.Body, writable: false));
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long? seconds) => seconds is { } s ? Span(TimeSpan.FromSeconds(s)) : "—";

    private static void Summary(PdfPageWriter w, SafeHarbourFigures f, JsonNode statement)
    {
        w.Title($"Safe-harbour statement {(string?)statement["statementId"]}");
        w.Text($"Tenant {(string?)statement["tenantId"]}, notices received from {Time(statement["from"]!.GetValue<DateTimeOffset>())} to {Time(statement["to"]!.GetValue<DateTimeOffset>())}, regime {(string?)statement["regime"] ?? "all"}");
        w.Text($"Generated {Time(statement["generatedAt"]!.GetValue<DateTimeOffset>())}; every figure is counted from ledger leaves under the checkpoint below.");
        w.Gap();
        w.Pairs(("Cases", N(f.Cases)), ("Cases without facts", N(f.CasesWithoutFacts) + " (leaves of version 1: no regime or stage bound)"));

        w.Gap();
        w.Heading("1. A working complaint channel");
        double[] channel = [0, 80, 135, 195, 265, 335, 405];
        w.Row(channel, true, "Regime", "Received", "Acknowl.", "Ack. p50", "Ack. p90", "Incomplete", "Answered / supplemented");
        foreach (var r in f.ComplaintChannel.Regimes)
        {
            w.Row(channel, false, r.Regime, N(r.Received), N(r.Acknowledged), Seconds(r.AcknowledgeP50Seconds), Seconds(r.AcknowledgeP90Seconds), N(r.Incomplete), $"{N(r.IncompleteAnswered)} / {N(r.Supplemented)}");
            w.Small("    by channel: " + string.Join(", ", r.ReceivedByChannel.Select(c => $"{c.Key} {N(c.Value)}")));
        }

        w.Gap();
        w.Heading("2. Valid notices handled in time");
        double[] act = [0, 80, 135, 195, 265, 335];
        w.Row(act, true, "Regime", "Valid", "Act met", "Breached", "Open", "Stopped");
        foreach (var r in f.TimelyHandling.Regimes)
        {
            w.Row(act, false, r.Regime, N(r.Valid), N(r.ActMet), N(r.ActBreached), N(r.ActOpen), N(r.ActStopped));
        }

        var c = f.TimelyHandling.CounterNotices;
        w.Pairs(
            ("Breached stages", N(f.TimelyHandling.Breaches.Count) + " (each listed on page 3)"),
            ("Counter-notices", $"{N(c.Received)} received; restoration met {N(c.RestorationMet)}, breached {N(c.RestorationBreached)}, open {N(c.RestorationOpen)}, stopped {N(c.RestorationStopped)}; {N(c.Restored)} restored"));

        w.Gap();
        w.Heading("3. Records preserved, cooperation given");
        var p = f.Preservation;
        w.Pairs(
            ("Preservation", $"required {N(p.PreservationRequired)}: met {N(p.PreservationMet)}, breached {N(p.PreservationBreached)}, open {N(p.PreservationOpen)}"),
            ("Evidence preserved", $"{N(p.EvidencePreservedSteps)} steps"),
            ("Legal holds in force", $"{N(p.CasesUnderLegalHold)} cases at the period's end"),
            ("Disclosed to authorities", $"{N(p.DisclosuresToAuthorities)} disclosures on {N(p.CasesDisclosedToAuthorities)} cases"));
    }

    private static void Charts(PdfPageWriter w, SafeHarbourFigures f)
    {
        w.Heading("Compliance per regime");
        if (f.TimelyHandling.Regimes.Count == 0)
        {
            w.Text("No valid notice in the period.");
            return;
        }

        w.Image(SafeHarbourCharts.PerRegime(f.TimelyHandling.Regimes), 200);
        w.Gap();
        w.Heading("Compliance per week");
        w.Image(SafeHarbourCharts.PerWeek(f.TimelyHandling.Weeks), 200);
        w.Small("Weeks are ISO 8601 weeks of the notice's receipt (UTC).");
    }

    private static void Breaches(PdfPageWriter w, IReadOnlyList<BreachFigure> breaches)
    {
        w.Heading($"Every breach ({N(breaches.Count)})");
        double[] columns = [0, 120, 215, 320, 400, 470];
        w.Row(columns, true, "Case", "Stage", "Deadline", "Margin", "Reason", "Recorded by");
        foreach (var b in breaches)
        {
            w.Row(columns, false, b.CaseId, b.Stage, Time(b.DueAt), Seconds(b.MarginSeconds), b.Reason, b.RecordedBy is { } by ? by[..Math.Min(by.Length, 14)] + "…" : "—");
        }

        if (breaches.Count == 0)
        {
            w.Text("None.");
        }
    }

    private static void Verification(PdfPageWriter w, JsonObject envelope, IReadOnlyList<NoteVerifierKey> keys)
    {
        w.Heading("Verification");
        var checkpoint = envelope["statement"]!["checkpoint"]!;
        w.Text($"Checkpoint: {(string?)checkpoint["origin"]}, tree size {(long)checkpoint["treeSize"]!}");
        w.Text($"Root hash: {(string?)checkpoint["rootHash"]}");
        w.Text($"Statement SHA-256: {(string?)envelope["statementSha256"]}");
        foreach (var signature in SignedNote.Parse((string)envelope["signedNote"]!).Signatures)
        {
            w.Text($"Signed by {signature.KeyName}, key id {signature.KeyId:x8}");
        }

        foreach (var key in keys)
        {
            w.Text($"Key {key.KeyId:x8}: SHA-256 {Convert.ToHexStringLower(SHA256.HashData(key.SubjectPublicKeyInfo))}");
        }

        w.Small("The signed JSON statement is attached to this PDF. Check it offline:");
        w.Small("TakedownFn.Verifier statement --file statement.json --export ledger.jsonl --key ledger.pub.pem");
    }
}
