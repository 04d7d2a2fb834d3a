namespace TakedownFn.Domain.Notices;

/// <summary>A legal regime a notice is filed under, with the categories it accepts.</summary>
/// <param name="Id">Stable id, e.g. <c>us-dmca</c>.</param>
/// <param name="Name">Human-readable name for reports.</param>
/// <param name="Citation">The provision that defines the notice.</param>
/// <param name="Categories">Category ids this regime accepts, see <see cref="Notices.Categories"/>.</param>
public sealed record Regime(string Id, string Name, string Citation, IReadOnlyList<string> Categories)
{
    /// <summary>Whether <paramref name="category"/> is one of this regime's categories (ordinal).</summary>
    public bool Allows(string? category) => category is not null && Categories.Contains(category, StringComparer.Ordinal);
}
