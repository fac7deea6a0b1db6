using Toolkit.Datasets;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

namespace Toolkit.Pipelines.Datasets;

public sealed record SampleImage(int Index, string Label, string Path);

/// <summary>Images of an evaluation set written as PNG files named DATASET-INDEX-CLASS.png, to try predict and serve on.</summary>
public static class SampleImages
{
    public static IReadOnlyList<SampleImage> Write(string dataset, IReadOnlyList<int> indices, string folder, DataLocation location)
    {
        var set = EvaluationSets.Load(dataset, location);
        var outside = indices.Where(i => i < 0 || i >= set.Count).ToList();
        if (outside.Count > 0) throw new ArgumentException($"indices {string.Join(", ", outside)} are outside 0-{set.Count - 1}");

        Directory.CreateDirectory(folder);
        var (channels, side) = set.ValuesPerExample == 3072 ? (3, 32) : (1, 28);
        var written = new List<SampleImage>();
        foreach (int index in indices)
        {
            string label = set.ClassNames[set.Labels[index]];
            string path = System.IO.Path.Combine(folder, $"{dataset}-{index:D5}-{label}.png");
            PngWriter.Save(set.Pixels.AsSpan(index * set.ValuesPerExample, set.ValuesPerExample), channels, side, side, path);
            written.Add(new SampleImage(index, label, path));
        }
        return written;
    }
}
