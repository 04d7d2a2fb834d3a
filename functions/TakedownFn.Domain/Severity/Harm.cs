namespace TakedownFn.Domain.Severity;

/// <summary>Harm the victim reports having suffered or facing; wire ids are kebab-case (<c>job-loss</c>).</summary>
public enum Harm
{
    Harassment,
    Threats,
    JobLoss,
    FinancialLoss,

    /// <summary>Someone came to the victim's home, school or workplace.</summary>
    OfflineContact,

    SelfHarmRisk,
}
