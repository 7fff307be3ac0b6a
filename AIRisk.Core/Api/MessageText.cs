using System.Text.RegularExpressions;

namespace AIRisk.Core.Api;

/// <summary>Cleans AI text for display: AIRisk embeds citation markers such as <c>【4:0†source】</c>.</summary>
public static partial class MessageText
{
    public static string StripCitationMarkers(string text) =>
        text.Contains('【', StringComparison.Ordinal) ? CitationMarker().Replace(text, "") : text;

    [GeneratedRegex("【[^】]*】")]
    private static partial Regex CitationMarker();
}
