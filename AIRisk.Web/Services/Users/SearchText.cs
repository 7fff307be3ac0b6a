using System.Globalization;
using System.Text;

namespace AIRisk.Web.Services.Users;

/// <summary>Folds text for search: case- and accent-insensitive, so "zoe" finds "Zoë" and "sean" finds "Seán".</summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
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

        return folded.ToString();
    }
}
