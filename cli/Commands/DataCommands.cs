using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class DataCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("data", data =>
        {
            data.SetDescription("Find, check and download the data sets.");
            data.AddCommand<DataVerifyCommand>("verify")
                .WithDescription("Read every data set completely and report counts per split and per class, or the problem.")
                .WithExample("data", "verify", "--data", "../shared/data", "--json");
            data.AddCommand<DataSamplesCommand>("samples")
                .WithDescription("Write images of a data set as PNG files, to try predict and serve on.")
                .WithExample("data", "samples", "--dataset", "cifar10-test", "--indices", "3,4,6,18", "--out", "models/samples");
            data.AddCommand<DataDownloadCommand>("download")
                .WithDescription("Fetch a data set's official files with a sha256 check (written to NAME.part, renamed when complete).")
                .WithExample("data", "download", "mnist", "--data", "~/toolkit-data");
            data.AddCommand<DataBenchmarkCommand>("benchmark")
                .WithDescription("Time reading the MNIST and CIFAR-10 training images into memory.")
                .WithExample("data", "benchmark", "--data", "../shared/data");
        });
    }
}
