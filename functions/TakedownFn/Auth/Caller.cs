using System.Security.Claims;

namespace TakedownFn.Auth;

/// <summary>An authenticated caller: the tenant its key belongs to (none for admins) and its role.</summary>
internal sealed record Caller(string? TenantId, Role Role, string KeyId)
{
    public const string TenantClaim = "takedownfn:tenant";
    public const string KeyIdClaim = "takedownfn:key";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Role, Role.Name()), new(KeyIdClaim, KeyId)];
        if (TenantId is not null)
        {
            claims.Add(new Claim(TenantClaim, TenantId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller of an endpoint that required authorization.</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        var role = Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : throw new InvalidOperationException("The request is not authenticated.");
        return new Caller(user.FindFirstValue(TenantClaim), role, user.FindFirstValue(KeyIdClaim) ?? string.Empty);
    }

    /// <summary>The tenant whose data this caller may touch; admins have none.</summary>
    public string Tenant => TenantId ?? throw new InvalidOperationException("This caller belongs to no tenant.");
}
