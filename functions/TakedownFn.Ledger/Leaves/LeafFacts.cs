using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// The facts about a case a version 2 leaf states in clear, as they stood once the step was
/// recorded: what the period statement counts and a bundle asserts. Ids, levels and times only;
/// never personal data (those stay <see cref="Commitment"/>s).
/// </summary>
/// <param name="Regime">The legal regime id.</param>
/// <param name="Category">The notice category id.</param>
/// <param name="Severity">The assessed severity level, once triaged.</param>
/// <param name="Validation"><c>pending</c>, <c>valid</c> or <c>incomplete</c>.</param>
/// <param name="State">The case state id after the step.</param>
/// <param name="Stages">Every stage with a running or ended deadline, in stage order.</param>
/// <param name="Completes">The stages this very step completed.</param>
public sealed record LeafFacts(
    string Regime,
    string Category,
    string? Severity,
    string Validation,
    string State,
    IReadOnlyList<LeafStage> Stages,
    IReadOnlyList<string> Completes)
{
    /// <summary>The facts as the JSON object a leaf holds.</summary>
    public JsonObject ToJson()
    {
        var stages = new JsonArray();
        foreach (var s in Stages)
        {
            var stage = new JsonObject { ["stage"] = s.Stage, ["dueAt"] = LeafTimes.Format(s.DueAt), ["state"] = s.State };
            if (s.CompletedAt is { } done)
            {
                stage["completedAt"] = LeafTimes.Format(done);
            }

            stages.Add(stage);
        }

        var facts = new JsonObject
        {
            ["regime"] = Regime,
            ["category"] = Category,
            ["validation"] = Validation,
            ["state"] = State,
            ["stages"] = stages,
            ["completes"] = new JsonArray([.. Completes.Select(c => (JsonNode)c)]),
        };
        if (Severity is not null)
        {
            facts["severity"] = Severity;
        }

        // Written only when known, so leaves from before these facts keep their bytes and verify.
        if (Channel is not null)
        {
            facts["channel"] = Channel;
        }

        if (LegalHold is { } hold)
        {
            facts["legalHold"] = hold;
        }

        return facts;
    }

    /// <summary>Reads facts written by <see cref="ToJson"/>.</summary>
    public static LeafFacts FromJson(JsonElement facts)
    {
        static string Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new JsonException($"facts member \"{name}\" is missing or not a string");

        var stages = facts.GetProperty("stages").EnumerateArray().Select(s => new LeafStage(
            Text(s, "stage"),
            LeafTimes.Parse(Text(s, "dueAt")),
            Text(s, "state"),
            s.TryGetProperty("completedAt", out var c) ? LeafTimes.Parse(c.GetString()!) : null)).ToList();
        return new LeafFacts(
            Text(facts, "regime"),
            Text(facts, "category"),
            facts.TryGetProperty("severity", out var severity) ? severity.GetString() : null,
            Text(facts, "validation"),
            Text(facts, "state"),
            stages,
            [.. facts.GetProperty("completes").EnumerateArray().Select(c => c.GetString()!)])
        {
            Channel = facts.TryGetProperty("channel", out var channel) ? channel.GetString() : null,
            LegalHold = facts.TryGetProperty("legalHold", out var hold) ? hold.GetBoolean() : null,
        };
    }

    /// <summary>The complaint channel the notice arrived by; null in leaves of cases accepted before channels were recorded.</summary>
    public string? Channel { get; init; }

    /// <summary>On an <c>evidence-preserved</c> leaf, whether the evidence is kept under a legal hold; null on every other leaf.</summary>
    public bool? LegalHold { get; init; }

    public bool Equals(LeafFacts? other) =>
        other is not null && Regime == other.Regime && Category == other.Category && Severity == other.Severity && Channel == other.Channel && LegalHold == other.LegalHold
        && Validation == other.Validation && State == other.State && Stages.SequenceEqual(other.Stages) && Completes.SequenceEqual(other.Completes);

    public override int GetHashCode() => HashCode.Combine(Regime, Category, State, Stages.Count);
}

/// <summary>One stage's deadline as it stood when the step was recorded.</summary>
/// <param name="Stage">The stage id (<c>act</c>, <c>acknowledge</c>, …).</param>
/// <param name="DueAt">The deadline: computed at triage, moved by pauses and supplements.</param>
/// <param name="State">The stage's state (<c>open</c>, <c>met</c>, <c>breached</c>, …).</param>
/// <param name="CompletedAt">When the completing step was recorded, once it was.</param>
public sealed record LeafStage(string Stage, DateTimeOffset DueAt, string State, DateTimeOffset? CompletedAt);

/// <summary>The one text form of times in leaves: RFC 3339 UTC with full tick precision.</summary>
public static class LeafTimes
{
    private const string Layout = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Layout, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.ParseExact(text, Layout, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);
}
