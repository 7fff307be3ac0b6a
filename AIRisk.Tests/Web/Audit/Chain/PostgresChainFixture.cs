using AIRisk.TestSupport;

namespace AIRisk.Tests.Web.Audit.Chain;

/// <summary>One PostgreSQL for the chain's PostgreSQL tests (each test makes its own database); absent without PostgreSQL.</summary>
public sealed class PostgresChainFixture : IAsyncLifetime
{
    public LocalPostgres? Server { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (LocalPostgres.Binaries is null)
            return;
        Server = new LocalPostgres();
        await Server.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }
}
