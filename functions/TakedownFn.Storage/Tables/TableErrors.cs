using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

/// <summary>Names for the table failures callers branch on, so they need not compare status numbers.</summary>
public static class TableErrors
{
    extension(StorageRequestFailedException exception)
    {
        /// <summary>412: the entity changed since its ETag was read (<c>UpdateConditionNotSatisfied</c>).</summary>
        public bool IsConditionFailed => exception.Status == 412;

        /// <summary>404: the table or entity does not exist.</summary>
        public bool IsNotFound => exception.Status == 404;

        /// <summary>409: the entity or table exists already (<c>EntityAlreadyExists</c>, <c>TableAlreadyExists</c>).</summary>
        public bool IsConflict => exception.Status == 409;
    }
}
