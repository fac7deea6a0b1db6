using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary><c>toolkit serve</c> as a user runs it: option checks, IPv6 hosts, and draining on SIGTERM.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "99999")]
    [InlineData("--port", "0")]
    [InlineData("--grpc-port", "70000")]
    public void PortsOutOfRangeAreRefusedInOneLine(string option, string value)
    {
        var result = ToolkitProcess.Run("serve", RunningServer.ModelsFolder, option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{option} must be 1-65535, got {value}", result.StandardOutput + result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public void UnresolvableHostIsOneLine()
    {
        var result = ToolkitProcess.Run("serve", RunningServer.ModelsFolder, "--host", "no-such-host.invalid", "--port", FreePort().ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--host 'no-such-host.invalid'", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public void ExportTritonWritesTheRepositoryAndRefusesToReplaceIt()
    {
        using var folder = new TempFolder();
        string repo = folder.File("repo");
        var first = ToolkitProcess.Run("export-triton", RunningServer.ModelsFolder, "--out", repo, "--instance-kind", "KIND_GPU");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("kind: KIND_GPU", File.ReadAllText(Path.Combine(repo, "cifar10-conv.grad", "config.pbtxt")));
        Assert.True(File.Exists(Path.Combine(repo, "mnist-ae-relu-h32", "1", "model.onnx")));

        var again = ToolkitProcess.Run("export-triton", RunningServer.ModelsFolder, "--out", repo);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", again.StandardError);
        Assert.DoesNotContain("   at ", again.StandardError);
        Assert.Equal(0, ToolkitProcess.Run("export-triton", RunningServer.ModelsFolder, "--out", repo, "--force").ExitCode);
        Assert.Contains("kind: KIND_AUTO", File.ReadAllText(Path.Combine(repo, "cifar10-conv.grad", "config.pbtxt")));
    }

    [Fact]
    public async Task ServesOnIpv6LoopbackAndDrainsOnSigterm()
    {
        // Containers without IPv6 still check the drain, on IPv4.
        var (host, url) = Ipv6LoopbackWorks() ? ("::1", "[::1]") : ("127.0.0.1", "127.0.0.1");
        int port = FreePort(), grpcPort = FreePort();
        using var server = Start(RunningServer.ModelsFolder, "--host", host, "--port", port.ToString(), "--grpc-port", grpcPort.ToString());
        string banner = await ReadUntilAsync(server, "POST");
        Assert.Contains($"http://{url}:{port}", banner);

        using var http = new HttpClient { BaseAddress = new Uri($"http://{url}:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var pixels = Pixels(8, 3 * 32 * 32, seed: 41);
        var header = new { inputs = new[] { new { name = "input", shape = new[] { 8, 3, 32, 32 }, datatype = "FP32", parameters = new { binary_data_size = pixels.Length * 4 } } } };
        byte[] body = Bytes(pixels);

        var signalled = new TaskCompletionSource<DateTime>();
        var statuses = new List<HttpStatusCode>();
        var failures = new List<DateTime>();
        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!signalled.Task.IsCompleted || (DateTime.UtcNow - signalled.Task.Result).TotalSeconds < 2)
            {
                try
                {
                    using var response = await http.PostAsync("/v2/models/cifar10-conv/infer", Binary(header, body));
                    lock (statuses) statuses.Add(response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    lock (failures) failures.Add(DateTime.UtcNow);
                    await Task.Delay(20);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        Process.Start("kill", ["-TERM", server.Id.ToString()])!.WaitForExit();
        signalled.SetResult(DateTime.UtcNow);
        await Task.WhenAll(clients);
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)), "the server did not stop after SIGTERM");

        Assert.Equal(0, server.ExitCode);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(failures, f => Assert.True(f >= signalled.Task.Result, "a request failed before shutdown began"));
        Assert.Contains("stopped", await server.StandardOutput.ReadToEndAsync());
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "toolkit.dll"));
        start.ArgumentList.Add("serve");
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        return Process.Start(start)!;
    }

    private static async Task<string> ReadUntilAsync(Process process, string marker)
    {
        var text = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is string line)
        {
            text.AppendLine(line);
            if (line.Contains(marker)) return text.ToString();
        }
        throw new InvalidOperationException($"serve ended before printing '{marker}': {text}{await process.StandardError.ReadToEndAsync()}");
    }

    private static bool Ipv6LoopbackWorks()
    {
        try
        {
            using var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
