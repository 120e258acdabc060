using ClaimTracker.Server.Hosting;

// `migrate`: apply the PostgreSQL schema migrations (Storage:ConnectionString) and exit.
if (args.Length > 0 && args[0] == "migrate")
{
    return await ClaimTrackerServer.MigrateAsync(args[1..]);
}

var app = ClaimTrackerServer.Build(args);
await app.RunAsync();
return 0;
