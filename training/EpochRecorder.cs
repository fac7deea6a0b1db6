namespace Toolkit.Training;

/// <summary>
/// Passes a trainer's progress on and hands every finished epoch, with those before, to <paramref name="record"/>
/// (which rewrites run.json), so an interrupted run still says where it was.
/// </summary>
public sealed class EpochRecorder(ITrainingProgress inner, IReadOnlyList<EpochMetrics> before, Action<IReadOnlyList<EpochMetrics>> record)
    : ITrainingProgress
{
    private readonly List<EpochMetrics> done = [.. before];

    public void Started(int firstEpoch, int epochs, int batchesPerEpoch) => inner.Started(firstEpoch, epochs, batchesPerEpoch);
    public void BatchDone(int epoch, int batch, double loss) => inner.BatchDone(epoch, batch, loss);

    public void EpochDone(EpochMetrics metrics)
    {
        done.Add(metrics);
        record(done);
        inner.EpochDone(metrics);
    }
}
