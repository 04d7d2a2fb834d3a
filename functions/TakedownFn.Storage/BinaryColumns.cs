using Azure.Data.Tables;

namespace TakedownFn.Storage;

/// <summary>
/// Bytes longer than one binary property may hold (64 KiB in Azure Tables), stored across numbered
/// properties <c>{prefix}0</c>, <c>{prefix}1</c>, … of one row (whose whole size is at most 1 MiB).
/// </summary>
internal static class BinaryColumns
{
    /// <summary>The most one binary property holds.</summary>
    public const int MaxBytes = 64 * 1024;

    public static void Write(TableEntity entity, string prefix, ReadOnlySpan<byte> bytes)
    {
        for (int offset = 0, i = 0; offset < bytes.Length; offset += MaxBytes, i++)
        {
            entity[$"{prefix}{i}"] = bytes.Slice(offset, Math.Min(MaxBytes, bytes.Length - offset)).ToArray();
        }
    }

    /// <summary>The bytes <see cref="Write"/> stored under <paramref name="prefix"/> (empty when none).</summary>
    public static MemoryStream Read(TableEntity entity, string prefix)
    {
        var buffer = new MemoryStream();
        for (var i = 0; entity.GetBinary($"{prefix}{i}") is { } chunk; i++)
        {
            buffer.Write(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }
}
