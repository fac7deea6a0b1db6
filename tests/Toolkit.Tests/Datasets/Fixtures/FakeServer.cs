using System.Net;

namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>An HTTP handler that answers from memory: given bytes or a given error status per address.</summary>
public sealed class FakeServer : HttpMessageHandler
{
    private readonly Dictionary<Uri, Func<HttpResponseMessage>> _routes = [];

    /// <summary>Serves <paramref name="content"/>, calling <paramref name="onRead"/> on each read of the body.</summary>
    public FakeServer Serve(Uri url, byte[] content, Action? onRead = null, long? claimedLength = null)
    {
        _routes[url] = () =>
        {
            var body = new StreamContent(new ObservedStream(content, onRead ?? (() => { })), bufferSize: 4096);
            body.Headers.ContentLength = claimedLength ?? content.Length;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
        };
        return this;
    }

    public FakeServer Fail(Uri url, HttpStatusCode status)
    {
        _routes[url] = () => new HttpResponseMessage(status);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(_routes.TryGetValue(request.RequestUri!, out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound));

    private sealed class ObservedStream(byte[] content, Action onRead) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            onRead();
            return base.Read(buffer, offset, Math.Min(count, 4096));
        }

        public override int Read(Span<byte> buffer)
        {
            onRead();
            return base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            onRead();
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
        }
    }
}
