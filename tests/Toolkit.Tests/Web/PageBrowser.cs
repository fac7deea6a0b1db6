using Microsoft.Playwright;
using Toolkit.Serving;
using Toolkit.Serving.Inference;
using Toolkit.Tests.Serving;
using Xunit;

namespace Toolkit.Tests.Web;

/// <summary>
/// A server over models/ and the system Chromium driven by Playwright, shared by the browser tests. Playwright's own
/// browser download is never used: the tests launch /usr/bin/chromium and are skipped where it is missing.
/// </summary>
public sealed class PageBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private RunningServer? _server;

    public string Address => _server!.Server.Address;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _server = await RunningServer.StartAsync(RunningServer.ModelsFolder, new ServerOptions(Batching: new BatchingOptions(MaxBatch: 32)));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>A fresh page at <c>/</c> with the given window width, and the console errors it reports.</summary>
    public async Task<OpenedPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(Address + "/");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { State = WaitForSelectorState.Attached });
        return new OpenedPage(context, page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A page in its own browser context, with every console error and uncaught exception it reported.</summary>
public sealed record OpenedPage(IBrowserContext Context, IPage Page, List<string> ConsoleErrors) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
