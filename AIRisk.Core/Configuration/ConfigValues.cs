using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AIRisk.Core.Configuration;

/// <summary>
/// Reads flat keys (<c>CLIENT_ID</c>, <c>REQUIRE_REASON</c>) the same way for every options class. A key that is unset
/// or blank keeps its default; a value that does not parse is added to <paramref name="errors"/> as a sentence naming
/// the key, what it expects and what it got, and the default is kept, so that a validator reports every bad key at once.
/// </summary>
/// <param name="configuration">Where the keys are read (the environment, after <c>.env</c>).</param>
/// <param name="errors">Where malformed values are described.</param>
public sealed class ConfigValues(IConfiguration configuration, ICollection<string> errors)
{
    /// <returns>The value without surrounding white space, or <c>null</c> when it is unset or blank.</returns>
    public string? Text(string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Reads <c>true</c> or <c>false</c> (any case).</summary>
    public bool Bool(string key, bool fallback)
    {
        if (Text(key) is not { } text)
            return fallback;
        if (bool.TryParse(text, out var value))
            return value;
        errors.Add($"{key} must be 'true' or 'false' (got '{text}').");
        return fallback;
    }

    /// <summary>Reads a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int WholeNumber(string key, int fallback, int min, int max)
    {
        if (Text(key) is not { } text)
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add($"{key} must be a whole number from {min} to {max} (got '{text}').");
        return fallback;
    }

    /// <summary>Reads a number of minutes (fractions allowed) above 0 and at most <paramref name="max"/>.</summary>
    public TimeSpan Minutes(string key, TimeSpan fallback, double max) => Duration(key, fallback, max, "minutes", TimeSpan.FromMinutes);

    /// <summary>Reads a number of seconds (fractions allowed) above 0 and at most <paramref name="max"/>.</summary>
    public TimeSpan Seconds(string key, TimeSpan fallback, double max) => Duration(key, fallback, max, "seconds", TimeSpan.FromSeconds);

    /// <summary>Reads a number of hours (fractions allowed) above 0 and at most <paramref name="max"/>.</summary>
    public TimeSpan Hours(string key, TimeSpan fallback, double max) => Duration(key, fallback, max, "hours", TimeSpan.FromHours);

    /// <summary>Reads one of <paramref name="choices"/> by name (any case).</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (Text(key) is not { } text)
            return fallback;
        if (choices.FirstOrDefault(c => string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase)) is { Key: not null } choice)
            return choice.Value;
        var names = choices.Keys.Select(k => $"'{k}'").ToList();
        var expected = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        errors.Add($"{key} must be {expected} (got '{text}').");
        return fallback;
    }

    private TimeSpan Duration(string key, TimeSpan fallback, double max, string unit, Func<double, TimeSpan> toSpan)
    {
        if (Text(key) is not { } text)
            return fallback;
        // NaN and infinities parse as numbers; the range check refuses them (TimeSpan could not hold them anyway).
        // Above 0 once converted: a value too small for a tick (1e-9) would be zero.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max && toSpan(value) > TimeSpan.Zero)
            return toSpan(value);
        errors.Add($"{key} must be a number of {unit} above 0 and at most {max.ToString(CultureInfo.InvariantCulture)} (got '{text}').");
        return fallback;
    }
}
