using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference;

/// <summary>
/// A toolkit model file open in one ONNX Runtime session: its metadata and the provider it runs on. Sessions may
/// be shared between threads.
/// </summary>
public abstract class ModelSession : IDisposable
{
    protected ModelSession(string path, OpenedSession opened)
    {
        Path = path;
        Session = opened.Session;
        Provider = opened.Provider;
        FallbackNotice = opened.FallbackNotice;
        try
        {
            Info = ModelInfo.FromMetadata(path, Session.ModelMetadata.CustomMetadataMap);
        }
        catch
        {
            Session.Dispose();
            throw;
        }
    }

    public string Path { get; }
    public ModelInfo Info { get; }
    public string Provider { get; }
    public string? FallbackNotice { get; }
    protected InferenceSession Session { get; }

    public void Dispose() => Session.Dispose();
}
