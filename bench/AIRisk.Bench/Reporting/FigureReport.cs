namespace AIRisk.Bench.Reporting;

/// <summary>Prints each figure as it is measured, notes about how, and the summary at the end.</summary>
public sealed class FigureReport
{
    private readonly List<Figure> _figures = [];

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine(figure);
    }

    /// <summary>How a figure was measured; printed as a comment line so the figure lines stay easy to grep.</summary>
    public static void Note(string text) => Console.WriteLine($"# {text}");

    public void PrintSummary(BenchSettings settings, TimeSpan elapsed)
    {
        Console.WriteLine();
        Console.WriteLine($"== summary ({settings.Mode} run, L = {settings.LatencyMs} ms, {elapsed.TotalSeconds:0} s) ==");
        var width = _figures.Count == 0 ? 10 : _figures.Max(f => f.Name.Length);
        foreach (var figure in _figures)
        {
            var goal = figure.Goal is null ? "-" : figure.Goal.ToString();
            Console.WriteLine($"{figure.Name.PadRight(width)}  {figure.ValueText,-14}  goal {goal,-12}  {figure.Verdict}");
        }

        var missed = _figures.Count(f => f.Verdict == "MISS");
        Console.WriteLine(missed == 0 ? "all goals met" : $"{missed} goal(s) missed");
    }
}
