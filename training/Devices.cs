using static TorchSharp.torch;

namespace Toolkit.Training;

public static class Devices
{
    /// <summary>"cpu", "cuda" or "auto" (CUDA when libtorch has it, else CPU); settles libtorch's CPU kernels first.</summary>
    public static Device Resolve(string name)
    {
        NativeRuntime.TurnOneDnnOffOnAmd();
        return name.ToLowerInvariant() switch
        {
            "cpu" => CPU,
            "cuda" when cuda.is_available() => CUDA,
            "cuda" => throw new NotSupportedException("--device cuda: this libtorch build has no CUDA device; use --device cpu or auto"),
            "auto" => cuda.is_available() ? CUDA : CPU,
            _ => throw new ArgumentException($"unknown device '{name}'; use cpu, cuda or auto"),
        };
    }
}
