using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AIRisk.TestSupport;

/// <summary>
/// The real AIRisk.Web app in its own process (Kestrel on a free loopback port), as an operator starts it. Runs from
/// a scratch working directory so no developer's <c>.env</c> leaks in; only the variables a test sets apply.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workingDirectory;

    private WebAppProcess(Process process, string workingDirectory, Uri baseAddress)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the app printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// A loopback address on a port free right now, for callers that must know the app's address before it starts
    /// (a redirect URI registered with the sandbox).
    /// </summary>
    public static Uri FreeBaseAddress() => new($"http://127.0.0.1:{ReservePort()}/");

    /// <summary>Starts the app without waiting for it to answer (for start-up failures).</summary>
    /// <param name="port">The loopback port to use (see <see cref="ReservePort"/>); a free one when null.</param>
    /// <param name="urls">What to pass as <c>--urls</c> instead of <see cref="BaseAddress"/>.</param>
    public static WebAppProcess Launch(IReadOnlyDictionary<string, string?> environment, int? port = null, string? urls = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? ReservePort()}/");
        var workingDirectory = Directory.CreateTempSubdirectory("airisk-web-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssemblyPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls ?? baseAddress.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(WebAssemblyPath())!);

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AIRISK_", StringComparison.Ordinal) || k.StartsWith("DATA_PROTECTION_", StringComparison.Ordinal) || k is "CLIENT_ID" or "CLIENT_SECRET" or "REDIRECT_URI" or "USER_ID" or "POSTGRES_CONNECTION" or "REDIS_CONNECTION" or "FORWARDED_PROXIES").ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The apps of a test run share one data folder, so one trail: its local operator acts as hundreds of users in
        // minutes, which the fan-out rule would refuse from the 21st on. Alerts are still raised; a test of the
        // refusal sets the key itself.
        start.Environment[AIRisk.Web.Alerts.Detection.DetectionOptions.FanOutRefuseKey] = "false";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        return new WebAppProcess(Process.Start(start)!, workingDirectory, baseAddress);
    }

    /// <summary>Starts the app and waits until it answers <c>/healthz</c> (anonymous, with or without staff sign-in).</summary>
    public static async Task<WebAppProcess> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null, int? port = null, string? urls = null, CancellationToken ct = default)
    {
        var app = Launch(environment ?? new Dictionary<string, string?>(), port, urls);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (app._process.HasExited)
                throw new InvalidOperationException($"AIRisk.Web exited with {app._process.ExitCode}:\n{app.Output}");
            try
            {
                using var response = await http.GetAsync("/healthz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(200, ct);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"AIRisk.Web did not answer within 60 s:\n{app.Output}");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind in /tmp is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>A free loopback port, for when something must know the app's address before it starts.</summary>
    public static int ReservePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>AIRisk.Web.dll in its own build output, where its static web assets manifest lives.</summary>
    public static string WebAssemblyPath()
    {
        var testBin = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var root = new DirectoryInfo(testBin);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AIRisk.Console.sln")))
            root = root.Parent;
        var path = Path.Combine(root!.FullName, "AIRisk.Web", "bin", configuration, "net10.0", "AIRisk.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build AIRisk.Web first (dotnet test builds it).", path);
    }
}
