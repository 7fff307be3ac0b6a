using BenchmarkDotNet.Loggers;

namespace AIRisk.Bench.Support;

/// <summary>
/// Keeps BenchmarkDotNet's progress off the console, where only figures go; its full log is still written to the
/// artifacts folder.
/// </summary>
public sealed class QuietLogger : ILogger
{
    public static readonly QuietLogger Instance = new();

    public string Id => nameof(QuietLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text)
    {
    }

    public void WriteLine()
    {
    }

    public void WriteLine(LogKind logKind, string text)
    {
    }

    public void Flush()
    {
    }
}
