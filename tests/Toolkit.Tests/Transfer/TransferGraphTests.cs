using Toolkit.Export.Transfer;
using Xunit;

namespace Toolkit.Tests.Transfer;

public sealed class TransferGraphTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Preprocessing_MatchesThePackageStyleGraph_OnRandomPixels()
    {
        const int size = 6;
        string prep = PreprocessFixture.WritePreprocess(_folder.Path, size, seed: 3);
        var pixels = OnnxRunner.Random(3 * size * size, seed: 4);

        var expected = OnnxRunner.Run(prep, pixels.Select(p => p * 255f).ToArray(), [1, 3, size, size]);
        var preprocessing = ResNetPreprocessing.Read(prep);
        var actual = OnnxRunner.Run(TransferGraph.Preprocessing(preprocessing, size, size), _folder.Path, pixels, [1, 3, size, size]);

        Assert.Equal([2, 1, 0], preprocessing.ChannelOrder);
        OnnxRunner.AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void Preprocessing_ResizesBilinearly_LikeTheCSharpResampler()
    {
        const int from = 4, to = 10;
        string prep = PreprocessFixture.WritePreprocess(_folder.Path, to, seed: 5);
        var preprocessing = ResNetPreprocessing.Read(prep);
        var pixels = OnnxRunner.Random(2 * 3 * from * from, seed: 6);

        var actual = OnnxRunner.Run(TransferGraph.Preprocessing(preprocessing, from, to), _folder.Path, pixels, [2, 3, from, from]);

        for (int image = 0; image < 2; image++)
        {
            var resized = Bilinear.Resize(pixels[(image * 48)..((image + 1) * 48)], 3, from, to);
            var bgr = new[] { 2, 1, 0 }.SelectMany(c => resized[(c * to * to)..((c + 1) * to * to)]).ToArray();
            var expected = bgr.Select((v, i) => v * 255f - preprocessing.MeanImage[i]).ToArray();
            OnnxRunner.AssertClose(expected, actual[(image * 300)..((image + 1) * 300)], 1e-4f);
        }
    }

    [Fact]
    public void MeanImageAtOtherSize_IsTheBilinearResize_AndTheSameArrayAtItsOwnSize()
    {
        var preprocessing = ResNetPreprocessing.Read(PreprocessFixture.WritePreprocess(_folder.Path, 8, seed: 7));
        Assert.Same(preprocessing.MeanImage, preprocessing.MeanImageAt(8));
        Assert.Equal(3 * 16 * 16, preprocessing.MeanImageAt(16).Length);
        // A constant plane stays constant under bilinear resampling.
        Assert.All(Bilinear.Resize(Enumerable.Repeat(2.5f, 3 * 16).ToArray(), 3, 4, 9), v => Assert.Equal(2.5f, v, 5));
    }

    [Fact]
    public void BackboneRewrite_RunsAnyBatch_AndMatchesTheFixedBatchOriginal()
    {
        const int size = 8;
        string path = PreprocessFixture.WriteBackbone(_folder.Path, size, seed: 9);
        var backbone = BackboneGraph.Load(path);
        var model = backbone.ToModel();

        Assert.Equal(4, backbone.Features);
        Assert.Equal(TransferGraph.BatchDimension, model.Graph.Input.Single().Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(TransferGraph.BatchDimension, model.Graph.Output.Single().Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Empty(model.Graph.ValueInfo);
        Assert.DoesNotContain(model.Graph.Node.SelectMany(n => n.Attribute), a => a.Name == "spatial");

        const int batch = 3;
        var images = OnnxRunner.Random(batch * 3 * size * size, seed: 10);
        var batched = OnnxRunner.Run(model, _folder.Path, images, [batch, 3, size, size]);
        for (int i = 0; i < batch; i++)
        {
            var one = OnnxRunner.Run(path, images[(i * 192)..((i + 1) * 192)], [1, 3, size, size]);
            OnnxRunner.AssertClose(one, batched[(i * 4)..((i + 1) * 4)], 1e-5f);
        }
    }

    [Fact]
    public void Classifier_IsTheFeatureGraphFollowedByTheHead()
    {
        const int size = 8;
        var preprocessing = ResNetPreprocessing.Read(PreprocessFixture.WritePreprocess(_folder.Path, size, seed: 11));
        var backbone = BackboneGraph.Load(PreprocessFixture.WriteBackbone(_folder.Path, size, seed: 12));
        var head = new LinearHead(OnnxRunner.Random(2 * 4, 13, -1, 1), [0.25f, -0.5f], Classes: 2, Features: 4);
        var pixels = OnnxRunner.Random(5 * 3 * 4 * 4, seed: 14);

        var features = OnnxRunner.Run(TransferGraph.FeatureExtractor(preprocessing, backbone, 4, size), _folder.Path, pixels, [5, 3, 4, 4]);
        var logits = OnnxRunner.Run(TransferGraph.Classifier(preprocessing, backbone, 4, size, head, new Dictionary<string, string>()),
            _folder.Path, pixels, [5, 3, 4, 4]);

        var expected = Enumerable.Range(0, 5).SelectMany(n => Enumerable.Range(0, 2).Select(c =>
            head.Bias[c] + Enumerable.Range(0, 4).Sum(f => head.Weight[c * 4 + f] * features[n * 4 + f]))).ToArray();
        OnnxRunner.AssertClose(expected, logits, 1e-5f);
    }

    [Fact]
    public void Preprocessing_RejectsAGraphOfOtherOps()
    {
        string path = PreprocessFixture.WriteBackbone(_folder.Path, 4, seed: 1);
        var error = Assert.Throws<InvalidDataException>(() => ResNetPreprocessing.Read(path));
        Assert.Contains("expected nodes Split, Concat, Sub", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
