using ClaimTracker.Server.Hosting;

switch (args.Length > 0 ? args[0] : null)
{
    // `migrate`: apply the PostgreSQL schema migrations (Storage:ConnectionString) and exit.
    case "migrate":
        return await ClaimTrackerServer.MigrateAsync(args[1..]);

    // `backup <file>` (online) and `restore <file>` (server stopped): the embedded SQLite store.
    case "backup" or "restore" when args.Length < 2 || args[1].StartsWith('-'):
        await Console.Error.WriteLineAsync($"usage: {args[0]} <file> [--Storage:DataDirectory=<dir>]");
        return 2;
    case "backup":
        return await EmbeddedBackup.BackupAsync(ClaimTrackerServer.CommandConfiguration(args[2..]), args[1]);
    case "restore":
        return await EmbeddedBackup.RestoreAsync(ClaimTrackerServer.CommandConfiguration(args[2..]), args[1]);
}

var app = ClaimTrackerServer.Build(args);
await app.RunAsync();
return 0;
