using ClaimTracker.Server.Hosting;

var app = ClaimTrackerServer.Build(args);
await app.RunAsync();
