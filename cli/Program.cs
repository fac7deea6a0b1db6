using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Cli.Commands;
using Toolkit.Datasets;

Toolkit.Training.NativeHeap.UseFixedMmapThreshold();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("toolkit");
    config.SetExceptionHandler((exception, _) => ErrorReport.Print(exception));
    DataCommands.Register(config);
    InferenceCommands.Register(config);
    AttackCommands.Register(config);
    MovieLensCommands.Register(config);
    TopicsCommands.Register(config);
    TrainCommands.Register(config);
    PcaCommands.Register(config);
    ReportCommands.Register(config);
    ExportCommands.Register(config);
    BenchCommands.Register(config);
    TransferCommands.Register(config);
});
return await app.RunAsync(args);
