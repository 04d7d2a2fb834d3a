using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TakedownFn.Tests.Infra;

/// <summary>Reads the compiled main template: its variables, its modules and their resources.</summary>
public static partial class ArmTemplate
{
    public static JsonObject Variables => BicepCli.Main["variables"]!.AsObject();

    /// <summary>A module (nested deployment) of main.bicep by its deployment name.</summary>
    public static JsonObject Module(string name) =>
        BicepCli.Main["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name)!.AsObject();

    /// <summary>The value main.bicep passes to a module's parameter.</summary>
    public static JsonNode? ModuleParameter(string module, string parameter) => Module(module)["properties"]!["parameters"]![parameter]!["value"];

    /// <summary>A module template's resources of one type.</summary>
    public static IEnumerable<JsonObject> ModuleResources(string module, string type)
    {
        // Templates with typed parameters compile to language version 2.0, whose resources are keyed by symbolic name.
        var resources = Module(module)["properties"]!["template"]!["resources"]!;
        var all = resources is JsonArray array ? array.Select(r => r!.AsObject()) : resources.AsObject().Select(r => r.Value!.AsObject());
        return all.Where(r => (string?)r["type"] == type);
    }

    public static JsonObject ModuleVariables(string module) => Module(module)["properties"]!["template"]!["variables"]!.AsObject();

    /// <summary>A string main.bicep wrote as a literal or as <c>[variables('x')]</c> / <c>[variables('x').y]</c>; null for any other expression.</summary>
    public static string? Literal(JsonNode? node)
    {
        var text = (string?)node;
        if (text is null || !text.StartsWith('['))
        {
            return text;
        }

        var match = VariableReference().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = Variables[match.Groups["name"].Value];
        return Literal(match.Groups["member"].Success ? value![match.Groups["member"].Value] : value);
    }

    /// <summary>The strings of a variable that is a literal array.</summary>
    public static IReadOnlyList<string> StringArray(string variable) => [.. Variables[variable]!.AsArray().Select(n => (string)n!)];

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)(\.(?<member>\w+))?\]$")]
    private static partial Regex VariableReference();
}
