using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Toolkit.Serving.Repository;

namespace Toolkit.Serving.Metrics;

/// <summary>
/// Counts every request by model, route pattern and status, and times it. Only names the repository lists become
/// label values, so arbitrary request paths cannot grow the metric set.
/// </summary>
public sealed class MetricsMiddleware(RequestDelegate next, ServerMetrics metrics, ModelRepository repository)
{
    public async Task InvokeAsync(HttpContext context)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The route pattern, never the raw path: unmatched paths would give every typo its own series.
            string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            string model = context.GetRouteValue("name") is string name && repository.Contains(name) ? name : "";
            metrics.Record(model, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(start));
        }
    }
}
