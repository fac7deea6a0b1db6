using Toolkit.Pipelines.Cifar;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Search;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>What <c>train cifar10</c>'s options become: the recipe with its settings changed, one run or a search.</summary>
public sealed class CifarTrainingOptionsTests
{
    [Fact]
    public void BaseSpecIsTheRecipeWithTheGivenSettingsChanged()
    {
        var recipe = CifarRecipes.Default(CifarArchitecture.Conv);

        var spec = new CifarTrainingOptions { Arch = "CONV", Optimizer = OptimizerKind.Adam, Flip = false, Seed = 7, Subset = 500, Device = "cpu" }.BaseSpec();

        Assert.Equal(OptimizerKind.Adam, spec.Training.Optimizer);
        Assert.False(spec.Training.FlipAugment);
        Assert.Equal(7, spec.Training.Seed);
        Assert.Equal((500, "cpu"), (spec.Subset, spec.Device));
        Assert.Equal(recipe.Training.LearningRate, spec.Training.LearningRate);
        Assert.Equal(recipe.Net, spec.Net);
    }

    [Fact]
    public void GivenHyperparametersSetOneRunInTheNamedFolder()
    {
        var options = new CifarTrainingOptions { Arch = "logreg", Hyperparameters = [ParameterSpec.Parse("lr", "0.005"), ParameterSpec.Parse("epochs", "3")] };

        var plan = options.Plan("runs/x", modelsFolder: null, name: null, noExport: true);

        Assert.Null(plan.Search);
        Assert.Equal("runs/x", plan.Folder);
        Assert.Equal(0.005, plan.BaseSpec.Training.LearningRate);
        Assert.Equal(3, plan.BaseSpec.Training.Epochs);
        Assert.Null(plan.Export.ModelPath);
    }

    [Fact]
    public void AGridSearchHasOneTrialPerListedValueAndADefaultFolder()
    {
        var options = new CifarTrainingOptions { Arch = "mlp", Search = SearchKind.Grid, Hyperparameters = [ParameterSpec.Parse("lr", "1e-2,1e-3,1e-4")] };

        var plan = options.Plan(folder: null, modelsFolder: "models", name: "best", noExport: false);

        Assert.Equal(3, plan.Search!.Trials.Count);
        Assert.StartsWith(Path.Combine("runs", "cifar10-mlp-"), plan.Folder);
        Assert.Equal(Path.Combine("models", "best.onnx"), plan.Export.ModelPath);
    }

    [Theory]
    [InlineData(null, "--arch is required")]
    [InlineData("resnet", "unknown --arch 'resnet'")]
    public void AnArchitectureMustBeNamedAndKnown(string? arch, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new CifarTrainingOptions { Arch = arch }.BaseSpec());
        Assert.StartsWith(message, error.Message);
    }
}
