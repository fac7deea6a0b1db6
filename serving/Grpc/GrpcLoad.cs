using System.Diagnostics;
using Google.Protobuf;
using Grpc.Net.Client;
using Toolkit.Serving.Grpc.Protocol;

namespace Toolkit.Serving.Grpc;

/// <summary>Requests/s and latency percentiles of a gRPC load run; errors counted, not thrown.</summary>
public sealed record LoadResult(long Requests, long Errors, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop gRPC load generator for ModelInfer (what wrk does for HTTP): <c>connections</c> callers, each
/// on its own HTTP/2 channel, send the same request back to back for a fixed time.
/// </summary>
public static class GrpcLoad
{
    public static async Task<LoadResult> RunAsync(string address, ModelInferRequest request, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            using var channel = GrpcChannel.ForAddress(address);
            var client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
            var own = latencies[i] = [];
            while (clock.Elapsed < duration)
            {
                long start = Stopwatch.GetTimestamp();
                try
                {
                    await client.ModelInferAsync(request);
                    own.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (global::Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(callers);
        double seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>A ModelInfer request of <paramref name="batch"/> random FP32 examples for a model's single input, as raw contents.</summary>
    public static ModelInferRequest RandomRequest(string model, string inputName, long[] exampleShape, int batch)
    {
        long size = exampleShape.Aggregate(1L, (a, b) => a * b) * batch;
        var random = new Random(1);
        var values = new float[size];
        for (int i = 0; i < values.Length; i++) values[i] = (float)random.NextDouble();
        var input = new ModelInferRequest.Types.InferInputTensor { Name = inputName, Datatype = "FP32" };
        input.Shape.Add([batch, .. exampleShape]);
        var request = new ModelInferRequest { ModelName = model };
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())));
        return request;
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
