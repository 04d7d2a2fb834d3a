using Azure;

namespace TakedownFn.Storage.Tables;

/// <summary>What one action of an entity group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with <c>EntityAlreadyExists</c> when the keys are taken.</summary>
    Add,

    /// <summary>Insert or merge, whatever the stored version.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, whatever the stored version.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity at the given version.</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity at the given version.</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity at the given version (any version by default).</summary>
    Delete,
}

/// <summary>
/// One action of <see cref="TableClient.SubmitTransactionAsync"/>. Updates and deletes are
/// conditional on <see cref="ETag"/>: the one given here, else the entity's own, else — for
/// deletes only — any version (<c>*</c>). An update with neither is rejected before sending; pass
/// <see cref="ETag.All"/> to update whatever version is stored.
/// </summary>
public sealed class TableTransactionAction
{
    public TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!Enum.IsDefined(actionType))
        {
            throw new ArgumentOutOfRangeException(nameof(actionType), actionType, "Unknown action type.");
        }

        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    public TableTransactionActionType ActionType { get; }

    public TableEntity Entity { get; }

    /// <summary>The version an update or delete requires; <c>default</c> to use the entity's.</summary>
    public ETag ETag { get; }

    /// <summary>The <c>If-Match</c> value, or null for actions that send none.</summary>
    internal ETag? IfMatch => ActionType switch
    {
        TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace =>
            ETag != default ? ETag : Entity.ETag != default ? Entity.ETag : null,
        TableTransactionActionType.Delete => ETag != default ? ETag : Entity.ETag != default ? Entity.ETag : ETag.All,
        _ => null,
    };
}
