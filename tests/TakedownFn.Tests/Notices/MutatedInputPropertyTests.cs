using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Notices;

/// <summary>
/// Generated mutations of valid notices, batches and steps (types swapped, fields dropped and
/// duplicated, huge and tiny numbers, odd Unicode, truncation, unknown fields) thrown at the API
/// in-process: never a 5xx, never a stored case for a rejected notice or a stored step for a
/// rejected step, never a submitted value in an answer.
/// </summary>
public sealed class MutatedInputPropertyTests(AzuriteFixture azurite) : TenantTestBase(azurite, Unlimited)
{
    // Ten thousand requests from one tenant and key would drain the default buckets (2,000 burst)
    // on a fast machine; this test is about input, so its app's buckets are out of the way.
    private static readonly Dictionary<string, string> Unlimited = new()
    {
        ["TakedownFn:RateLimits:Tenant:Burst"] = "1000000",
        ["TakedownFn:RateLimits:Tenant:PerPeriod"] = "1000000",
        ["TakedownFn:RateLimits:Key:Burst"] = "1000000",
        ["TakedownFn:RateLimits:Key:PerPeriod"] = "1000000",
    };

    private const int Iterations = 10_000;
    private const int StepCases = 8;

    /// <summary>Every string this test puts into a body carries this marker; no answer may contain it.</summary>
    private const string Marker = "ZQX";

    /// <summary>Raw JSON literals that JsonNode cannot hold (or holds differently), put in by text replacement.</summary>
    private static readonly string[] RawLiterals =
    [
        "1e400", "-1e400", "1e-400", "-0", "99999999999999999999999999999999", "-9223372036854775809", "2147483648", "0.000000001", "1.5",
        "\"\\ud800" + Marker + "\"", "\"\\udfff\\ud800" + Marker + "\"", "\"\\u0000" + Marker + "\"", "\"" + Marker + "\\u202e\\u200b\"",
        "\"\\uffff\\ufffe" + Marker + "\"", "\"e\\u0301" + Marker + "😀\"", "\"\"", "[]", "{}", "null", "true",
    ];

    private static readonly string[] OddStrings =
    [
        Marker, Marker + "\u202E", "\u200B" + Marker, Marker + "😀", "e\u0301" + Marker, "\u00A0" + Marker + "\u3000", Marker + "\u0085",
        new('x', 3_000), "https://" + Marker + ".example/路径", "  " + Marker + "  ", "\t" + Marker, Marker + "\r\n",
    ];

    [Fact]
    public async Task Api_TenThousandMutations_NeverFailNeverStoreRejectedNeverEcho()
    {
        var caseIds = new List<string>();
        for (var i = 0; i < StepCases; i++)
        {
            caseIds.Add(await SubmitAsync());
        }

        foreach (var id in caseIds)
        {
            await TriagedAsync(id);
        }

        var accepted = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var recordedSteps = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var statuses = new ConcurrentDictionary<int, int>();

        // Each sample: a surface (0 notice, 1 batch, 2 step), a seed for which case and which base
        // step, and up to four mutations, each (kind, target, variant).
        var mutation = Gen.Int[0, 7].Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000]).Array[1, 4];
        var sample = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1_000_000], mutation);
        await sample.SampleAsync(
            async (surface, seed, mutations) =>
            {
                var (path, body) = surface switch
                {
                    0 => ("/api/notices", Mutate(Notice(), mutations)),
                    1 => ("/api/notices/batch", Mutate(new JsonObject { ["notices"] = new JsonArray(Notice()) }, mutations)),
                    _ => ($"/api/cases/{caseIds[seed % caseIds.Count]}/steps", Mutate(Step(seed), mutations)),
                };
                var response = await Tenant.Platform.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

                Assert.True(status < 500, $"{status} for {path}: {text}");
                Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Rights Holder", text, StringComparison.Ordinal);
                Assert.DoesNotContain("legal@rights.example", text, StringComparison.Ordinal);
                if (status == 202)
                {
                    accepted[JsonDocument.Parse(text).RootElement.GetProperty("caseId").GetString()!] = true;
                }
                else if (status == 200 && surface == 1)
                {
                    foreach (var item in JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray())
                    {
                        Assert.True(item.GetProperty("status").GetInt32() < 500, text);
                        if (item.GetProperty("status").GetInt32() == 202)
                        {
                            accepted[item.GetProperty("caseId").GetString()!] = true;
                        }
                    }
                }
                else if (status == 201)
                {
                    recordedSteps.AddOrUpdate(path, 1, (_, n) => n + 1);
                }
            },
            iter: Iterations,
            threads: 8,
            seed: Environment.GetEnvironmentVariable("TAKEDOWNFN_FUZZ_SEED"));

        // Rejections dominate, but the generator must also produce bodies the API accepts, or the
        // "nothing stored for a rejected body" half of the property says nothing.
        Console.WriteLine($"answers by status: {string.Join(", ", statuses.OrderBy(s => s.Key))}");
        Assert.True(statuses.GetValueOrDefault(400) > Iterations / 4, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(202) + statuses.GetValueOrDefault(200) > 100, string.Join(", ", statuses));

        var stored = await AllCaseIdsAsync();
        Assert.Equal(accepted.Keys.Concat(caseIds).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        foreach (var id in caseIds)
        {
            var timeline = (await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("timeline").EnumerateArray();
            var reported = timeline.Count(s => s.GetProperty("actor").GetString() != "service");
            Assert.Equal(recordedSteps.GetValueOrDefault($"/api/cases/{id}/steps"), reported);
        }
    }

    private static JsonObject Notice()
    {
        var notice = SampleNotices.Dmca($"ref-{Marker}-{Guid.NewGuid():N}");
        notice["explanation"] = $"{Marker} reproduces our film.";
        notice["notifier"]!["name"] = $"Rights Holder {Marker}";
        return notice;
    }

    private static JsonObject Step(int seed)
    {
        var step = (seed % 5) switch
        {
            0 => new JsonObject { ["kind"] = "content-removed" },
            1 => new JsonObject
            {
                ["kind"] = "evidence-preserved",
                ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = $"vault://{Marker}/1", ["retentionDays"] = 365, ["legalHold"] = false },
            },
            2 => new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "receipt-confirmed" },
            3 => new JsonObject { ["kind"] = "no-action", ["reason"] = $"{Marker} not unlawful" },
            _ => new JsonObject { ["kind"] = "content-disabled" },
        };
        step["occurredAt"] = DateTimeOffset.UtcNow.ToString("O");
        return step;
    }

    /// <summary>Applies the mutations to a copy of <paramref name="valid"/> and returns the body text.</summary>
    private static string Mutate(JsonObject valid, (int Kind, int Target, int Variant)[] mutations)
    {
        var root = valid;
        var raw = new List<(string Placeholder, string Literal)>();
        var duplicates = new List<int>();
        int? truncateAt = null;
        foreach (var (kind, target, variant) in mutations)
        {
            var nodes = Descendants(root).ToList();
            if (nodes.Count == 0)
            {
                break;
            }

            var (parent, key, index) = nodes[target % nodes.Count];
            switch (kind)
            {
                case 0: // swap the type
                    Replace(parent, key, index, (variant % 6) switch
                    {
                        0 => JsonValue.Create(Marker + variant),
                        1 => JsonValue.Create(variant),
                        2 => JsonValue.Create(variant % 2 == 0),
                        3 => new JsonObject { ["v"] = Marker },
                        4 => new JsonArray(JsonValue.Create(Marker)),
                        _ => null,
                    });
                    break;
                case 1: // drop
                    if (parent is JsonObject o)
                    {
                        o.Remove(key!);
                    }
                    else if (parent is JsonArray a)
                    {
                        a.RemoveAt(index);
                    }

                    break;
                case 2: // duplicate a property (done on the text)
                    duplicates.Add(variant);
                    break;
                case 3: // a literal JsonNode cannot hold: huge and tiny numbers, lone surrogates, NUL
                    var placeholder = $"@@raw{raw.Count}@@";
                    raw.Add(($"\"{placeholder}\"", RawLiterals[variant % RawLiterals.Length]));
                    Replace(parent, key, index, JsonValue.Create(placeholder));
                    break;
                case 4: // odd Unicode
                    Replace(parent, key, index, JsonValue.Create(OddStrings[variant % OddStrings.Length]));
                    break;
                case 5: // truncate the text
                    truncateAt = variant;
                    break;
                case 6: // an unknown field
                    var objects = nodes.Select(n => Get(n.Parent, n.Key, n.Index)).OfType<JsonObject>().Prepend(root).ToList();
                    objects[variant % objects.Count][$"extra{variant % 7}"] = Marker;
                    break;
                default: // a plausible but marked value in a string field
                    if (nodes[target % nodes.Count] is var (p, k, i) && Get(p, k, i) is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        Replace(p, k, i, JsonValue.Create(s.Length % 2 == 0 ? s + Marker : Marker + s[..(s.Length / 2)]));
                    }

                    break;
            }
        }

        var text = root.ToJsonString();
        foreach (var variant in duplicates)
        {
            text = Duplicate(text, variant);
        }

        foreach (var (placeholder, literal) in raw)
        {
            text = text.Replace(placeholder, literal, StringComparison.Ordinal);
        }

        return truncateAt is { } at && text.Length > 1 ? text[..(at % text.Length)] : text;
    }

    /// <summary>Repeats one <c>"name":</c> member with another value right before it.</summary>
    private static string Duplicate(string text, int variant)
    {
        var names = new List<int>();
        for (var i = text.IndexOf("\":", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\":", i + 2, StringComparison.Ordinal))
        {
            names.Add(i);
        }

        if (names.Count == 0)
        {
            return text;
        }

        var end = names[variant % names.Count];
        var start = text.LastIndexOf('"', end - 1);
        var name = text[start..(end + 2)];
        return text[..start] + name + (variant % 3 == 0 ? "\"" + Marker + "\"" : variant.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "," + text[start..];
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    yield return (o, key, -1);
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    if (a[i] is { } child)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) => parent is JsonObject o ? o[key!] : ((JsonArray)parent)[index];

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    private async Task<List<string>> AllCaseIdsAsync()
    {
        var ids = new List<string>();
        string? continuation = null;
        do
        {
            var page = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases?pageSize=200{(continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation))}");
            ids.AddRange(page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        while (continuation is not null);
        return ids;
    }
}
