using Toolkit.Inference;
using Toolkit.Inference.Sessions;

namespace Toolkit.Cli.Commands;

/// <summary>Options of every command that runs an exported model through ONNX Runtime.</summary>
public class ModelSettings : DataSettings
{
    [CommandArgument(0, "<MODEL>"), Description("The model file, e.g. models/lenet.onnx.")]
    public string Model { get; init; } = "";
    [CommandOption("--device <DEVICE>"), Description("auto (CUDA if it loads, else CPU), cpu or cuda. Default: auto."), DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    /// <summary>Opens the model, telling the user on stderr when CUDA was asked for but the CPU is used.</summary>
    public OnnxModel OpenModel()
    {
        var model = OnnxModel.Open(Model, ExecutionDeviceParser.Parse(Device));
        if (model.FallbackNotice is not null) Console.Error.WriteLine($"notice: {model.FallbackNotice}");
        return model;
    }

    public override ValidationResult Validate() =>
        Validation.Check(File.Exists(Model) ? null : $"{Model}: model file not found", OptionRules.Device(Device)) ?? ValidationResult.Success();
}
