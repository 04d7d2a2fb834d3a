using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Domain.Detection;
using TakedownFn.Domain.Notices;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.PersonalData;

/// <summary>
/// Personal-information detection at acceptance: detects what each item's excerpt exposes, keeps
/// only kinds, positions and commitments under the tenant's secret, and takes the excerpts, the
/// uploader accounts and the victim account out of the notice before it is stored. So the excerpt
/// is never written anywhere: not to the case row, the queue or the ledger.
/// </summary>
internal sealed class NoticeScreening(TenantSecrets secrets)
{
    /// <summary>The notice fields that are dropped once detection has read them.</summary>
    private static readonly string[] ItemFieldsDropped = ["excerpt", "uploader"];
    private const string NoticeFieldDropped = "victimAccount";

    /// <summary>Whether the notice needs screening: doxxing notices always (their reporter joins an incident), others when they carry an excerpt, a marker or an account.</summary>
    public static bool Applies(Notice notice) => notice.Regime == Regimes.CnPersonalInfo || NoticeDetection.HasInputs(notice);

    /// <summary>The detection summary and the notice JSON to store (without the dropped fields).</summary>
    public async Task<(DetectionSummary Summary, ReadOnlyMemory<byte> Stored)> ScreenAsync(
        string tenantId, Notice notice, ReadOnlyMemory<byte> json, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(tenantId, cancellationToken);
        var summary = NoticeDetection.Summarise(notice, DateOnly.FromDateTime(now.UtcDateTime), (field, value) => Commitment.Compute(secret, field, value));
        return (summary, NoticeDetection.HasInputs(notice) ? Strip(json) : json);
    }

    /// <summary>The notice JSON without the dropped fields; everything else as the platform sent it.</summary>
    internal static ReadOnlyMemory<byte> Strip(ReadOnlyMemory<byte> json)
    {
        var root = JsonNode.Parse(json.Span)!.AsObject();
        root.Remove(NoticeFieldDropped);
        if (root["items"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                foreach (var field in ItemFieldsDropped)
                {
                    item.Remove(field);
                }
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
    }
}
