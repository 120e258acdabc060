using ClaimTracker.TestSupport;

namespace ClaimTracker.Cluster.Tests;

/// <summary>The collection's <see cref="ThrowawayPostgres"/>, started once before the tests and removed after them.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private ThrowawayPostgres? server;

    private ThrowawayPostgres Server => server ?? throw new InvalidOperationException("PostgreSQL has not been started");

    public async Task InitializeAsync() => server = await ThrowawayPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name, string? icuLocale = null) => Server.CreateDatabaseAsync(name, icuLocale);

    internal static int FreePort() => ThrowawayPostgres.FreePort();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
