using System.Globalization;

namespace AIRisk.Bench.Reporting;

/// <summary>
/// One measured figure, printed as <c>name: value unit</c>. <see cref="Goal"/> is null for figures that only give
/// context (the naive switch, speedups); <see cref="Problem"/> is set when the figure could not be measured.
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, Goal? Goal = null)
{
    public string? Problem { get; init; }

    public bool Skipped { get; init; }

    /// <summary>Fixed decimals (a fraction reads better as 1.000); by default, by magnitude.</summary>
    public int? Decimals { get; init; }

    public string Verdict => Problem is not null ? (Skipped ? "SKIP" : "MISS") : Goal is null ? "info" : Goal.IsMet(Value) ? "PASS" : "MISS";

    public string ValueText => Problem is not null
        ? $"{(Skipped ? "skipped" : "failed")} ({Problem})"
        : $"{Format(Value, Decimals)}{(Unit.Length > 0 ? " " + Unit : "")}";

    public static Figure Failed(string name, string unit, Goal? goal, string problem) =>
        new(name, double.NaN, unit, goal) { Problem = problem };

    public static Figure Skip(string name, string unit, Goal? goal, string reason) =>
        new(name, double.NaN, unit, goal) { Problem = reason, Skipped = true };

    public override string ToString() => $"{Name}: {ValueText}";

    private static string Format(double value, int? decimals) =>
        decimals is { } fixedDecimals
            ? value.ToString("F" + fixedDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value == Math.Floor(value) && Math.Abs(value) < 1e6
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0.0" : Math.Abs(value) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
