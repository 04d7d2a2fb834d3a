namespace TakedownFn.Auth;

/// <summary>What a caller's API key allows.</summary>
internal enum Role
{
    /// <summary>A platform's systems: submit notices, report steps, read their own cases.</summary>
    Platform,

    /// <summary>A compliance officer: read cases and reports of the tenant.</summary>
    Officer,

    /// <summary>An auditor: read-only access to cases, evidence and the ledger.</summary>
    Auditor,

    /// <summary>The service operator: manage tenants and keys; sees no case data.</summary>
    Admin,
}

internal static class Roles
{
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Role role)
    {
        role = default;
        return value is not null
            && value.All(char.IsAsciiLetterLower)
            && Enum.TryParse(value, ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }
}
