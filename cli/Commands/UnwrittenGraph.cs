using Google.Protobuf;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Measures a graph before it is written: ONNX Runtime opens the toolkit's models from files, so the graph goes to
/// a temporary file for the measurement and the file is removed afterwards.
/// </summary>
public static class UnwrittenGraph
{
    public static T Measure<T>(Onnx.ModelProto graph, Func<OnnxModel, T> measure)
    {
        string temporary = Path.Combine(Path.GetTempPath(), $"toolkit-export-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(temporary, graph.ToByteArray());
        try
        {
            using var model = OnnxModel.Open(temporary, ExecutionDevice.Cpu);
            return measure(model);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
