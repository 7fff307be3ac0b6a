namespace AIRisk.Sandbox.Data;

/// <summary>
/// Agent answers, made from the question alone so the same question always gets the same answer. They carry
/// citation markers (<c>【4:0†source】</c>) as live answers do, for the client to strip.
/// </summary>
internal static class ReplyComposer
{
    private const int MinimumPieces = 5;
    private const int SnippetLength = 60;

    public static (string Text, IReadOnlyList<string> Citations) Answer(SandboxAgent agent, string question)
    {
        var hash = StableHash(question);
        var document = ChatCatalog.Documents[(int)(hash % (uint)ChatCatalog.Documents.Count)];
        var fact = ChatCatalog.Facts[(int)(hash / 7 % (uint)ChatCatalog.Facts.Count)];
        var text = $"{agent.Name} here. You asked: \"{Snippet(question)}\". According to {document}【4:0†source】, {fact}. "
            + "Let me know if you need the exact clause.";
        return (text, [document]);
    }

    /// <summary>An answer for the seed: the same shape as a live one, drawn from the seed's random stream.</summary>
    public static string SeededAnswer(SandboxAgent agent, string document, SeedRandom random) =>
        $"{agent.Name} here. According to {document}【{random.Next(1, 9)}:{random.Next(3)}†source】, "
        + $"{random.Pick(ChatCatalog.Facts)}. Please check with your manager if in doubt.";

    /// <summary>Splits on word boundaries into at least five pieces that concatenate back to <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        var words = text.Split(' ');
        if (words.Length < MinimumPieces)
            return [.. text.Chunk(Math.Max(1, text.Length / MinimumPieces)).Select(c => new string(c))];

        var perPiece = Math.Max(1, words.Length / (MinimumPieces * 2));
        return [.. words.Chunk(perPiece).Select((chunk, i) => string.Join(' ', chunk) + (i * perPiece + chunk.Length < words.Length ? " " : ""))];
    }

    private static string Snippet(string question)
    {
        var flat = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= SnippetLength ? flat : string.Concat(flat.AsSpan(0, SnippetLength), "…");
    }

    // string.GetHashCode is randomised per process; answers must not be.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
