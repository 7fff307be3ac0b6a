using System.Globalization;

namespace AIRisk.Bench.Reporting;

/// <summary>A figure's target: at most or at least a limit.</summary>
public sealed record Goal(double Limit, bool AtMost, string Unit)
{
    public static Goal Max(double limit, string unit) => new(limit, true, unit);

    public static Goal Min(double limit, string unit) => new(limit, false, unit);

    public bool IsMet(double value) => !double.IsNaN(value) && (AtMost ? value <= Limit : value >= Limit);

    public override string ToString() =>
        $"{(AtMost ? "≤" : "≥")} {Limit.ToString("0.###", CultureInfo.InvariantCulture)}{(Unit.Length > 0 ? " " + Unit : "")}";
}
