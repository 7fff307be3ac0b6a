using System.Globalization;

namespace AIRisk.Bench;

/// <summary>
/// The command line: <c>--quick</c> (smaller samples, under 3 minutes), <c>--latency-ms N</c> (the round trip added
/// by the sandbox, default 50) and <c>--only a,b</c> (run some figure groups: micro, switch, rapid, concurrent, memory, paint, audit_verify, audit_write).
/// </summary>
public sealed record BenchSettings(bool Quick, int LatencyMs, IReadOnlySet<string> Only)
{
    /// <summary><c>--cluster</c>: run the cluster figures (deploy/cluster.sh: two nodes, HAProxy, PostgreSQL, Redis) instead.</summary>
    public bool Cluster { get; init; }

    /// <summary><c>--soak</c>: run the soak test instead of the figures.</summary>
    public bool Soak { get; init; }

    public double SoakMinutes { get; init; } = 10;

    public int SoakCircuits { get; init; } = 50;

    public static readonly string[] Groups = ["micro", "switch", "rapid", "concurrent", "memory", "paint", "audit_verify", "audit_write", "alert"];

    public TimeSpan Latency => TimeSpan.FromMilliseconds(LatencyMs);

    public string Mode => Quick ? "quick" : "full";

    public bool Runs(string group) => Only.Count == 0 || Only.Contains(group);

    /// <summary>The value for the current mode.</summary>
    public T Pick<T>(T quick, T full) => Quick ? quick : full;

    public static BenchSettings Parse(string[] args)
    {
        var quick = false;
        var latency = 50;
        var soak = false;
        var cluster = false;
        var soakMinutes = 10.0;
        var soakCircuits = 50;
        HashSet<string> only = new(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--latency-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0:
                    latency = ms;
                    i++;
                    break;
                case "--soak":
                    soak = true;
                    break;
                case "--cluster":
                    cluster = true;
                    break;
                case "--soak-minutes" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                    soakMinutes = minutes;
                    i++;
                    break;
                case "--soak-circuits" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var circuits) && circuits > 0:
                    soakCircuits = circuits;
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown or incomplete argument '{args[i]}'. Usage: [--quick] [--latency-ms N] [--only {string.Join(',', Groups)}] | --cluster [--quick] | --soak [--soak-minutes N] [--soak-circuits N]");
            }
        }

        var unknown = only.Except(Groups, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown figure group(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Groups)}.");
        return new BenchSettings(quick, latency, only) { Soak = soak, Cluster = cluster, SoakMinutes = soakMinutes, SoakCircuits = soakCircuits };
    }
}
