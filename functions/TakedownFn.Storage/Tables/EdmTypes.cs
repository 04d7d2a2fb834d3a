namespace TakedownFn.Storage.Tables;

/// <summary>The Entity Data Model types a table property can have.</summary>
internal enum EdmType
{
    None,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    DateTime,
    Guid,
    Binary,
}

/// <summary>Names and annotations of <see cref="EdmType"/>.</summary>
internal static class EdmTypes
{
    public const string AnnotationSuffix = "@odata.type";

    public static ReadOnlySpan<byte> AnnotationSuffixUtf8 => "@odata.type"u8;

    public static EdmType Parse(ReadOnlySpan<byte> annotation) => annotation switch
    {
        _ when annotation.SequenceEqual("Edm.Int64"u8) => EdmType.Int64,
        _ when annotation.SequenceEqual("Edm.DateTime"u8) => EdmType.DateTime,
        _ when annotation.SequenceEqual("Edm.Double"u8) => EdmType.Double,
        _ when annotation.SequenceEqual("Edm.Guid"u8) => EdmType.Guid,
        _ when annotation.SequenceEqual("Edm.Binary"u8) => EdmType.Binary,
        _ when annotation.SequenceEqual("Edm.Int32"u8) => EdmType.Int32,
        _ when annotation.SequenceEqual("Edm.Boolean"u8) => EdmType.Boolean,
        _ when annotation.SequenceEqual("Edm.String"u8) => EdmType.String,
        _ => EdmType.None,
    };

    public static string NameOf(object value) => value switch
    {
        string => "Edm.String",
        bool => "Edm.Boolean",
        int => "Edm.Int32",
        long => "Edm.Int64",
        double => "Edm.Double",
        DateTimeOffset => "Edm.DateTime",
        Guid => "Edm.Guid",
        byte[] => "Edm.Binary",
        _ => value.GetType().Name,
    };

    public static string NameOf(Type type) =>
        type == typeof(string) ? "Edm.String"
        : type == typeof(bool) ? "Edm.Boolean"
        : type == typeof(int) ? "Edm.Int32"
        : type == typeof(long) ? "Edm.Int64"
        : type == typeof(double) ? "Edm.Double"
        : type == typeof(DateTimeOffset) ? "Edm.DateTime"
        : type == typeof(Guid) ? "Edm.Guid"
        : type == typeof(byte[]) ? "Edm.Binary"
        : type.Name;
}
