namespace AIRisk.Sandbox;

internal static class SandboxOptionsValidator
{
    private static readonly string[] Shapes = ["array", "users", "data", "items", "value"];

    /// <summary>Lists every bad setting in one message.</summary>
    public static void ThrowIfInvalid(SandboxOptions options)
    {
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(options.ClientId))
            errors.Add($"{nameof(options.ClientId)} is empty.");
        if (string.IsNullOrEmpty(options.ClientSecret))
            errors.Add($"{nameof(options.ClientSecret)} is empty.");
        if (options.RedirectUris.Any(u => string.IsNullOrWhiteSpace(u) || u.Contains(',', StringComparison.Ordinal)))
            errors.Add($"{nameof(options.RedirectUris)} has an empty entry or one with a comma.");
        if (options.UserCount < 0)
            errors.Add($"{nameof(options.UserCount)} is negative.");
        if (options.CodeLifetime <= TimeSpan.Zero)
            errors.Add($"{nameof(options.CodeLifetime)} is not positive.");
        if (options.TokenLifetime <= TimeSpan.Zero)
            errors.Add($"{nameof(options.TokenLifetime)} is not positive.");
        if (options.Latency < TimeSpan.Zero || options.LatencyJitter < TimeSpan.Zero || options.StreamPieceDelay < TimeSpan.Zero || options.StoreReplyAfterStream < TimeSpan.Zero)
            errors.Add("Latency, LatencyJitter, StreamPieceDelay and StoreReplyAfterStream can't be negative.");
        if (!Shapes.Contains(options.UserListShape, StringComparer.Ordinal))
            errors.Add($"{nameof(options.UserListShape)} must be one of {string.Join(", ", Shapes)}.");
        if (string.IsNullOrWhiteSpace(options.TicketEmail) || string.IsNullOrEmpty(options.TicketApiToken))
            errors.Add($"{nameof(options.TicketEmail)} and {nameof(options.TicketApiToken)} can't be empty.");
        if (options.MaxUploadBytes <= 0)
            errors.Add($"{nameof(options.MaxUploadBytes)} is not positive.");

        if (errors.Count > 0)
            throw new ArgumentException($"Invalid sandbox options: {string.Join(" ", errors)}", nameof(options));
    }
}
