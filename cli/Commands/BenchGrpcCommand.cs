using Toolkit.Serving.Grpc;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit bench grpc</c>: closed-loop ModelInfer load against a running server (Triton's gRPC port works too).</summary>
public sealed class BenchGrpcCommand : AsyncCommand<BenchGrpcCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--address <URL>"), Description("The server's gRPC address. Default: http://127.0.0.1:8081."), DefaultValue("http://127.0.0.1:8081")]
        public string Address { get; init; } = "http://127.0.0.1:8081";
        [CommandOption("--model <NAME>"), Description("Model to call. Default: cifar10-conv."), DefaultValue("cifar10-conv")]
        public string Model { get; init; } = "cifar10-conv";
        [CommandOption("--shape <DIMS>"), Description("One example's shape, comma-separated. Default: 3,32,32."), DefaultValue("3,32,32")]
        public string Shape { get; init; } = "3,32,32";
        [CommandOption("--batch <N>"), Description("Examples per request, 1-4096. Default: 1."), DefaultValue(1)]
        public int Batch { get; init; } = 1;
        [CommandOption("--connections <N>"), Description("Concurrent callers, each on its own channel, 1-1024. Default: 8."), DefaultValue(8)]
        public int Connections { get; init; } = 8;
        [CommandOption("--seconds <S>"), Description("Duration, 1-600. Default: 20."), DefaultValue(20)]
        public int Seconds { get; init; } = 20;

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--batch", Batch, 1, 4096),
                OptionRules.Range("--connections", Connections, 1, 1024),
                OptionRules.Range("--seconds", Seconds, 1, 600),
                OptionRules.List<long>("--shape", Shape, d => OptionRules.Range("--shape", d, 1, long.MaxValue))) ?? ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = GrpcLoad.RandomRequest(settings.Model, "input", OptionRules.Values<long>(settings.Shape).ToArray(), settings.Batch);
        var result = await GrpcLoad.RunAsync(settings.Address, request, settings.Connections, TimeSpan.FromSeconds(settings.Seconds));
        AnsiConsole.MarkupLine(Markup.Escape(
            $"gRPC ModelInfer {settings.Model} batch {settings.Batch}, {settings.Connections} connections, {result.Seconds:F1} s: " +
            $"{result.RequestsPerSecond:F0} requests/s, p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms, {result.Requests} ok, {result.Errors} errors"));
        return result.Errors == 0 ? 0 : 1;
    }
}
