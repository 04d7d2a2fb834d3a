using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PdfSharp.Pdf;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Sla;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Evidence;

/// <summary>
/// The evidence bundle as a PDF for lawyers: a one-page summary (regime, each stage's deadline,
/// outcome and margin), a timeline of the stages against their deadlines, the steps table, and the
/// fingerprints that tie the PDF to the signed JSON bundle and the ledger. Drawn with PDFsharp; the
/// timeline is a ScottPlot chart (<see cref="EvidenceTimelineChart"/>).
/// </summary>
internal static class EvidencePdf
{
    /// <summary>How the PDF writes an instant: UTC, to the second.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    /// <summary>How the PDF writes a margin: signed, in days, hours, minutes and seconds (truncated to the second).</summary>
    public static string Span(TimeSpan? span)
    {
        if (span is not { } s)
        {
            return "—";
        }

        var a = s.Duration();
        return (s < TimeSpan.Zero ? "-" : "+") + string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalDays}d {a.Hours:00}h {a.Minutes:00}m {a.Seconds:00}s");
    }

    public static byte[] Render(EvidenceBundle bundle, JsonObject signed, CalendarCatalog calendars)
    {
        EvidenceFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Evidence bundle, case {bundle.Case.CaseId}";
        document.Info.Creator = "TakedownFn";
        var writer = new PdfPageWriter(document);
        Summary(writer, bundle, signed);
        writer.NewPage();
        Timeline(writer, bundle, calendars);
        writer.NewPage();
        Steps(writer, bundle);
        writer.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Summary(PdfPageWriter w, EvidenceBundle bundle, JsonObject signed)
    {
        var c = bundle.Case;
        w.Title($"Evidence bundle — case {c.CaseId}");
        w.Text($"Generated {Time(bundle.GeneratedAt)} for log {bundle.Origin}");
        w.Gap();
        w.Pairs(
            ("Regime", c.Regime),
            ("Category", c.Category),
            ("Severity", c.Severity ?? "—"),
            ("State", c.State),
            ("Validation", bundle.Validation.Result + (bundle.Validation.MissingElements.Count > 0 ? " (missing: " + string.Join(", ", bundle.Validation.MissingElements.Select(m => $"{m.Element}, {m.Citation}")) + ")" : string.Empty)),
            ("Policy", bundle.Policy?.Id ?? "— (judged before policy packs)"),
            ("Received (platform)", Time(c.ReceivedAt)),
            ("Accepted (service)", Time(c.AcceptedAt)),
            ("Steps", c.StepCount.ToString(CultureInfo.InvariantCulture)));
        w.Gap();
        w.Heading("Stages");
        double[] columns = [0, 130, 245, 360, 425];
        w.Row(columns, true, "Stage", "Deadline", "Completed", "Outcome", "Margin");
        foreach (var s in bundle.Stages)
        {
            w.Row(columns, false, s.Stage, Time(s.DueAt), Time(s.CompletedAt), s.Status, Span(s.Margin));
        }

        w.Gap();
        w.Heading("Verification");
        w.Text($"Checkpoint: tree size {bundle.Checkpoint.TreeSize}, root {bundle.Checkpoint.RootHash}");
        var unsigned = (JsonObject)signed.DeepClone();
        unsigned.Remove("signature");
        w.Text("Bundle SHA-256 (RFC 8785): " + Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(unsigned))));
        foreach (var key in Ledger.Checkpoints.NoteVerifierKey.FromPem(bundle.Origin, bundle.VerificationKeysPem))
        {
            w.Text($"Key {key.KeyId:x8}: SHA-256 {Convert.ToHexStringLower(SHA256.HashData(key.SubjectPublicKeyInfo))}");
        }

        w.Small("Check the JSON bundle offline: TakedownFn.Verifier bundle --file bundle.json --key ledger.pub.pem");
    }

    private static void Timeline(PdfPageWriter w, EvidenceBundle bundle, CalendarCatalog calendars)
    {
        w.Heading("Timeline: stages against their deadlines");
        if (!EvidenceTimelineChart.HasTimedStages(bundle))
        {
            w.Text("No stage has a clock yet.");
            return;
        }

        var (png, width, height) = EvidenceTimelineChart.Render(bundle);
        w.Image(png, w.Width * height / width);
        w.Small(EvidenceTimelineChart.Caption(bundle, calendars));
    }

    private static void Steps(PdfPageWriter w, EvidenceBundle bundle)
    {
        w.Heading("Steps");
        double[] columns = [0, 28, 160, 330, 380];
        w.Row(columns, true, "#", "Recorded (server)", "Kind", "Leaf", "Leaf hash");
        foreach (var s in bundle.Steps)
        {
            w.Row(columns, false, s.Sequence.ToString(CultureInfo.InvariantCulture), Time(s.RecordedAt), s.Kind, s.Leaf.Index.ToString(CultureInfo.InvariantCulture), s.Leaf.Hash[..16] + "…");
        }

        w.Gap();
        w.Heading("Preservation");
        foreach (var p in bundle.Preservation)
        {
            w.Text($"{Time(p.RecordedAt)}: content {p.ContentHash?[..16]}…, kept at {p.SnapshotLocation ?? "—"}, retention {p.RetentionPeriod ?? "—"}, legal hold {(p.LegalHold ? "yes" : "no")}");
        }

        w.Gap();
        w.Heading("Notifications and counter-notices");
        foreach (var n in bundle.Notifications.Concat(bundle.CounterNotices).OrderBy(n => n.RecordedAt))
        {
            w.Text($"{Time(n.RecordedAt)}: {n.Kind}");
        }
    }
}
