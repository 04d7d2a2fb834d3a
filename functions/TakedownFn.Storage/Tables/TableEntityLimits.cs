using System.Globalization;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// The entity limits Azure enforces, checked before sending so the error names the property
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#property-limitations).
/// Sizes follow Microsoft's formula: 4 bytes + 2 per key character + for each property 8 bytes, 2 per
/// name character and the value (string 4 + 2 per character, binary 4 + length, others 1 to 16).
/// </summary>
internal static class TableEntityLimits
{
    public const int MaxCustomProperties = 252;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxPropertyNameChars = 255;

    public static void Validate(TableEntity entity, string paramName)
    {
        ArgumentNullException.ThrowIfNull(entity, paramName);
        TableKey.Validate(entity.PartitionKey, nameof(TableEntity.PartitionKey), paramName);
        TableKey.Validate(entity.RowKey, nameof(TableEntity.RowKey), paramName);
        if (entity.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"The entity has {entity.Count} properties; an entity holds at most {MaxCustomProperties} besides its keys and timestamp.", paramName);
        }

        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity.Properties)
        {
            if (name.Length > MaxPropertyNameChars)
            {
                throw new ArgumentException($"A property name is {name.Length} characters long; names hold at most {MaxPropertyNameChars}.", paramName);
            }

            size += 8 + (name.Length * 2) + value switch
            {
                string s when s.Length > MaxStringChars => throw new ArgumentException(
                    $"Property '{name}' is a string of {s.Length.ToString(CultureInfo.InvariantCulture)} characters; table strings hold at most {MaxStringChars} (64 KiB).", paramName),
                string s => 4 + (s.Length * 2),
                byte[] b when b.Length > MaxBinaryBytes => throw new ArgumentException(
                    $"Property '{name}' holds {b.Length.ToString(CultureInfo.InvariantCulture)} bytes; binary properties hold at most {MaxBinaryBytes} (64 KiB).", paramName),
                byte[] b => 4 + b.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size.ToString(CultureInfo.InvariantCulture)} bytes; an entity holds at most 1 MiB.", paramName);
        }
    }
}
