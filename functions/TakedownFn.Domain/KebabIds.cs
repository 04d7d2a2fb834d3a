using System.Text;

namespace TakedownFn.Domain;

/// <summary>
/// Maps a domain enum to the kebab-case ids used on the wire and in storage
/// (<c>ContentGeoRestricted</c> ↔ <c>content-geo-restricted</c>). Ids are ordinal and lower case;
/// tests pin the literal ids, so renaming a member cannot silently change stored data.
/// </summary>
internal static class KebabIds<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ToIdMap =
        Enum.GetValues<TEnum>().ToDictionary(value => value, value => Kebab(value.ToString()));

    private static readonly Dictionary<string, TEnum> FromIdMap =
        ToIdMap.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<TEnum>().Select(v => ToIdMap[v]).ToArray();

    public static string ToId(TEnum value) =>
        ToIdMap.TryGetValue(value, out var id)
            ? id
            : throw new ArgumentOutOfRangeException(nameof(value), value, "not a defined value");

    public static bool TryParse(string? id, out TEnum value)
    {
        if (id is not null && FromIdMap.TryGetValue(id, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
