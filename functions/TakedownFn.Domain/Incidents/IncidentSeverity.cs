using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Incidents;

/// <summary>
/// An incident is at least as serious as its most serious case, and rises one level for each sign
/// that the disclosure is spreading (the seed paper: "how far it spread (reposts across platforms,
/// mass attention)"): 3 or more notices (<c>spread:cases&gt;=3</c>), 10 or more (<c>spread:cases&gt;=10</c>,
/// a second level), 3 or more distinct uploaders (<c>spread:uploaders&gt;=3</c>), 50 or more items
/// (<c>spread:items&gt;=50</c>), 1,000 or more reposts reported (<c>spread:reposts&gt;=1000</c>).
/// Capped at critical. The score is the number of levels added.
/// </summary>
public static class IncidentSeverity
{
    public static SeverityAssessment Assess(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var reasons = new List<string> { "cases:" + incident.CaseSeverity.ToId() };
        var steps = 0;
        void Step(bool reached, string reason, int levels = 1)
        {
            if (reached)
            {
                reasons.Add(reason);
                steps += levels;
            }
        }

        Step(incident.CaseCount >= 10, "spread:cases>=10", 2);
        Step(incident.CaseCount is >= 3 and < 10, "spread:cases>=3");
        Step(incident.Uploaders.Count >= 3, "spread:uploaders>=3");
        Step(incident.Items >= 50, "spread:items>=50");
        Step(incident.Reposts >= 1_000, "spread:reposts>=1000");
        var level = (SeverityLevel)Math.Min((int)SeverityLevel.Critical, (int)incident.CaseSeverity + steps);
        return new SeverityAssessment(level, steps, reasons);
    }
}
