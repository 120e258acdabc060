namespace ClaimTracker.Server.Tests;

/// <summary>One running server shared by the tests of a class; each test uses its own report ids.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(
        null,
        RunningServer.ExactMatching,
        "--Ingest:MaxStatements=50",
        "--Ingest:MaxTextBytes=65536");

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
