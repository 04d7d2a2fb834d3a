using System.Globalization;

namespace TakedownFn.Verifier;

/// <summary>"--name value" pairs after the command, parsed by hand to keep the verifier dependency-free.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args, IReadOnlyCollection<string> allowed)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                throw new UsageException($"unknown option {name}");
            }

            if (!e.MoveNext())
            {
                throw new UsageException($"{name} needs a value");
            }

            if (!values.TryAdd(name[2..], e.Current))
            {
                throw new UsageException($"{name} given twice");
            }
        }
    }

    public string Text(string name) => Optional(name) ?? throw new UsageException($"--{name} is required");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public long Number(string name)
    {
        string text = Text(name);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"--{name} \"{text}\" is not a whole number");
    }

    public byte[] Hex(string name) => ParseHex(name, Text(name));

    public byte[][] HexList(string name)
    {
        string? text = Optional(name);
        return string.IsNullOrEmpty(text) ? [] : [.. text.Split(',').Select(part => ParseHex(name, part.Trim()))];
    }

    private static byte[] ParseHex(string name, string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"--{name} \"{(text.Length > 20 ? text[..20] + "..." : text)}\" is not hex");
        }
    }
}
