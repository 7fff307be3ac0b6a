using System.Globalization;
using System.Text;

namespace AIRisk.Web.Users;

/// <summary>Folds text for search: case- and accent-insensitive, so "zoe" finds "Zoë" and "sean" finds "Seán".</summary>
public static class SearchText
{
    /// <summary>
    /// Ends each field in the search index. <see cref="Fold"/> drops it from any text, so no folded search term
    /// contains it and no match can run from one field (or user) into the next.
    /// </summary>
    public const char Separator = '\uFFFF';

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";

        var folded = new StringBuilder(text.Length);
        AppendFolded(folded, text);
        return folded.ToString();
    }

    /// <summary>Appends <paramref name="text"/> folded, without a string per field when building the index.</summary>
    public static void AppendFolded(StringBuilder folded, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;

        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c == Separator || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            // Letters that Unicode does not decompose into a base letter plus a mark.
            switch (char.ToLowerInvariant(c))
            {
                case 'ø': folded.Append('o'); break;
                case 'æ': folded.Append("ae"); break;
                case 'œ': folded.Append("oe"); break;
                case 'ß': folded.Append("ss"); break;
                case 'ł': folded.Append('l'); break;
                case 'đ': folded.Append('d'); break;
                case 'þ': folded.Append("th"); break;
                case var lower: folded.Append(lower); break;
            }
        }
    }
}
