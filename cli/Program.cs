using Spectre.Console.Cli;
using Toolkit.Cli;
using Toolkit.Cli.Commands;

Toolkit.Training.NativeHeap.UseFixedMmapThreshold();

// --verbose is global: it adds the .NET stack trace to an error's one line, for whichever command ran.
bool verbose = args.Contains("--verbose");
string[] arguments = args.Where(a => a != "--verbose").ToArray();

var catalog = new CommandCatalog();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("toolkit");
    config.UseStrictParsing();
    config.SetExceptionHandler((exception, _) => ErrorReport.Print(exception, new ErrorContext(catalog, arguments, verbose)));
    var commands = catalog.Recording(config);
    DataCommands.Register(commands);
    InferenceCommands.Register(commands);
    AttackCommands.Register(commands);
    MovieLensCommands.Register(commands);
    TopicsCommands.Register(commands);
    TrainCommands.Register(commands);
    PcaCommands.Register(commands);
    ReportCommands.Register(commands);
    ExportCommands.Register(commands);
    BenchCommands.Register(commands);
    TransferCommands.Register(commands);
});
return await app.RunAsync(arguments);
