namespace TakedownFn.Domain.Severity;

/// <summary>The outcome of <see cref="SeverityAssessor.Assess"/>.</summary>
/// <param name="Level">The level, after floors.</param>
/// <param name="Score">The sum of the weights of every reason.</param>
/// <param name="Reasons">Stable reason codes (<c>sensitive:id-number</c>, <c>spread:items&gt;=50</c>, <c>harm:threats</c>, <c>malice:doxxing-intent</c>), grouped sensitive, spread, harm, malice; ordinal within a group.</param>
public sealed record SeverityAssessment(SeverityLevel Level, int Score, IReadOnlyList<string> Reasons);
