using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

/// <summary>Every command and branch of the toolkit command line, registered once for the program and its tests.</summary>
public static class CommandTree
{
    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("toolkit");
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
    }
}
