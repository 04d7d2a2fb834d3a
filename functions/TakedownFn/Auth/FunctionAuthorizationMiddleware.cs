using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TakedownFn.Auth;

/// <summary>
/// API-key authentication and role authorization for the HTTP functions, as the standalone host
/// applies them to its endpoints.
/// </summary>
/// <remarks>
/// Why a worker middleware that runs ASP.NET Core's own pieces rather than a check of our own in
/// both hosts: the standalone host's answers come from UseAuthentication (the default scheme, our
/// <see cref="ApiKeyAuthenticationHandler"/>) and UseAuthorization (the endpoint's policy through
/// <see cref="IPolicyEvaluator"/>, then <see cref="IAuthorizationMiddlewareResultHandler"/>, which
/// challenges or forbids through the same handler and so writes the same 401/403 problem details).
/// This middleware makes exactly those calls, with the same registrations, on the HttpContext the
/// ASP.NET Core integration gives each invocation; so a 401 or 403 cannot differ between hosts,
/// and the functions stay one call into their handler. A function declares its policy with
/// <see cref="AuthorizeAttribute"/> (the standalone endpoint's <c>RequireAuthorization</c>), or opts
/// out with <see cref="AllowAnonymousAttribute"/>; an HTTP function with neither is refused (fail closed).
/// </remarks>
internal sealed class FunctionAuthorizationMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, string?> PolicyByEntryPoint = new(StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            // A queue or timer invocation: the host is the only caller.
            await next(context);
            return;
        }

        var policyName = PolicyByEntryPoint.GetOrAdd(context.FunctionDefinition.EntryPoint, PolicyOf);
        await AuthorizeAsync(http, policyName, () => next(context));
    }

    /// <summary>
    /// Runs <paramref name="function"/> when the caller satisfies <paramref name="policyName"/>
    /// (or at once when it is null); otherwise writes the 401 or 403 answer and skips it.
    /// </summary>
    internal static async Task AuthorizeAsync(HttpContext http, string? policyName, Func<Task> function)
    {
        if (policyName is null)
        {
            await function();
            return;
        }

        var services = http.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName)
            ?? throw new InvalidOperationException($"No authorization policy '{policyName}' is registered.");

        // What UseAuthentication does: the default scheme's principal becomes the request's user.
        var authentication = await http.AuthenticateAsync();
        if (authentication.Principal is not null)
        {
            http.User = authentication.Principal;
        }

        // What UseRateLimiter does next: the same limiter, the same 429 answer.
        var limiter = services.GetRequiredService<RateLimiting.TenantRateLimiter>();
        using var lease = await limiter.Limiter.AcquireAsync(http, permitCount: 1, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            await limiter.RejectAsync(http, lease);
            return;
        }

        // What UseRequestSignatures does next: the same check, the same 401 answer.
        if (await services.GetRequiredService<Signing.RequestSignatures>().CheckAsync(http) is { } refused)
        {
            await Signing.RequestSignatures.RejectAsync(http, refused);
            return;
        }

        // What UseAuthorization does for an endpoint that requires this policy.
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, http);
        var authorization = await evaluator.AuthorizeAsync(policy, authenticated, http, resource: null);
        await services.GetRequiredService<IAuthorizationMiddlewareResultHandler>()
            .HandleAsync(_ => function(), http, policy, authorization);
    }

    /// <summary>The policy a function's method requires; null for one that allows anonymous calls.</summary>
    internal static string? PolicyOf(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var method = typeof(FunctionAuthorizationMiddleware).Assembly.GetType(entryPoint[..split], throwOnError: true)!
            .GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"The function method {entryPoint} was not found.");
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return null;
        }

        return method.GetCustomAttribute<AuthorizeAttribute>()?.Policy
            ?? throw new InvalidOperationException($"The HTTP function {entryPoint} declares neither [Authorize(Policy = ...)] nor [AllowAnonymous].");
    }
}
