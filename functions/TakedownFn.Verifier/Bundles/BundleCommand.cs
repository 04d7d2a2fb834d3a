using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Domain.Evidence;
using TakedownFn.Ledger;

namespace TakedownFn.Verifier.Bundles;

/// <summary><c>bundle --file PATH --key PATH</c>: checks a case's evidence bundle offline.</summary>
internal static class BundleCommand
{
    public static string Run(string[] args)
    {
        var a = new Arguments(args, ["file", "key", "key-name"]);
        string text = FileCommands.ReadText(a.Text("file"));
        string keyPem = FileCommands.ReadText(a.Text("key"));
        JsonObject document;
        EvidenceBundle bundle;
        try
        {
            document = JsonNode.Parse(text) as JsonObject ?? throw new LedgerVerificationException("bundle is not a JSON object");
            bundle = document.Deserialize<EvidenceBundle>(EvidenceJson.Options) ?? throw new LedgerVerificationException("bundle is empty");
        }
        catch (JsonException ex)
        {
            throw new LedgerVerificationException($"bundle is not a readable evidence bundle: {ex.Message}", ex);
        }

        var keys = FileCommands.Verifier(a.Optional("key-name") ?? bundle.Origin, keyPem);
        return BundleVerifier.Verify(bundle, document, keys);
    }
}
