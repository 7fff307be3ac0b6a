using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AIRisk.Core.Configuration;

namespace AIRisk.Bench.Support;

/// <summary>
/// The real AIRisk.Web in its own process, from its own build output (the bench's ProjectReference builds it), on a
/// free loopback port, pointed at a sandbox this process hosts. Development environment so static web assets resolve.
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

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<WebAppProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken ct)
    {
        var dll = WebAssemblyPath();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        // A scratch working directory, so no developer's .env is picked up.
        var workingDirectory = Directory.CreateTempSubdirectory("airisk-bench-web-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(dll)!);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AIRISK_", StringComparison.Ordinal) || k is AIRiskKeys.ClientId or AIRiskKeys.ClientSecret or AIRiskKeys.RedirectUri or AIRiskKeys.UserId).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var app = new WebAppProcess(Process.Start(start)!, workingDirectory, baseAddress);
        try
        {
            await app.WaitUntilServingAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
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
            // A scratch folder left in /tmp is harmless.
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"AIRisk.Web exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
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

        throw new TimeoutException($"AIRisk.Web did not answer within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>AIRisk.Web.dll in its own output folder (same configuration as the bench), where its static web assets manifest is.</summary>
    private static string WebAssemblyPath()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AIRisk.Console.sln")))
            root = root.Parent;
        if (root is null)
            throw new DirectoryNotFoundException($"No AIRisk.Console.sln above {AppContext.BaseDirectory}.");
        var path = Path.Combine(root.FullName, "AIRisk.Web", "bin", configuration, "net10.0", "AIRisk.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("AIRisk.Web is not built (building the bench builds it).", path);
    }
}
