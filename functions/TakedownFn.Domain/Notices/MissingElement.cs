namespace TakedownFn.Domain.Notices;

/// <summary>A legally required element a notice lacks.</summary>
/// <param name="Element">Stable id from <see cref="NoticeElements"/>, e.g. <c>perjury-statement</c>.</param>
/// <param name="Citation">The provision that requires it, e.g. <c>17 USC 512(c)(3)(A)(vi)</c>.</param>
/// <param name="Field">The JSON path the notifier would fill in to supply it.</param>
public sealed record MissingElement(string Element, string Citation, string Field);
