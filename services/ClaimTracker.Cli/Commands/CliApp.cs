using System.CommandLine;
using ClaimTracker.V1;
using ClaimTracker.V1.Client;
using Grpc.Core;
using Grpc.Net.Client;

namespace ClaimTracker.Cli.Commands;

/// <summary>The command tree and the options every command shares.</summary>
internal static class CliApp
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "Server address (or CLAIMTRACKER_SERVER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAIMTRACKER_SERVER") ?? "http://127.0.0.1:5000",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token sent with every call (or CLAIMTRACKER_TOKEN)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAIMTRACKER_TOKEN"),
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print protobuf JSON instead of tables",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("ClaimTracker: who claimed what, through whom, and how well it holds up.");
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Json);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(QueryCommands.Report());
        root.Subcommands.Add(QueryCommands.Claims());
        root.Subcommands.Add(QueryCommands.Claim());
        root.Subcommands.Add(QueryCommands.Actors());
        root.Subcommands.Add(QueryCommands.Actor());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(TimelineCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(UnmergeCommand.Create());
        root.Subcommands.Add(RelinkCommand.Create());
        root.Subcommands.Add(SplitActorCommand.Create());
        root.Subcommands.Add(MergeActorsCommand.Create());
        root.Subcommands.Add(RelateCommand.Create());
        root.Subcommands.Add(CorrectCommand.Create());
        root.Subcommands.Add(RetractCommand.Create());
        root.Subcommands.Add(CorrectionsCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SearchCommands.Search());
        root.Subcommands.Add(SearchCommands.Reports());
        root.Subcommands.Add(SearchCommands.Statements());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a command line that does not parse is invalid input (exit 2).</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Build().Parse(args);
        var exitCode = await parse.InvokeAsync();
        return parse.Errors.Count > 0 ? 2 : exitCode;
    }

    /// <summary>Runs <paramref name="work"/> with a client; a failed call becomes a one-line reason and a non-zero exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<ClaimTracker.V1.ClaimTracker.ClaimTrackerClient, Output, Task> work)
    {
        var output = new Output(parse.GetValue(Json));
        try
        {
            using var channel = ClaimTrackerChannel.Create(parse.GetValue(Server)!);
            await work(ClaimTrackerChannel.CreateClient(channel, parse.GetValue(Token)), output);
            return 0;
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            output.Error($"{ex.StatusCode}: {ex.Status.Detail}");
            return ExitCode(ex.StatusCode);
        }
        catch (ArgumentException ex)
        {
            // Invalid input found before or while calling: an option combination, a malformed value or path.
            output.Error(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UriFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            output.Error(ex.Message);
            return 1;
        }
    }

    private static int ExitCode(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => 2,
        StatusCode.NotFound => 3,
        StatusCode.AlreadyExists => 4,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => 5,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => 6,
        _ => 1,
    };
}
