namespace TakedownFn.Storage.Tables;

/// <summary>How a write treats properties the stored entity has and the new one lacks.</summary>
public enum TableUpdateMode
{
    /// <summary><c>MERGE</c>: properties missing from the new entity are kept.</summary>
    Merge,

    /// <summary><c>PUT</c>: the stored entity is replaced; missing properties are removed.</summary>
    Replace,
}
