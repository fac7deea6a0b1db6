using System.Runtime.InteropServices;

namespace Toolkit.Training;

/// <summary>
/// Process-wide settings of the native code under TorchSharp: fixed glibc malloc thresholds (at start), and oneDNN
/// off on AMD CPUs (before the first training or evaluation on a device).
/// </summary>
public static class NativeRuntime
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD in malloc.h
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int MmapBytes = 512 << 20;
    private const int TrimBytes = 1 << 30;

    /// <summary>Set to <c>on</c> to keep oneDNN on an AMD CPU (faster convolution training, wrong gradients there).</summary>
    public const string OneDnnVariable = "TOOLKIT_ONEDNN";

    private static readonly Lazy<bool> OneDnnOff = new(() =>
        OperatingSystem.IsLinux() && IsAmd() && Environment.GetEnvironmentVariable(OneDnnVariable) != "on" && TurnOneDnnOff());

    /// <summary>
    /// glibc raises its mmap threshold after the first large block is freed, after which batch-sized tensors come
    /// from the heap; with the order in which libtorch frees them the heap then kept growing (measured: 8 GB in 20 s
    /// of autoencoder mini-batches). Fixed thresholds stop the raising. They sit high because every block above the
    /// mmap threshold, and every page trimmed off the top of the heap, is faulted in and zeroed again by the kernel
    /// on its next use: 20 batches of the fast CIFAR-10 network took 27.8 s with a 128 MiB mmap threshold and
    /// glibc's 128 KiB trim threshold (3.1 million page faults), 11.7 s at 512 MiB and 1 GiB (0.38 million), with
    /// the same peak RSS of 1.6 GB.
    /// </summary>
    public static void FixMallocThresholds()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = mallopt(MmapThreshold, MmapBytes);
            _ = mallopt(TrimThreshold, TrimBytes);
        }
        catch (DllNotFoundException) { } // not glibc (e.g. musl): nothing to tune
        catch (EntryPointNotFoundException) { }
    }

    /// <summary>
    /// On AMD EPYC, libtorch 2.10's oneDNN convolutions give wrong input gradients (relative errors of 0.3 and NaN,
    /// changing from run to run, against float64; measured for narrow convolutions, and NaN losses from the first
    /// batch when training the fast CIFAR-10 network). With oneDNN off libtorch uses its own kernels, which agree
    /// to 1e-7. TorchSharp exposes no switch, so this calls at::globalContext().setUserEnabledMkldnn(false).
    /// </summary>
    public static bool TurnOneDnnOffOnAmd() => OneDnnOff.Value;

    private static bool TurnOneDnnOff()
    {
        try
        {
            var context = globalContext();
            setUserEnabledMkldnn(context, false);
            setUserEnabledNNPACK(context, false); // it cannot start on this CPU and says so on every convolution
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // another libtorch build: nothing to switch
        }
    }

    private static bool IsAmd()
    {
        try { return File.ReadLines("/proc/cpuinfo").Any(line => line.StartsWith("vendor_id", StringComparison.Ordinal) && line.Contains("AuthenticAMD")); }
        catch (IOException) { return false; }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr globalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void setUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void setUserEnabledNNPACK(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
