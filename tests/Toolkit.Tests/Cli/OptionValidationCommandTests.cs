using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>Every option is checked when the command line is parsed: out of range or unknown is one line and exit code 2.</summary>
[Collection(BadInputCollection.Name)]
public sealed class OptionValidationCommandTests(BadInputs inputs)
{
    private const string Model = "models/cifar10-logreg.onnx";

    public static readonly BadInputCase[] Cases =
    [
        new("train --threads 0", ["train", "cifar10", "--arch", "logreg", "--threads", "0", "--data", "data"], 2, "--threads 0", "expected 1 to"),
        new("train --threads 100000", ["train", "cifar10", "--arch", "logreg", "--threads", "100000", "--data", "data"], 2, "--threads 100000", "expected 1 to"),
        new("eval --batch 0", ["eval", Model, "--batch", "0", "--data", "data"], 2, "--batch 0", "expected 1 to"),
        new("eval --batch -3", ["eval", Model, "--batch", "-3", "--data", "data"], 2, "--batch -3", "expected 1 to"),
        new("train --batch-size 0", ["train", "cifar10", "--arch", "logreg", "--batch-size", "0", "--data", "data"], 2, "--batch-size 0"),
        new("train --subset 0", ["train", "cifar10", "--arch", "logreg", "--subset", "0", "--data", "data"], 2, "--subset 0", "1 to 40,000"),
        new("train --subset -5", ["train", "cifar10", "--arch", "logreg", "--subset", "-5", "--data", "data"], 2, "--subset -5"),
        new("train --o1 0", ["train", "cifar10", "--arch", "lenet", "--o1", "0", "--data", "data"], 2, "--o1 0"),
        new("train --epochs 0", ["train", "cifar10", "--arch", "logreg", "--epochs", "0", "--data", "data"], 2, "--epochs 0", "expected 1 to"),
        new("train --arch unknown", ["train", "cifar10", "--arch", "resnet", "--data", "data"], 2, "--arch resnet"),
        new("train --lr grid of a billion points", ["train", "cifar10", "--arch", "logreg", "--search", "grid", "--lr", "0:1:1e-9", "--data", "data"], 2, "--lr", "at most 1000"),
        new("train --momentum 1.5", ["train", "cifar10", "--arch", "conv", "--momentum", "1.5", "--data", "data"], 2, "--momentum 1.5"),
        new("attack --eps of ten million points", ["attack", Model, "--eps", "0:1:1e-7", "--out", "attack", "--data", "data"], 2, "--eps 0:1:1e-7", "at most 1000"),
        new("attack --batch 0", ["attack", Model, "--batch", "0", "--out", "attack", "--data", "data"], 2, "--batch 0"),
        new("eval --limt (unknown option)", ["eval", Model, "--limt", "10", "--data", "data"], 2, "'--limt'", "'toolkit eval'", "did you mean '--limit'"),
        new("train --epoch (unknown option)", ["train", "cifar10", "--arch", "logreg", "--epoch", "3", "--data", "data"], 2, "'--epoch'", "'toolkit train cifar10'", "did you mean '--epochs'"),
        new("train --threads abc", ["train", "cifar10", "--arch", "logreg", "--threads", "abc", "--data", "data"], 2, "--threads abc", "whole number"),
        new("eval --batch beyond Int32", ["eval", Model, "--batch", "99999999999", "--data", "data"], 2, "--batch 99999999999", "whole number"),
        new("train --optimizer unknown", ["train", "cifar10", "--arch", "logreg", "--optimizer", "adamw", "--data", "data"], 2, "--optimizer adamw", "adam, sgd"),
        new("unknown command evl", ["evl", Model], 2, "unknown command 'evl'", "did you mean 'eval'"),
        new("data samples --indices 1,x", ["data", "samples", "--indices", "1,x", "--data", "data"], 2, "--indices '1,x'", "'x' is not a whole number"),
        new("movielens compare --ranks 1,0", ["movielens", "compare", "--split", "u1", "--ranks", "1,0", "--data", "ml-ok"], 2, "--ranks 0"),
        new("eval --batch without a value", ["eval", Model, "--batch", "--data", "data"], 2, "--batch: no value given", "whole number"),
        new("train mnist-ae --threads 0", ["train", "mnist-ae", "--threads", "0", "--data", "data"], 2, "--threads 0"),
        new("train mnist-ae --batch 0", ["train", "mnist-ae", "--batch", "0", "--data", "data"], 2, "--batch 0"),
        new("transfer finetune --subset 0", ["transfer", "finetune", "--subset", "0", "--data", "data"], 2, "--subset 0"),
        new("topics train --threads -1", ["topics", "train", "--threads", "-1", "--data", "data"], 2, "--threads -1", "0 (the default)"),
        new("movielens recommend --threads 100000", ["movielens", "recommend", "--user", "1", "--threads", "100000", "--data", "ml-ok"], 2, "--threads 100000"),
        new("movielens compare --test-fraction 1.5", ["movielens", "compare", "--split", "random", "--test-fraction", "1.5", "--data", "ml-ok"], 2, "--test-fraction 1.5"),
        new("pca mnist --components 0", ["pca", "mnist", "--components", "0", "--data", "data"], 2, "--components 0"),
        new("eval --heatmap onto a model", ["eval", Model, "--heatmap", Model, "--data", "data"], 2, $"--heatmap {Model}", ".png"),
        new("predict --out onto a model", ["predict", Model, "images/ship.png", "--out", Model], 2, $"--out {Model}", ".png"),
        new("attack --image --out onto a model", ["attack", Model, "--image", "images/ship.png", "--out", Model], 2, $"--out {Model}", ".png"),
        new("bench inference --batch 0", ["bench", "inference", Model, "--batch", "0", "--data", "data"], 2, "--batch 0"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void BadOptionIsOneLineNamingItAndChangesNothing(string name) =>
        inputs.AssertOneLineError(Cases.Single(c => c.Name == name));
}
