using Toolkit.Pipelines.Outputs;

namespace Toolkit.Cli.Commands;

/// <summary>The one way commands print JSON: the reports' JSON form (camelCase, indented, enums as strings).</summary>
public static class Json
{
    public static System.Text.Json.JsonSerializerOptions Options => ReportJson.Options;

    public static void Print<T>(T value) => Console.Out.WriteLine(ReportJson.Serialize(value));
}
