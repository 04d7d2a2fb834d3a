using TakedownFn.Benchmarks;
using TakedownFn.Testing;

// Usage: dotnet run -c Release --project tests/TakedownFn.Benchmarks -- [storage|intake|ledger|sla|all] [--seconds N] [--workers N] [--sla-cases N] [--ledger-leaves N] [--replay-leaves N]
// Starts its own Azurite (in memory); every figure is measured against a floor in the same run.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = Option("--seconds", 3);
var workers = Option("--workers", 8);
var settings = new Settings(workers, TimeSpan.FromSeconds(seconds), Rounds: 2);

await using var azurite = await AzuriteServer.StartAsync("benchmarks");
Console.WriteLine($"Azurite at {azurite.Connection.TableEndpoint}; {workers} concurrent workers, {seconds} s per round, best of 2 rounds per side");
if (what is "storage" or "all")
{
    await StorageBenchmark.RunAsync(azurite.Connection, settings);
}

if (what is "intake" or "all")
{
    await IntakeBenchmark.RunAsync(azurite, settings);
}

if (what is "ledger" or "all")
{
    await LedgerBenchmark.RunAsync(azurite, Option("--ledger-leaves", 100_000), Option("--replay-leaves", 1_000_000));
}

if (what is "sla" or "all")
{
    await SlaBenchmark.RunAsync(azurite, Option("--sla-cases", 10_000));
}

return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}
