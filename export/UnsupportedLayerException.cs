namespace Toolkit.Export;

/// <summary>A module the exporter has no ONNX translation for; the message names the layer and its type.</summary>
public sealed class UnsupportedLayerException(string layerName, string layerType, string? detail = null)
    : NotSupportedException($"cannot export layer '{layerName}' of type {layerType}{(detail is null ? "" : $": {detail}")}")
{
    public string LayerName { get; } = layerName;
    public string LayerType { get; } = layerType;
}
