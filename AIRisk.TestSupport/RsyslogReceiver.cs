using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace AIRisk.TestSupport;

/// <summary>
/// Debian's rsyslogd as the SIEM's receiver: an instance of its own (its own configuration, work directory and pid
/// file in a temporary folder; imtcp on a free loopback port), run in the foreground as whoever runs the tests (root in
/// CI, a normal user on a workstation: nothing it does needs privileges). Each message it parsed as RFC 5424 is written
/// as one line of the fields rsyslog itself read from it, so a header it could not parse shows as wrong fields, and a
/// frame it could not count shows as a message that does not start where it should. Stop and start it again to play
/// a receiver that goes away.
/// </summary>
public sealed class RsyslogReceiver : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/rsyslogd";

    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-rsyslog-").FullName;
    private Process? _process;

    public RsyslogReceiver()
    {
        Port = WebAppProcess.FreeBaseAddress().Port;
        // maxMessageSize: the default (8 KiB) would cut a record with a long reason; the app's records stay far below.
        File.WriteAllText(ConfigPath, $$"""
            global(workDirectory="{{_directory}}" maxMessageSize="64k")
            module(load="imtcp")
            template(name="fields" type="string" string="%timereported:::date-rfc3339%\t%hostname%\t%app-name%\t%procid%\t%msgid%\t%structured-data%\t%msg%\n")
            input(type="imtcp" address="127.0.0.1" port="{{Port.ToString(CultureInfo.InvariantCulture)}}" ruleset="siem")
            ruleset(name="siem") {
              action(type="omfile" file="{{ReceivedPath}}" template="fields" flushOnTXEnd="on" asyncWriting="off")
            }
            """);
    }

    /// <summary>Why rsyslog cannot run here, or null.</summary>
    public static string? SkipReason => File.Exists(Executable)
        ? null
        : $"No rsyslogd at {Executable}: apt-get install -y rsyslog (.ci/run does) to run the tests against a real syslog receiver.";

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    private string ConfigPath => Path.Combine(_directory, "rsyslog.conf");

    private string ReceivedPath => Path.Combine(_directory, "received.log");

    /// <summary>Starts rsyslogd and waits until its port takes connections.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", "-f", ConfigPath, "-i", Path.Combine(_directory, "rsyslogd.pid") })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"rsyslogd exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(ct)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port, ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    /// <summary>Stops rsyslogd as an operator does (SIGTERM: it writes what it has, then exits) and waits for it.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (_process is null || _process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(ct);
        await _process.WaitForExitAsync(ct);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, as rsyslog parsed it.</summary>
    public IReadOnlyList<ReceivedSyslogMessage> Received() => File.Exists(ReceivedPath)
        ? [.. ReadShared(ReceivedPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ReceivedSyslogMessage.Parse)]
        : [];

    /// <summary>Waits until <paramref name="done"/> holds for what was received, and returns it.</summary>
    public async Task<IReadOnlyList<ReceivedSyslogMessage>> WaitForAsync(Func<IReadOnlyList<ReceivedSyslogMessage>, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var received = Received();
            if (done(received))
                return received;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"rsyslog had received {received.Count} messages after {timeout}; the last: {(received.Count > 0 ? received[^1] : null)}");
            await Task.Delay(100, ct);
        }
    }

    private static string ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        Directory.Delete(_directory, recursive: true);
    }
}
