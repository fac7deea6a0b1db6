using Xunit;

namespace Toolkit.Tests;

/// <summary>
/// Tests that compare two libtorch runs bit for bit. libtorch's thread count is process-wide and other tests change
/// it while they run, which changes the order of floating-point sums; this collection runs after the parallel ones,
/// alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTorchCollection
{
    public const string Name = "libtorch, alone";
}
