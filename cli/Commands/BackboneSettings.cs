using Toolkit.Export.Import;

namespace Toolkit.Cli.Commands;

/// <summary>Options of the commands that run the package's pretrained ResNet18 graph as it is.</summary>
public abstract class BackboneSettings : DataSettings
{
    [CommandOption("--backbone <FILE>"), Description("ResNet18.onnx. Default: the copy the featurizer package puts next to the toolkit.")]
    public string? Backbone { get; init; }
    [CommandOption("--preprocess <FILE>"), Description("ResNetPreprocess.onnx. Default: the copy the featurizer package puts next to the toolkit.")]
    public string? Preprocess { get; init; }

    public string BackbonePath => Backbone ?? PretrainedResNetFiles.DefaultModel;
    public string PreprocessPath => Preprocess ?? PretrainedResNetFiles.DefaultPreprocess;
}
