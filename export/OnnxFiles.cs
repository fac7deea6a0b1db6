using Google.Protobuf;
using Onnx;

namespace Toolkit.Export;

/// <summary>Reads ONNX files into OnnxSharp's protobuf classes, refusing files that are not ONNX models with one line naming them.</summary>
public static class OnnxFiles
{
    public static ModelProto Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path}: not an ONNX model: {e.Message}", e);
        }
        // Protobuf reads any bytes it can skip as unknown fields, so an empty or foreign file parses as a model without a graph.
        if (model.Graph is null || model.Graph.Node.Count == 0) throw new InvalidDataException($"{path}: not an ONNX model: no graph");
        return model;
    }
}
