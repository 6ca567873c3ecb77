using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CostCalc.Web.Tests.Processes;

/// <summary>
/// The built app as a separate OS process on a free loopback port (`dotnet CostCalc.Web.dll --urls …`),
/// configured through environment variables, so a test can run two of them or kill one with SIGKILL.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The app built beside this test assembly's configuration: src/CostCalc.Web/bin/&lt;config&gt;/net10.0/linux-x64.</summary>
    public static string WebDll()
    {
        var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var configuration = segments[Array.LastIndexOf(segments, "bin") + 1];
        var dll = Path.Combine(RepositoryRoot(), "src", "CostCalc.Web", "bin", configuration, "net10.0", "linux-x64", "CostCalc.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    /// <summary>The folder holding CostCalc.sln, above this test assembly.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CostCalc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CostCalc.sln not found above the tests");
    }

    /// <summary>
    /// Starts the app and waits until /healthz answers. <paramref name="port"/> reuses an address (a restart);
    /// <paramref name="repositoryContentRoot"/> serves the repository's wwwroot and appsettings.json, as `dotnet run` does
    /// (the build output carries neither wwwroot nor app.js; pages a browser runs need them).
    /// </summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null, bool repositoryContentRoot = false)
    {
        var dll = WebDll();
        var listenOn = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listenOn}"));
        if (repositoryContentRoot)
        {
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(RepositoryRoot());
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), listenOn);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>
    /// Starts the app and waits for it to exit on its own (a start-up failure), at most 60 s; returns its exit
    /// code, standard output and standard error. As root the process runs without CAP_DAC_OVERRIDE and
    /// CAP_DAC_READ_SEARCH (setpriv), so file permissions bind it as they bind any other user.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var dll = WebDll();
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "setpriv" : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within 60 s: {await stdout} {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the app runs its shutdown and exits; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not on disk is lost.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        KillHard();
        Client.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app was not ready within 60 s: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
