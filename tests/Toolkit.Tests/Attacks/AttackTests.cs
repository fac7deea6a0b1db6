using Toolkit.Export.Gradients;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Toolkit.Tests.Inference;
using Xunit;

namespace Toolkit.Tests.Attacks;

public sealed class AttackTests : IClassFixture<AttackFixture>
{
    private readonly AttackFixture _fixture;

    public AttackTests(AttackFixture fixture) => _fixture = fixture;

    [Fact]
    public void EpsZeroLeavesAccuracyUnchanged()
    {
        var report = _fixture.Run(new AttackPlan([new Fgsm(), new Pgd(3)], [0f], Targets.None));

        Assert.Equal(23.0 / 24, report.CleanAccuracy, 10);
        foreach (var curve in report.Methods)
        {
            Assert.Equal(report.CleanAccuracy, curve.Points[0].Accuracy, 10);
            Assert.Equal(0, curve.Points[0].MeanLinf);
            Assert.Equal(0, curve.Points[0].SuccessRate);
        }
    }

    [Theory]
    [InlineData("fgsm")]
    [InlineData("pgd")]
    public void PerturbationStaysWithinEpsAndImagesWithinZeroOne(string method)
    {
        const float eps = 0.03f;
        var attack = AttackMethods.Parse(method, steps: 5, alpha: 0.02f, randomStart: true, seed: 3)[0];
        int count = 6;
        var clean = new float[count * 3072];
        _fixture.Set.CopyBatch(0, count, clean);
        var adversarial = new float[clean.Length];

        attack.Perturb(new InputGradients(_fixture.Gradients, count), clean, [0, 1, 2, 3, 4, 5], count, eps, targeted: false, adversarial);

        Assert.All(adversarial, v => Assert.InRange(v, 0f, 1f));
        Assert.All(adversarial.Select((v, i) => Math.Abs(v - clean[i])), d => Assert.True(d <= eps + 1e-6f, $"moved {d}"));
        Assert.Contains(adversarial.Select((v, i) => Math.Abs(v - clean[i])), d => d > eps / 2);
    }

    [Fact]
    public void PgdIsAtLeastAsStrongAsFgsmAndNormsMatchEps()
    {
        var report = _fixture.Run(new AttackPlan([new Fgsm(), new Pgd(10)], [0.005f, 0.01f, 0.02f], Targets.None, BatchSize: 5));

        var fgsm = report.Methods[0].Points;
        var pgd = report.Methods[1].Points;
        for (int e = 0; e < fgsm.Count; e++)
        {
            Assert.True(pgd[e].Accuracy <= fgsm[e].Accuracy, $"eps {fgsm[e].Eps}: PGD {pgd[e].Accuracy} vs FGSM {fgsm[e].Accuracy}");
            Assert.InRange(fgsm[e].MeanLinf, fgsm[e].Eps * 0.99, fgsm[e].Eps * 1.0001);
            Assert.True(fgsm[e].MeanL2 > fgsm[e].MeanLinf);
        }
        Assert.True(fgsm[^1].Accuracy < report.CleanAccuracy);
        var speed = report.Methods[0];
        Assert.True(report.EvalImagesPerSecond > 0 && speed.AttackImagesPerSecond > 0 && speed.EvalImagesPerSecond > 0);
        Assert.Equal(speed.AttackImagesPerSecond / speed.EvalImagesPerSecond, speed.ThroughputVsEval, 6);
        Assert.Equal("fgsm", report.Methods[0].Method);
        Assert.Equal("pgd-10", report.Methods[1].Method);
    }

    [Fact]
    public void ExamplesAreCorrectlyClassifiedImagesThatChangeClass()
    {
        var report = _fixture.Run(new AttackPlan([new Fgsm()], [0.01f, 0.05f], Targets.None, ExampleEps: 0.04f));

        Assert.Equal(0.05, report.ExampleEps, 6);
        Assert.Equal(4, report.Examples.Count);
        foreach (var example in report.Examples)
        {
            Assert.Equal(example.Truth, example.Before);
            Assert.NotEqual(example.Truth, example.After);
        }
    }

    [Fact]
    public void CurveAndExampleGridArePngs()
    {
        using var folder = new TempFolder();
        var report = _fixture.Run(new AttackPlan([new Fgsm(), new Pgd(2)], [0f, 0.05f], Targets.None));

        AttackCurve.Save(report, folder.File("curve.png"));
        AttackGrid.Save(report, _fixture.Model.Info, folder.File("grid.png"));

        using var curve = ImageDecoder.Decode(folder.File("curve.png"));
        using var grid = ImageDecoder.Decode(folder.File("grid.png"));
        Assert.Equal(900, curve.Width);
        Assert.Equal(3 * 172 + 12, grid.Width);
    }

    [Fact]
    public void TargetedAttackReachesTheTargetOnAnEasyModel()
    {
        using var folder = new TempFolder();
        string path = ColourModel.Write(folder.Path);
        GradientGraphFile.Write(path);
        using var model = OnnxModel.Open(path, ExecutionDevice.Cpu);
        using var gradients = GradientModel.OpenFor(path, ExecutionDevice.Cpu);
        // Reddish images: red 0.6, green and blue 0.3. Towards blue at eps 0.2: red 0.4, green 0.1, blue 0.5.
        var pixels = new byte[4 * 3072];
        for (int i = 0; i < 4; i++)
            for (int c = 0; c < 3; c++)
                pixels.AsSpan(i * 3072 + c * 1024, 1024).Fill(c == 0 ? (byte)153 : (byte)77);
        var set = new EvaluationSet("colours-test", "colours", pixels, [0, 0, 0, 0], 3072, ColourModel.Classes, new Dictionary<string, Range>());
        var targets = Targets.Parse("blue", ColourModel.Classes);

        var report = new AttackRunner(model, gradients, new AttackPlan([new Fgsm(), new Pgd(5)], [0.2f], targets)).Run(set);

        Assert.Equal(1.0, report.CleanAccuracy);
        Assert.All(report.Methods, m => Assert.Equal(1.0, m.Points[0].SuccessRate));
        Assert.All(report.Methods, m => Assert.Equal(0.0, m.Points[0].Accuracy));
        Assert.Equal("class 2 (blue)", report.Target);
    }

    [Fact]
    public void RandomTargetsAreNeverTheTrueClass()
    {
        byte[] labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2];
        var targets = new Targets(null, Random: true).LabelsFor(labels, 10, seed: 4);

        Assert.All(targets.Zip(labels), pair => Assert.NotEqual(pair.Second, pair.First));
        Assert.All(targets, t => Assert.InRange(t, 0, 9));
        Assert.Equal(targets, new Targets(null, Random: true).LabelsFor(labels, 10, seed: 4));
    }

    [Theory]
    [InlineData("0.025", new[] { 0.025f })]
    [InlineData("0.01, 0.025", new[] { 0.01f, 0.025f })]
    [InlineData("0:0.02:0.005", new[] { 0f, 0.005f, 0.01f, 0.015f, 0.02f })]
    public void EpsilonsParseValuesListsAndRanges(string text, float[] expected) =>
        Assert.Equal(expected, Epsilons.Parse(text));

    [Fact]
    public void EpsilonRangeToPointOneHasTwentyOneValuesEndingAtPointOne()
    {
        var values = Epsilons.Parse("0:0.1:0.005");
        Assert.Equal(21, values.Count);
        Assert.Equal(0.1f, values[^1]);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("2")]
    [InlineData("abc")]
    [InlineData("0.1:0:0.01")]
    [InlineData("0:0.1")]
    public void BadEpsilonsAreRefused(string text) => Assert.Throws<ArgumentException>(() => Epsilons.Parse(text));
}
