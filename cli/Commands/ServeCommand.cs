using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Serving;

namespace Toolkit.Cli.Commands;

public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--host <HOST>")]
        [Description("Address to listen on. Default: 127.0.0.1.")]
        [DefaultValue("127.0.0.1")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--port <PORT>")]
        [Description("Port to listen on (0 picks a free one). Default: 8080.")]
        [DefaultValue(8080)]
        public int Port { get; init; } = 8080;

        [CommandOption("--max-bytes <N>")]
        [Description("Largest request body accepted; larger ones get 413. Default: 8388608 (8 MiB).")]
        [DefaultValue(8L * 1024 * 1024)]
        public long MaxBytes { get; init; } = 8L * 1024 * 1024;

        [CommandOption("--top <K>")]
        [Description("Classes per answer unless the request asks ?top=K. Default: 5.")]
        [DefaultValue(5)]
        public int Top { get; init; } = 5;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var model = settings.OpenModel();
        await using var server = new PredictionServer(model, new ServerOptions(settings.Host, settings.Port, settings.MaxBytes, settings.Top));
        await server.StartAsync(cancellationToken);
        AnsiConsole.MarkupLine($"serving [bold]{Markup.Escape(model.Path)}[/] on {server.Address} ({model.Provider}); Ctrl+C stops");
        AnsiConsole.MarkupLine($"  POST {server.Address}/predict   GET {server.Address}/health   GET {server.Address}/model");
        await server.WaitForShutdownAsync(cancellationToken);
        AnsiConsole.MarkupLine("stopped");
        return 0;
    }
}
