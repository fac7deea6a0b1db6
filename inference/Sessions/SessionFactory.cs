using Microsoft.ML.OnnxRuntime;

namespace Toolkit.Inference.Sessions;

/// <summary>An ONNX Runtime session and the execution provider it really got.</summary>
public sealed record OpenedSession(InferenceSession Session, string Provider, string? FallbackNotice);

/// <summary>
/// Opens sessions on the requested device. ONNX Runtime lists CUDA as available even where its libraries
/// cannot load, so the only reliable test is to try: <c>auto</c> falls back to the CPU with a notice,
/// <c>cuda</c> fails with the reason.
/// </summary>
public static class SessionFactory
{
    // ONNX Runtime also logs a failed CUDA load to stderr; the toolkit reports it once, as the fallback notice
    // or the error, so the shared environment logs only fatal problems (everything else surfaces as exceptions).
    static SessionFactory()
    {
        if (OrtEnv.IsCreated) return;
        var options = new EnvironmentCreationOptions { logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        OrtEnv.CreateInstanceWithOptions(ref options);
    }

    /// <summary>
    /// Opens a model file. <paramref name="spinning"/> keeps idle intra-op threads spinning, for a server answering
    /// one small request after another (<see cref="CpuSessionOptions.Serving"/>); batch work (eval, attack) runs
    /// better without it (<see cref="CpuSessionOptions.BatchWork"/>).
    /// </summary>
    public static OpenedSession Open(string modelPath, ExecutionDevice device, bool spinning = false)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"{modelPath}: model file not found", modelPath);
        return Open(options => new InferenceSession(modelPath, options), modelPath, device, spinning);
    }

    /// <summary>Opens a model held in memory, e.g. a graph measured before it is written.</summary>
    public static OpenedSession Open(byte[] model, ExecutionDevice device, string name = "model in memory") =>
        Open(options => new InferenceSession(model, options), name, device, spinning: false);

    private static OpenedSession Open(Func<SessionOptions, InferenceSession> create, string name, ExecutionDevice device, bool spinning)
    {
        if (device == ExecutionDevice.Cpu) return new OpenedSession(OpenOnCpu(create, name, spinning), "CPU", null);

        try
        {
            return new OpenedSession(OpenOnCuda(create), "CUDA", null);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            string reason = e is EntryPointNotFoundException
                ? "this build carries the CPU-only ONNX Runtime package; build with -p:UseGpu=true for CUDA"
                : FirstLine(e.Message);
            if (device == ExecutionDevice.Cuda)
            {
                // A file ONNX Runtime cannot load at all fails here too; say so rather than blame CUDA.
                OpenOnCpu(create, name, spinning).Dispose();
                throw new InvalidOperationException($"CUDA execution provider cannot load: {reason}", e);
            }
            return new OpenedSession(OpenOnCpu(create, name, spinning), "CPU", $"CUDA unavailable ({reason}); running on CPU");
        }
    }

    private static InferenceSession OpenOnCuda(Func<SessionOptions, InferenceSession> create)
    {
        using var options = new SessionOptions();
        options.AppendExecutionProvider_CUDA(0);
        return create(options);
    }

    private static InferenceSession OpenOnCpu(Func<SessionOptions, InferenceSession> create, string name, bool spinning)
    {
        using var options = (spinning ? CpuSessionOptions.Serving : CpuSessionOptions.BatchWork).ToSessionOptions();
        try
        {
            return create(options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{name}: not an ONNX model: {LoadProblem(e.Message)}", e);
        }
    }

    /// <summary>"[ErrorCode:InvalidProtobuf] Load model from PATH failed:Protobuf parsing failed." → "Protobuf parsing failed."</summary>
    private static string LoadProblem(string message)
    {
        const string failed = "failed:";
        int at = message.IndexOf(failed, StringComparison.Ordinal);
        return FirstLine(at >= 0 ? message[(at + failed.Length)..] : message);
    }

    private static string FirstLine(string message)
    {
        // ONNX Runtime's load failures end with "... with error: libcublasLt.so.13: cannot open shared object file".
        const string loaderError = "with error: ";
        int at = message.IndexOf(loaderError, StringComparison.Ordinal);
        if (at >= 0) message = message[(at + loaderError.Length)..];
        string line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? message;
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
