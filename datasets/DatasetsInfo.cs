namespace Toolkit.Datasets; public static class DatasetsInfo { public const string Name = "datasets"; }
