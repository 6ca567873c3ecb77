using System.Diagnostics;

namespace CostCalc.LoadProbe;

/// <summary>A server process this program started, its address read from its output; killed on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly bool _stopsWhenStdinCloses;

    private ChildProcess(Process process, Uri address, bool stopsWhenStdinCloses)
    {
        _process = process;
        Address = address;
        _stopsWhenStdinCloses = stopsWhenStdinCloses;
    }

    public Uri Address { get; }

    /// <summary>
    /// Starts <paramref name="start"/> and waits for a stdout line that <paramref name="addressOf"/> turns into the address;
    /// the lines after it go to <paramref name="output"/>, if given.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(ProcessStartInfo start, Func<string, Uri?> addressOf, TimeSpan timeout, bool stopsWhenStdinCloses, Action<string>? output = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (addressOf(line) is { } address)
                {
                    // Keep draining the output so the child never blocks on a full pipe.
                    _ = Task.Run(async () =>
                    {
                        while (await process.StandardOutput.ReadLineAsync() is { } more)
                        {
                            output?.Invoke(more);
                        }
                    });
                    return new ChildProcess(process, address, stopsWhenStdinCloses);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException($"{start.FileName} {start.Arguments} did not report its address within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_stopsWhenStdinCloses)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
