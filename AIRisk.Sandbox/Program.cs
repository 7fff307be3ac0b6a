namespace AIRisk.Sandbox;

/// <summary>Standalone entry point: <c>dotnet run --project AIRisk.Sandbox -- --urls http://127.0.0.1:5080</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "AIRisk sandbox");
        app.Run();
    }
}
