namespace Toolkit.Inference.Sessions;

/// <summary>Where ONNX Runtime runs a model. <see cref="Auto"/> tries CUDA and falls back to the CPU.</summary>
public enum ExecutionDevice
{
    Auto,
    Cpu,
    Cuda,
}

public static class ExecutionDeviceParser
{
    public static ExecutionDevice Parse(string text) => text.ToLowerInvariant() switch
    {
        "auto" => ExecutionDevice.Auto,
        "cpu" => ExecutionDevice.Cpu,
        "cuda" or "gpu" => ExecutionDevice.Cuda,
        _ => throw new ArgumentException($"unknown device '{text}'; expected auto, cpu or cuda"),
    };
}
