namespace TakedownFn.Storage.Accounts;

/// <summary>The three Azure Storage services TakedownFn uses.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
