using Toolkit.Inference.Sessions;
using Toolkit.Serving;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Repository;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit serve</c>: a model repository over the Open Inference Protocol until SIGTERM or Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>"), Description("A model file, a folder of them (models/) or a Triton repository (NAME/config.pbtxt, NAME/1/model.onnx).")]
        public string Path { get; init; } = "";
        [CommandOption("--device <DEVICE>"), Description("auto (CUDA if it loads, else CPU), cpu or cuda. Default: auto."), DefaultValue("auto")]
        public string Device { get; init; } = "auto";
        [CommandOption("--host <HOST>"), DefaultValue("127.0.0.1")]
        [Description("Address or host name to listen on, e.g. 127.0.0.1, ::1, 0.0.0.0, localhost. Default: 127.0.0.1.")]
        public string Host { get; init; } = "127.0.0.1";
        [CommandOption("--port <PORT>"), Description("REST port, 1-65535. Default: 8080."), DefaultValue(8080)]
        public int Port { get; init; } = 8080;
        [CommandOption("--grpc-port <PORT>"), Description("gRPC port (inference.GRPCInferenceService), 1-65535. Default: 8081."), DefaultValue(8081)]
        public int GrpcPort { get; init; } = 8081;
        [CommandOption("--no-grpc"), Description("Serve REST only.")]
        public bool NoGrpc { get; init; }
        [CommandOption("--max-bytes <N>"), Description("Largest request body accepted; larger ones get 413. Default: 8388608 (8 MiB)."), DefaultValue(8L * 1024 * 1024)]
        public long MaxBytes { get; init; } = 8L * 1024 * 1024;
        [CommandOption("--max-pixels <N>"), DefaultValue(50_000_000L)]
        [Description("Largest image (width x height, read from its header) the image routes decode; larger ones get 413. Default: 50000000.")]
        public long MaxPixels { get; init; } = 50_000_000;
        [CommandOption("--decode-memory <BYTES>"), DefaultValue(512L * 1024 * 1024)]
        [Description("Memory all image decodes running at once may hold (4 bytes a pixel); others wait. Default: 536870912 (512 MiB).")]
        public long DecodeMemory { get; init; } = 512L * 1024 * 1024;
        [CommandOption("--max-batch <N>"), Description("Most examples per ONNX Runtime call (micro-batching) and per request. Default: 32."), DefaultValue(32)]
        public int MaxBatch { get; init; } = 32;
        [CommandOption("--queue <N>"), Description("Requests that may wait per model; beyond that 503 with Retry-After. Default: 256."), DefaultValue(256)]
        public int Queue { get; init; } = 256;
        [CommandOption("--default-model <NAME>"), Description("The model behind POST /predict. Default: the first classifier in name order.")]
        public string? DefaultModel { get; init; }
        [CommandOption("--top <K>"), Description("Classes per image answer unless the request asks ?top=K. Default: 5."), DefaultValue(5)]
        public int Top { get; init; } = 5;

        public override ValidationResult Validate() =>
            Validation.Check(
                File.Exists(Path) || Directory.Exists(Path) ? null : $"{Path}: no such model file or folder",
                Port is < 1 or > 65535 ? $"--port must be 1-65535, got {Port}" : null,
                GrpcPort is < 1 or > 65535 ? $"--grpc-port must be 1-65535, got {GrpcPort}" : null,
                !NoGrpc && GrpcPort == Port ? $"--grpc-port must differ from --port ({Port})" : null,
                OptionRules.Range("--max-bytes", MaxBytes, 1, long.MaxValue),
                OptionRules.Range("--max-pixels", MaxPixels, 1, long.MaxValue),
                DecodeMemory < 4 * MaxPixels ? $"--decode-memory must hold one image of --max-pixels (at least {4 * MaxPixels} bytes), got {DecodeMemory}" : null,
                OptionRules.Range("--max-batch", MaxBatch, 1, 4096),
                OptionRules.Range("--queue", Queue, 1, OptionRules.MaxCount),
                OptionRules.Range("--top", Top, 1, int.MaxValue),
                OptionRules.Device(Device)) ?? ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var repository = ModelRepository.Open(settings.Path, ExecutionDeviceParser.Parse(settings.Device));
        if (settings.DefaultModel is not null && !repository.Contains(settings.DefaultModel))
            throw new ArgumentException($"--default-model: no model named '{settings.DefaultModel}' in {settings.Path}; models: {string.Join(", ", repository.Names)}");
        var options = new ServerOptions(settings.Host, settings.Port, settings.NoGrpc ? null : settings.GrpcPort, settings.MaxBytes,
            settings.Top, settings.DefaultModel, settings.MaxPixels, settings.DecodeMemory, new BatchingOptions(settings.MaxBatch, QueueLimit: settings.Queue));
        await using var server = new ModelServer(repository, options);
        await server.StartAsync(cancellationToken);

        var first = repository.All.First();
        if (first.FallbackNotice is not null) Console.Error.WriteLine($"notice: {first.FallbackNotice}");
        string rest = Markup.Escape(server.Address);
        AnsiConsole.MarkupLine($"serving {repository.Names.Count} models from [bold]{Markup.Escape(settings.Path)}[/] ({Markup.Escape(first.Provider)}); SIGTERM or Ctrl+C drains and stops");
        AnsiConsole.MarkupLine($"  REST {rest}/v2   models: {Markup.Escape(string.Join(", ", repository.Names))}");
        if (server.GrpcAddress is not null) AnsiConsole.MarkupLine($"  gRPC {Markup.Escape(server.GrpcAddress)} (inference.GRPCInferenceService)");
        AnsiConsole.MarkupLine($"  POST {rest}/predict   GET {rest}/metrics");
        await server.WaitForShutdownAsync(cancellationToken);
        AnsiConsole.MarkupLine("stopped");
        return 0;
    }
}
