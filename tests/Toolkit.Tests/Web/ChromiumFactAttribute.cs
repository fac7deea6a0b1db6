using Xunit;

namespace Toolkit.Tests.Web;

/// <summary>A browser test: skipped, with the reason, where Debian's Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(PageBrowser.ChromiumPath))
            Skip = $"{PageBrowser.ChromiumPath} not found; install Debian's Chromium (apt-get install chromium) to run the browser tests";
    }
}
