namespace TakedownFn.Storage.Tables;

public sealed partial class TableEntity
{
    /// <summary>The string property, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The property has another type.</exception>
    public string? GetString(string name) => Get<string>(name);

    public bool? GetBoolean(string name) => GetValue<bool>(name);

    public int? GetInt32(string name) => GetValue<int>(name);

    public long? GetInt64(string name) => GetValue<long>(name);

    public double? GetDouble(string name) => GetValue<double>(name);

    /// <summary>A <c>Edm.DateTime</c> property, in UTC.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => GetValue<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    /// <summary>A <c>Edm.Binary</c> property (the stored array; copy it before changing it).</summary>
    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    private T? Get<T>(string name)
        where T : class =>
        _properties.TryGetValue(name, out var value)
            ? value as T ?? throw Mismatch(name, value, typeof(T))
            : null;

    private T? GetValue<T>(string name)
        where T : struct =>
        _properties.TryGetValue(name, out var value)
            ? value is T typed ? typed : throw Mismatch(name, value, typeof(T))
            : null;

    // Names the types only: the value may be personal data.
    private static InvalidOperationException Mismatch(string name, object value, Type requested) =>
        new($"Property '{name}' holds {EdmTypes.NameOf(value)}, not {EdmTypes.NameOf(requested)}.");
}
