using Toolkit.Datasets;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training;

/// <summary>
/// One file with everything a run needs to continue: epochs done with their metrics, the weights and
/// the optimizer state. Written atomically after every epoch.
/// </summary>
public static class Checkpoint
{
    public const string FileName = "checkpoint.bin";
    private const string Magic = "toolkit-checkpoint-1";

    public static void Save(string path, nn.Module model, OptimizerHelper optimizer, IReadOnlyList<EpochMetrics> history)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(RunJson.Serialize(history));
            model.save(writer);
            optimizer.save_state_dict(writer);
        });
    }

    /// <summary>Loads weights (and optimizer state, when one is given) and returns the epochs already done.</summary>
    public static IReadOnlyList<EpochMetrics> Load(string path, nn.Module model, OptimizerHelper? optimizer = null)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            string magic = reader.ReadString();
            if (magic != Magic) throw new InvalidDataException($"{path} is not a toolkit checkpoint (header '{magic}')");
            var history = RunJson.Deserialize<List<EpochMetrics>>(reader.ReadString());
            model.load(reader);
            optimizer?.load_state_dict(reader);
            return history;
        }
        catch (Exception e) when (e is EndOfStreamException or System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            throw new InvalidDataException(
                $"{path}: truncated or damaged checkpoint at byte {reader.BaseStream.Position} of {reader.BaseStream.Length} ({e.Message})", e);
        }
    }
}
