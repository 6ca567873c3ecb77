using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CostCalc.LoadProbe;

/// <summary>
/// WebSocket frames one way, as Chromium's DevTools reports them (payloads after decompression), with an
/// estimate of their size under permessage-deflate: one deflate stream with context takeover, flushed
/// per message, which is what the extension does by default.
/// </summary>
internal sealed class WebSocketTally : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CountingStream _wire = new();
    private readonly DeflateStream _deflate;

    public WebSocketTally() => _deflate = new DeflateStream(_wire, CompressionLevel.Optimal, leaveOpen: true);

    public long Frames { get; private set; }

    public long PayloadBytes { get; private set; }

    public long DeflatedBytes
    {
        get
        {
            lock (_gate)
            {
                return _wire.Count;
            }
        }
    }

    public void Dispose()
    {
        _deflate.Dispose();
        _wire.Dispose();
    }

    public void Add(JsonElement frameEvent)
    {
        var response = frameEvent.GetProperty("response");
        var payload = response.GetProperty("payloadData").GetString() ?? "";
        // Binary frames (opcode 2: Blazor's render batches) arrive base64-encoded, text frames as text.
        var bytes = response.GetProperty("opcode").GetDouble() == 2 ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload);
        lock (_gate)
        {
            Frames++;
            PayloadBytes += bytes.Length;
            _deflate.Write(bytes);
            _deflate.Flush();
        }
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
    }
}
