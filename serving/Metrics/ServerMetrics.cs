using Prometheus;

namespace Toolkit.Serving.Metrics;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (so several servers in one process keep theirs apart):
/// requests by model, route and status; request latency; batch sizes; queue depth.
/// </summary>
public sealed class ServerMetrics
{
    public ServerMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("toolkit_requests_total", "Requests answered, by model, route and status code.",
            new CounterConfiguration { LabelNames = ["model", "route", "status"] });
        Latency = factory.CreateHistogram("toolkit_request_duration_seconds", "Time from request to response, by model and route.",
            new HistogramConfiguration { LabelNames = ["model", "route"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        BatchSize = factory.CreateHistogram("toolkit_batch_size", "Examples per ONNX Runtime call, by model.",
            new HistogramConfiguration { LabelNames = ["model"], Buckets = Histogram.ExponentialBuckets(1, 2, 8) });
        QueueDepth = factory.CreateGauge("toolkit_queue_depth", "Requests waiting for a model, by model.",
            new GaugeConfiguration { LabelNames = ["model"] });
    }

    public CollectorRegistry Registry { get; }
    public Counter Requests { get; }
    public Histogram Latency { get; }
    public Histogram BatchSize { get; }
    public Gauge QueueDepth { get; }

    public void Record(string model, string route, int status, TimeSpan elapsed)
    {
        Requests.WithLabels(model, route, status.ToString()).Inc();
        Latency.WithLabels(model, route).Observe(elapsed.TotalSeconds);
    }
}
