namespace Toolkit.Export.Gradients;

/// <summary>
/// A forward graph whose input gradient cannot be derived, e.g. an op with no derivation. The forward model
/// itself is unaffected; only its gradient graph is not written.
/// </summary>
public sealed class GradientExportException(string message) : InvalidOperationException(message);
