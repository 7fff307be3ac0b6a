using System.Globalization;

namespace AIRisk.Sandbox;

/// <summary>
/// Standalone entry point:
/// <c>dotnet run --project AIRisk.Sandbox -- --urls http://127.0.0.1:5080 [--users 100000] [--latency-ms 50] [--stream-format sse]
/// [--redirect-uri https://localhost:5001/callback]</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Action<SandboxOptions> configure;
        try
        {
            configure = CommandLine(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args);
        // Per-request hosting logs would slow benchmarks down and drown the banner.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddAIRiskSandbox(configure);
        var app = builder.Build();
        app.MapGet("/", () => "AIRisk sandbox: see /sandbox/info");
        app.MapAIRiskSandbox();

        await app.StartAsync();
        var state = app.Services.GetRequiredService<SandboxState>();
        foreach (var url in app.Urls)
            Console.WriteLine($"AIRisk sandbox listening on {url}/");
        Console.WriteLine($"  client_id:     {state.Options.ClientId}");
        Console.WriteLine(state.Options.ClientSecret == SandboxOptions.DemoClientSecret
            ? $"  client_secret: {state.Options.ClientSecret} (public demo value)"
            : $"  client_secret: from {SecretVariable} (not printed)");
        Console.WriteLine($"  redirect URIs: {string.Join(',', state.Options.RedirectUris)}");
        Console.WriteLine($"  users:         {state.Data.Users.Count.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine($"  tickets:       Zendesk /api/v2/, Jira /rest/ as {state.Options.TicketEmail} with {state.Options.TicketApiToken} (public demo values)");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private const string SecretVariable = "SANDBOX_CLIENT_SECRET";

    /// <summary>The sandbox's own switches; everything else (e.g. <c>--urls</c>) is left to ASP.NET Core.</summary>
    private static Action<SandboxOptions> CommandLine(string[] args)
    {
        int? users = null, latencyMs = null;
        StreamFormat? format = null;
        List<string> redirectUris = [];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--users":
                    users = NonNegative(args, ++i);
                    break;
                case "--latency-ms":
                    latencyMs = NonNegative(args, ++i);
                    break;
                case "--stream-format":
                    format = Value(args, i + 1).ToUpperInvariant() switch
                    {
                        "SSE" => StreamFormat.Sse,
                        "NDJSON" => StreamFormat.NdJson,
                        _ => throw new FormatException("--stream-format takes sse or ndjson."),
                    };
                    i++;
                    break;
                case "--redirect-uri":
                    redirectUris.AddRange(Value(args, ++i).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    break;
            }
        }

        return options =>
        {
            if (users is { } count)
                options.UserCount = count;
            if (latencyMs is { } ms)
                options.Latency = TimeSpan.FromMilliseconds(ms);
            if (format is { } value)
                options.StreamFormat = value;
            // The dashboard's callback must be allowed, or every authorize call gets "Invalid redirect_uri".
            if (redirectUris.Count > 0)
                options.RedirectUris = redirectUris;
            // From the environment, never the command line (which any local user can read): another secret than the demo's.
            if (Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret)
                options.ClientSecret = secret;
        };
    }

    private static int NonNegative(string[] args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{args[index - 1]} takes a non-negative whole number.");

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new FormatException($"{args[index - 1]} needs a value.");
}
