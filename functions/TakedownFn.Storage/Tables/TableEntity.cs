using System.Collections;
using Azure;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// One table row: its keys, the service's <see cref="ETag"/> and <see cref="Timestamp"/>, and typed
/// properties. Property values are <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/> or
/// <c>byte[]</c>, and come back from the service as the same type and value (times to the 100 ns tick).
/// </summary>
/// <example><code>
/// var row = new TableEntity(tenant, caseId) { ["State"] = "open", ["Opened"] = now, ["Version"] = 3L };
/// </code></example>
public sealed partial class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties;

    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
        _properties = new Dictionary<string, object>(StringComparer.Ordinal);
    }

    /// <summary>For the reader, which sets the keys as it meets them.</summary>
    internal TableEntity(int capacity)
    {
        PartitionKey = string.Empty;
        RowKey = string.Empty;
        _properties = new Dictionary<string, object>(capacity, StringComparer.Ordinal);
    }

    /// <summary>The partition key; checked against <see cref="TableKey"/>'s rules before any request.</summary>
    public string PartitionKey { get; set; }

    /// <summary>The row key; checked against <see cref="TableKey"/>'s rules before any request.</summary>
    public string RowKey { get; set; }

    /// <summary>The version the service last reported; <c>default</c> for an entity not read or written yet.</summary>
    public ETag ETag { get; set; }

    /// <summary>The service's last-modified time; null for an entity not read from the service.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>The number of custom properties (keys, ETag and Timestamp not counted).</summary>
    public int Count => _properties.Count;

    /// <summary>The custom property names.</summary>
    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>
    /// A custom property's value, or null when it is absent. Setting null removes the property
    /// (tables store no nulls); setting a value of an unsupported type throws.
    /// </summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(CheckName(name));
        set
        {
            CheckName(name);
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                _properties[name] = Normalize(name, value);
            }
        }
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public bool Remove(string name) => _properties.Remove(name);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Used by the reader: the value has a supported type already.</summary>
    internal void SetParsed(string name, object value) => _properties[name] = value;

    internal Dictionary<string, object> Properties => _properties;

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
        {
            throw new ArgumentException($"'{name}' is a system property; use the {name} member instead of the indexer.", nameof(name));
        }

        if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' looks like an OData annotation; property names cannot contain '@' or start with 'odata.'.", nameof(name));
        }

        return name;
    }

    private static object Normalize(string name, object value) => value switch
    {
        string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset time => time.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Unspecified } =>
            throw new ArgumentException($"Property '{name}' is a DateTime of unspecified kind; use DateTimeOffset or a UTC DateTime.", nameof(value)),
        DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        BinaryData data => data.ToArray(),
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; table properties are string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
