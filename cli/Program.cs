using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Cli.Commands;
using Toolkit.Datasets;

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
    TransferCommands.Register(config);
    ExportCommands.Register(config);
    BenchCommands.Register(config);
});
return await app.RunAsync(args);
