using Spectre.Console.Cli;
using Toolkit.Cli.Commands;

Toolkit.Training.NativeHeap.UseFixedMmapThreshold();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetExceptionHandler((exception, _) => ErrorReport.Print(exception));
    CommandTree.Register(config);
});
return await app.RunAsync(args);
