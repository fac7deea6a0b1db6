using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Pipelines.Mnist;
using Toolkit.Training.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit train mnist-ae</c>: one autoencoder run per hidden size, each in runs/mnist-ae-KIND-hH/.</summary>
public sealed class TrainMnistAeCommand : Command<TrainMnistAeSettings>
{
    public override int Execute(CommandContext context, TrainMnistAeSettings settings, CancellationToken cancellationToken)
    {
        var runs = settings.HiddenSizes().Select(settings.Options).ToList();
        var results = AutoencoderTraining.Run(runs, settings.Runs, settings.Models, settings.NoExport, settings.Force, settings.Location,
            CommandLine.Echo(),
            starting: settings.Json ? null : o => ConsoleLine.Out($"Training [bold]{AutoencoderNets.Name(o.Kind, o.Hidden)}[/]"),
            onStep: settings.Json ? null : PrintEvery50);
        if (settings.Json)
        {
            Json.Print(results.Select(r => new { r.Record.Name, r.Folder, r.Record.TrainMse, r.Record.TestMse, r.Record.TrainSeconds, r.Record.WallSeconds, r.Export }));
            return 0;
        }
        foreach (var r in results)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Record.Name)} in {Markup.Escape(r.Folder)}: train MSE {r.Record.TrainMse:F5}, test MSE {r.Record.TestMse:F5}, {r.Record.WallSeconds:F0} s");
            if (r.Export is not null) TrainingReport.PrintExport(r.Export);
        }
        return 0;
    }

    private static void PrintEvery50(StepLoss step)
    {
        if (step.Step == 1 || step.Step % 50 == 0)
            Console.WriteLine($"  step {step.Step,4}  MSE {step.Loss:F5}  {step.Seconds,7:F1} s");
    }
}
