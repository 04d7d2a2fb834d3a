namespace TakedownFn.Domain.Severity;

/// <summary>How serious a case is; ordered, so levels compare with <c>&lt;</c> and <c>&gt;</c>.</summary>
public enum SeverityLevel
{
    Low,
    Medium,
    High,
    Critical,
}
