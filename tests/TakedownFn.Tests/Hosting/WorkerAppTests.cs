using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Cases;
using TakedownFn.Evidence;
using TakedownFn.Health;
using TakedownFn.Incidents;
using TakedownFn.LedgerApi;
using TakedownFn.Notices;
using TakedownFn.Processing;
using TakedownFn.Reports;
using TakedownFn.SafeHarbour;
using TakedownFn.Signing;
using TakedownFn.Sla;
using TakedownFn.StatementsOfReasons;
using TakedownFn.Tenants;

namespace TakedownFn.Tests.Hosting;

/// <summary>The isolated worker's registration: it builds with validation on, and every function class resolves from it.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerAppTests(WorkerFixture worker)
{
    private static readonly Type[] Classes =
    [
        typeof(NoticeFunctions), typeof(CaseFunctions), typeof(TenantFunctions), typeof(SlaFunctions),
        typeof(LedgerFunctions), typeof(ProcessingFunctions), typeof(HealthFunctions), typeof(IncidentFunctions),
        typeof(StatementsOfReasonsFunctions), typeof(SafeHarbourFunctions),
        typeof(ReportFunctions), typeof(EvidenceFunctions), typeof(RequestSigningFunctions), typeof(TakedownFn.OpenApi.OpenApiFunctions),
        typeof(TakedownFn.Erasure.ErasureFunctions),
        typeof(TakedownFn.Dashboard.DashboardFunctions),
    ];

    public static TheoryData<Type> FunctionClasses() => [.. Classes];

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void FunctionClass_FromTheWorkersServices_IsActivated(Type type)
    {
        using var scope = worker.Services.CreateScope();

        Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
    }

    [Fact]
    public void FunctionClasses_EveryGeneratedEntryPoint_IsInOneOfThem()
    {
        var classes = Functions.GeneratedFunctions.Read().Select(f => f.EntryPoint[..f.EntryPoint.LastIndexOf('.')]).Distinct().Order();

        Assert.Equal(Classes.Select(t => t.FullName).Order(), classes);
    }
}
