using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Functions;

/// <summary>
/// Writes the <c>function.json</c> of each catalog entry, the way the Functions host reads them:
/// HTTP functions with only an <c>httpTrigger</c> and an <c>http</c> output (so the host forwards the
/// original request), queue and timer functions with their trigger binding alone.
/// </summary>
internal static class FunctionJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string For(FunctionDefinition function)
    {
        JsonArray bindings = function.Trigger switch
        {
            HttpFunctionTrigger http =>
            [
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = "anonymous",
                    ["route"] = http.Route,
                    ["methods"] = new JsonArray(http.Methods.Select(m => (JsonNode)m.ToLowerInvariant()).ToArray()),
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" },
            ],
            QueueFunctionTrigger queue =>
            [
                new JsonObject
                {
                    ["type"] = "queueTrigger",
                    ["direction"] = "in",
                    ["name"] = CustomHandlerEnvelope.QueueBindingName,
                    ["queueName"] = queue.QueueName,
                    ["connection"] = "AzureWebJobsStorage",
                },
            ],
            TimerFunctionTrigger timer =>
            [
                new JsonObject
                {
                    ["type"] = "timerTrigger",
                    ["direction"] = "in",
                    ["name"] = CustomHandlerEnvelope.TimerBindingName,
                    ["schedule"] = timer.Schedule,
                    ["runOnStartup"] = false,
                },
            ],
            _ => throw new InvalidOperationException($"No binding for {function.Trigger.GetType().Name}."),
        };
        return new JsonObject { ["bindings"] = bindings }.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes <c>{directory}/{Name}/function.json</c> for every function; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<FunctionDefinition> functions, string directory)
    {
        var written = new List<string>();
        foreach (var function in functions)
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, function.Name));
            var path = Path.Combine(folder.FullName, "function.json");
            File.WriteAllText(path, For(function));
            written.Add(path);
        }

        return written;
    }
}
