using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Mnist;
using Toolkit.Training.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit train mnist-ae</c>: one autoencoder run per hidden size, each in runs/mnist-ae-KIND-hH/.</summary>
public sealed class TrainMnistAeCommand : Command<TrainMnistAeSettings>
{
    public override int Execute(CommandContext context, TrainMnistAeSettings settings, CancellationToken cancellationToken)
    {
        string command = "toolkit " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
        string data = settings.Location.Folder(MnistReader.FolderName);
        var records = new List<AutoencoderRecord>();
        foreach (int hidden in settings.HiddenSizes())
        {
            var options = settings.Options(hidden);
            string name = AutoencoderNets.Name(options.Kind, hidden);
            string folder = Path.Combine(settings.Runs, name);
            if (!settings.Json) AnsiConsole.MarkupLine($"Training [bold]{Markup.Escape(name)}[/] in {Markup.Escape(folder)}");
            var record = AutoencoderRun.Train(options, data, folder, command, settings.Json ? null : PrintEvery50);
            records.Add(record);
            if (!settings.Json)
                AnsiConsole.MarkupLine($"{Markup.Escape(name)}: train MSE {record.TrainMse:F5}, test MSE {record.TestMse:F5}, {record.WallSeconds:F0} s");
            if (settings.NoExport) continue;
            var export = MnistModelExport.ExportAutoencoder(folder, settings.Models, settings.Location);
            if (!settings.Json) TrainingReport.PrintExport(export);
        }
        if (settings.Json) Json.Print(records.Select(r => new { r.Name, r.TrainMse, r.TestMse, r.TrainSeconds, r.WallSeconds }));
        return 0;
    }

    private static void PrintEvery50(StepLoss step)
    {
        if (step.Step == 1 || step.Step % 50 == 0)
            Console.WriteLine($"  step {step.Step,4}  MSE {step.Loss:F5}  {step.Seconds,7:F1} s");
    }
}
