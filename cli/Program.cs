using Toolkit.Cli.Commands;

Toolkit.Training.NativeRuntime.FixMallocThresholds();

// --verbose is global: it adds the .NET stack trace to an error's one line, for whichever command ran.
bool verbose = args.Contains("--verbose");
string[] arguments = args.Where(a => a != "--verbose").ToArray();

var app = new CommandApp();
app.Configure(config =>
{
    config.UseStrictParsing();
    config.SetExceptionHandler((exception, _) => ErrorReport.Print(exception, new ErrorContext(arguments, verbose)));
    CommandTree.Register(config);
});
return await app.RunAsync(arguments);
