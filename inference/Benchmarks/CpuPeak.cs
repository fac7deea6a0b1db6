using System.Globalization;

namespace Toolkit.Inference.Benchmarks;

/// <summary>
/// This machine's fp32 peak: cores × GHz × fp32 lanes per FMA (16 with AVX-512, 8 with AVX2 and FMA, else 4)
/// × 2 FMA units × 2 operations per multiply-add. The frequency is the highest of cpufreq's maximum and the
/// /proc/cpuinfo "cpu MHz" lines (a virtual machine often reports only the latter).
/// </summary>
public sealed record CpuPeak(int Cores, double Gigahertz, int Fp32Lanes, double Gflops, string Source)
{
    public const int FmaUnits = 2;

    public static CpuPeak Given(double gflops) => new(0, 0, 0, gflops, "given");

    /// <summary>The rate every logical processor reaches together on <see cref="FmaPeak"/>'s loop of fused multiply-adds.</summary>
    public static CpuPeak Measured(double seconds = 1)
    {
        int cores = Environment.ProcessorCount;
        return new(cores, 0, FmaPeak.Lanes, FmaPeak.MeasureGflops(cores, seconds), "measured");
    }

    /// <summary>Reads /proc/cpuinfo (and cpufreq where the kernel has it); null where neither says enough.</summary>
    public static CpuPeak? OfThisMachine()
    {
        if (!File.Exists("/proc/cpuinfo")) return null;
        double? maxMegahertz = null;
        const string cpufreq = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
        if (File.Exists(cpufreq) && double.TryParse(File.ReadAllText(cpufreq).Trim(), CultureInfo.InvariantCulture, out double kilohertz))
            maxMegahertz = kilohertz / 1000;
        return Parse(File.ReadAllText("/proc/cpuinfo"), maxMegahertz);
    }

    /// <summary>The peak described by a /proc/cpuinfo text (one block per logical processor).</summary>
    public static CpuPeak? Parse(string cpuinfo, double? maxMegahertz = null)
    {
        int cores = 0;
        double megahertz = maxMegahertz ?? 0;
        var flags = new HashSet<string>();
        foreach (string line in cpuinfo.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            string key = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
            if (key == "processor") cores++;
            else if (key == "cpu MHz" && double.TryParse(value, CultureInfo.InvariantCulture, out double mhz)) megahertz = Math.Max(megahertz, mhz);
            else if (key == "flags") flags.UnionWith(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        if (cores == 0 || megahertz <= 0) return null;
        int lanes = flags.Contains("avx512f") ? 16 : flags.Contains("avx2") && flags.Contains("fma") ? 8 : 4;
        double gigahertz = megahertz / 1000;
        return new CpuPeak(cores, gigahertz, lanes, cores * gigahertz * lanes * FmaUnits * 2, "/proc/cpuinfo");
    }
}
