using AIRisk.TestSupport;

namespace AIRisk.Tests.TestSupport;

/// <summary>One running AIRisk.Web (embedded sandbox) shared by a test class.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public WebAppProcess App { get; private set; } = default!;

    public async ValueTask InitializeAsync() => App = await WebAppProcess.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
