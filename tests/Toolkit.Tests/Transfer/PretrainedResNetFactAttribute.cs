using Toolkit.Export.Import;
using Xunit;

namespace Toolkit.Tests.Transfer;

/// <summary>A test that needs the pretrained ResNet18 ONNX of Microsoft.ML.DnnImageFeaturizer.ResNet18; skipped where it is absent.</summary>
public sealed class PretrainedResNetFactAttribute : FactAttribute
{
    public PretrainedResNetFactAttribute()
    {
        if (PretrainedResNetFiles.FindModel() is null || PretrainedResNetFiles.FindPreprocess() is null)
            Skip = $"{PretrainedResNetFiles.ModelRelative} not found (restore package {PretrainedResNetFiles.Package})";
    }
}
