namespace TakedownFn.Domain.Severity;

/// <summary>Signs that the discloser acted with malice; wire ids are kebab-case (<c>doxxing-intent</c>).</summary>
public enum MaliceSign
{
    /// <summary>The post states or shows the aim of exposing the person.</summary>
    DoxxingIntent,

    /// <summary>Calls on others to find or harass the person (a "human flesh search").</summary>
    Incitement,

    /// <summary>The personal information is offered for sale.</summary>
    CommercialSale,

    CoordinatedCampaign,
    RepeatOffender,
}
