namespace AIRisk.Core.Api;

/// <summary>
/// Ends the messages this client composes around AIRisk's own words, which often end a sentence themselves
/// (ASP.NET Core's 500 title is "An error occurred while processing your request."): one full stop, never two.
/// </summary>
internal static class Sentence
{
    private const string Terminators = ".!?…";
    private const string ClosingQuotes = "\"”'’";

    /// <summary><paramref name="text"/> with a full stop, unless it already ends a sentence (inside closing quotes or not).</summary>
    public static string End(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd(ClosingQuotes);
        return end.Length > 0 && Terminators.Contains(end[^1]) ? text : text + ".";
    }
}
