using Microsoft.ML.OnnxRuntime;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class SessionFactoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void CudaRequestFailsClearlyOrRunsOnCuda_AndAutoFallsBackToCpu()
    {
        string path = ColourModel.Write(_folder.Path);
        bool cudaLoads;
        try
        {
            using var cuda = OnnxModel.Open(path, ExecutionDevice.Cuda);
            Assert.Equal("CUDA", cuda.Provider);
            cudaLoads = true;
        }
        catch (InvalidOperationException e)
        {
            Assert.StartsWith("CUDA execution provider cannot load:", e.Message);
            Assert.True(e.InnerException is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException,
                $"unexpected cause {e.InnerException?.GetType()}");
            cudaLoads = false;
        }

        using var auto = OnnxModel.Open(path, ExecutionDevice.Auto);
        if (cudaLoads)
        {
            Assert.Equal("CUDA", auto.Provider);
            Assert.Null(auto.FallbackNotice);
        }
        else
        {
            Assert.Equal("CPU", auto.Provider);
            Assert.NotNull(auto.FallbackNotice);
            Assert.Contains("running on CPU", auto.FallbackNotice);
        }
        Assert.Equal(3, auto.Run(new float[3 * 32 * 32], 1).Length);
    }

    [Fact]
    public void CpuRequestNeverTriesCuda()
    {
        using var model = OnnxModel.Open(ColourModel.Write(_folder.Path), ExecutionDevice.Cpu);
        Assert.Equal("CPU", model.Provider);
        Assert.Null(model.FallbackNotice);
    }

    [Fact]
    public void ModelWithoutToolkitMetadataIsRefusedWithItsName()
    {
        string path = _folder.File("bare.onnx");
        var bare = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(ColourModel.Write(_folder.Path)));
        bare.MetadataProps.Clear();
        File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(bare));

        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Open(path, ExecutionDevice.Cpu));
        Assert.Contains(path, error.Message);
        Assert.Contains(ModelFormat.Keys.Task, error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
