namespace Toolkit.Training;

/// <summary>What a trainer reports while it runs; the command line turns it into a progress bar.</summary>
public interface ITrainingProgress
{
    void Started(int firstEpoch, int epochs, int batchesPerEpoch);
    void BatchDone(int epoch, int batch, double loss);
    void EpochDone(EpochMetrics metrics);
}

public sealed class SilentProgress : ITrainingProgress
{
    public static readonly SilentProgress Instance = new();
    public void Started(int firstEpoch, int epochs, int batchesPerEpoch) { }
    public void BatchDone(int epoch, int batch, double loss) { }
    public void EpochDone(EpochMetrics metrics) { }
}
