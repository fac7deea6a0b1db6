using System.Runtime.InteropServices;

namespace Toolkit.Training;

/// <summary>
/// glibc raises its mmap threshold after the first large block is freed, after which batch-sized tensors come from
/// the heap; with the order in which libtorch frees them the heap then keeps growing (measured: 8 GB in 20 s of
/// autoencoder mini-batches). A fixed threshold sends every block of 1 MiB or more back to mmap, so freed tensors
/// return to the system at once.
/// </summary>
public static class NativeHeap
{
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD in malloc.h
    private const int ThresholdBytes = 1 << 20;

    public static void UseFixedMmapThreshold()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = mallopt(MmapThreshold, ThresholdBytes); }
        catch (DllNotFoundException) { } // not glibc (e.g. musl): nothing to tune
        catch (EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
