using System.Globalization;
using Microsoft.Playwright;
using Toolkit.Tests.Serving;
using Xunit;

namespace Toolkit.Tests.Web;

/// <summary>The page at <c>/</c> in Chromium: what it shows equals what the command line answers for the same input.</summary>
public sealed class WebPageTests(PageBrowser browser) : IClassFixture<PageBrowser>, IDisposable
{
    private readonly TempFolder _folder = new();

    [ChromiumFact]
    public async Task UploadedSampleShowsTheTopClassOfPredict()
    {
        string image = CliReference.Sample("cifar10-test-00001-ship.png");
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;

        await page.SetInputFilesAsync("#image-file", image);
        var topClass = page.Locator("#top-class");
        await Assertions.Expect(topClass).Not.ToBeEmptyAsync();

        Assert.Equal(CliReference.TopClass("cifar10-lenet", image), await topClass.TextContentAsync());
        Assert.Equal(5, await page.Locator("#top-k li").CountAsync());
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task EpsSliderAtFiveHundredthsFlipsTheClassAsAttackImageDoes()
    {
        string sample = "cifar10-test-00000-cat.png";
        var expected = CliReference.Attack("cifar10-lenet", CliReference.Sample(sample), "fgsm", 0.05f, 10, null, _folder.Path);
        Assert.NotEqual(expected.Before, expected.After);
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;

        await page.SelectOptionAsync("#classifier", "cifar10-lenet");
        await page.SelectOptionAsync("#sample", sample);
        await Assertions.Expect(page.Locator("#attack-status")).ToContainTextAsync("eps 0.000");
        Assert.Equal(expected.Before, await page.Locator("#after-class").TextContentAsync());

        // The slider is moved with the keyboard: ten steps of 0.005.
        await page.Locator("#eps").FocusAsync();
        for (int i = 0; i < 10; i++) await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#eps-value")).ToHaveTextAsync("0.050");
        await Assertions.Expect(page.Locator("#attack-status")).ToContainTextAsync("eps 0.050");

        Assert.Equal(expected.Before, await page.Locator("#before-class").TextContentAsync());
        Assert.Equal(expected.After, await page.Locator("#after-class").TextContentAsync());
        Assert.Contains("(changed)", await page.Locator("#attack-status").TextContentAsync());
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task TargetedModeAimsAtThePickedClass()
    {
        string sample = "cifar10-test-00001-ship.png";
        var expected = CliReference.Attack("cifar10-lenet", CliReference.Sample(sample), "pgd", 0.05f, 10, "frog", _folder.Path);
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;

        await page.SelectOptionAsync("#sample", sample);
        await Assertions.Expect(page.Locator("#attack-status")).ToContainTextAsync("eps 0.000");
        await page.SelectOptionAsync("#method", "pgd");
        await page.CheckAsync("#targeted");
        await page.SelectOptionAsync("#target-class", "frog");
        await page.Locator("#eps").FillAsync("0.05");
        await Assertions.Expect(page.Locator("#attack-status")).ToContainTextAsync("eps 0.050, target frog");

        Assert.Equal(expected.After, await page.Locator("#after-class").TextContentAsync());
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task ReconstructionViewShowsTheMseOfPredict()
    {
        string sample = "mnist/digit-7-test0.png";
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;

        await page.Locator(".tab[data-view='reconstruct']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.SelectOptionAsync("#digit-sample", sample);
        var figures = page.Locator("#reconstructions figure");
        await Assertions.Expect(figures).ToHaveCountAsync(9);

        foreach (string model in new[] { "mnist-pca-k32", "mnist-ae-relu-h128" })
        {
            double expected = CliReference.ReconstructionMse(model, CliReference.Sample(sample), _folder.Path);
            var figure = page.Locator($"#reconstructions figure[data-model='{model}']");
            double shown = double.Parse((await figure.GetAttributeAsync("data-mse"))!, CultureInfo.InvariantCulture);
            Assert.Equal(expected, shown, 1e-12);
            Assert.Equal(expected.ToString("F5", CultureInfo.InvariantCulture), await figure.Locator(".mse").TextContentAsync());
        }
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task DrawingADigitShowsAReconstructionPerModel()
    {
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;
        await page.ClickAsync(".tab[data-view='reconstruct']");
        var box = (await page.Locator("#digit").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height * 0.2f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height * 0.8f, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.Locator("#reconstructions figure")).ToHaveCountAsync(9);
        var mse = await page.Locator("#reconstructions figure").EvaluateAllAsync<double[]>("figures => figures.map(f => Number(f.dataset.mse))");
        Assert.All(mse, value => Assert.InRange(value, 0, 0.2));
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task TopicViewShowsTheMixOfTopicsInfer()
    {
        string document = Path.Combine(RunningServer.RepositoryRoot(), "docs", "examples", "topics-doc.txt");
        var expected = CliReference.Topics("topics-vae", document, 5);
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;

        await page.ClickAsync(".tab[data-view='topics']");
        await page.FillAsync("#topic-text", await File.ReadAllTextAsync(document));
        await page.Locator("#infer-topics").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var bars = page.Locator("#topic-mix li");
        await Assertions.Expect(bars).ToHaveCountAsync(5);

        var shown = await bars.EvaluateAllAsync<double[][]>("items => items.map(i => [Number(i.dataset.topic), Number(i.dataset.proportion)])");
        Assert.Equal(expected.Select(t => t.Topic), shown.Select(s => (int)s[0]));
        Assert.Equal(expected.Select(t => t.Proportion), shown.Select(s => s[1]));
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task BadFileGivesAVisibleError()
    {
        await using var opened = await browser.OpenAsync();
        var page = opened.Page;
        await page.SetInputFilesAsync("#image-file", new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });

        var error = page.Locator("#classify-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("notes.png");
        Assert.False(await page.Locator("#prediction").IsVisibleAsync());
        Assert.Empty(opened.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task PhoneAndDesktopLayoutsFitTheWindow()
    {
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            await using var opened = await browser.OpenAsync(width, height);
            var page = opened.Page;
            await page.SelectOptionAsync("#sample", "cifar10-test-00000-cat.png");
            await page.Locator("#eps").FillAsync("0.05");
            await Assertions.Expect(page.Locator("#attack-status")).ToContainTextAsync("eps 0.050");

            int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name}: the page is {overflow} px wider than the {width} px window");
            await Screenshot(page, $"web-{name}");

            await page.ClickAsync(".tab[data-view='reconstruct']");
            await page.SelectOptionAsync("#digit-sample", "mnist/digit-3-test18.png");
            await Assertions.Expect(page.Locator("#reconstructions figure")).ToHaveCountAsync(9);
            overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name}, reconstruction view: the page is {overflow} px wider than the {width} px window");
            await Screenshot(page, $"web-{name}-reconstruct");
            Assert.Empty(opened.ConsoleErrors);
        }
    }

    /// <summary>A full-page screenshot; copied to $TOOLKIT_SCREENSHOTS (relative to the repository root) where set.</summary>
    private async Task Screenshot(IPage page, string name)
    {
        string shot = _folder.File(name + ".png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000, $"{name}: screenshot is nearly empty");
        if (Environment.GetEnvironmentVariable("TOOLKIT_SCREENSHOTS") is { Length: > 0 } folder)
            File.Copy(shot, Path.Combine(RunningServer.RepositoryRoot(), folder, name + ".png"), overwrite: true);
    }

    public void Dispose() => _folder.Dispose();
}
