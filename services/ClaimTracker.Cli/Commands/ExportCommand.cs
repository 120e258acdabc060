using System.CommandLine;
using ClaimTracker.Exports.Fetching;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary><c>export stix|claimreview</c>: claims, their statements, actors and reports for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export claims for other tools: a STIX 2.1 bundle or ClaimReview JSON-LD");
        command.Subcommands.Add(Stix());
        command.Subcommands.Add(ClaimReview());
        return command;
    }

    private static Command Stix()
    {
        var shared = new SharedOptions();
        var command = new Command(
            "stix",
            "A STIX 2.1 bundle: identities (actors), reports, notes (claims), opinions (statements), relationships (attribution chains)");
        shared.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, (_, output) =>
            shared.DownloadAsync(parse, output, "/v1/exports/stix", [], cancellation)));
        return command;
    }

    private static Command ClaimReview()
    {
        var shared = new SharedOptions();
        var baseUrl = new Option<string?>("--base-url") {
            Description = "Each review's url is this + the claim id, e.g. https://factcheck.example/claims/ (Google requires a url)" };
        var reviewer = new Option<string>("--reviewer") {
            Description = "The reviewing organisation (ClaimReview author)",
            DefaultValueFactory = _ => "ClaimTracker" };
        var reviewerUrl = new Option<string?>("--reviewer-url") { Description = "The reviewing organisation's web site" };
        var command = new Command("claimreview", "schema.org ClaimReview JSON-LD, one review per claim, rated by corroboration status") {
            baseUrl,
            reviewer,
            reviewerUrl };
        shared.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, (_, output) =>
        {
            List<KeyValuePair<string, string>> parameters = [];
            if (AbsoluteUrl(parse.GetValue(baseUrl), "--base-url") is { Length: > 0 } url)
            {
                parameters.Add(new("base_url", url));
            }

            if (parse.GetValue(reviewer) is { Length: > 0 } name)
            {
                parameters.Add(new("reviewer", name));
            }

            if (AbsoluteUrl(parse.GetValue(reviewerUrl), "--reviewer-url") is { Length: > 0 } site)
            {
                parameters.Add(new("reviewer_url", site));
            }

            return shared.DownloadAsync(parse, output, "/v1/exports/claimreview", parameters, cancellation);
        }));
        return command;
    }

    private static string? AbsoluteUrl(string? value, string option) =>
        string.IsNullOrEmpty(value) || Uri.TryCreate(value, UriKind.Absolute, out _)
            ? value
            : throw new ArgumentException($"{option} must be an absolute URL, e.g. https://factcheck.example/claims/");

    /// <summary>The selection and output options both exports take.</summary>
    private sealed class SharedOptions
    {
        private readonly Option<string[]> claims = new("--claim") {
            Description = "Claim ids to export (repeatable); default: every claim the filters match",
            AllowMultipleArgumentsPerToken = true };
        private readonly Option<CorroborationStatus?> status = new("--status") {
            Description = "Only claims in this status: UNCORROBORATED, CORROBORATED, CONTESTED or CONTRADICTED" };
        private readonly Option<string?> actor = new("--actor") { Description = "Only claims this actor id made statements on" };
        private readonly Option<string?> query = new("--query") { Description = "Only claims whose text contains all these words" };
        private readonly Option<int> limit = new("--limit") { Description = "At most this many claims, newest first (default: all)" };
        private readonly Option<string?> output = new("--out") { Description = "Write to this file instead of standard output" };
        private readonly Option<bool> compact = new("--compact") { Description = "One line of JSON instead of indented output" };

        public void AddTo(Command command)
        {
            command.Options.Add(claims);
            command.Options.Add(status);
            command.Options.Add(actor);
            command.Options.Add(query);
            command.Options.Add(limit);
            command.Options.Add(output);
            command.Options.Add(compact);
        }

        /// <summary>What to export, checked before anything is fetched (so is the --out directory).</summary>
        public ExportSelection Selection(ParseResult parse)
        {
            if (parse.GetValue(limit) < 0)
            {
                throw new ArgumentException("--limit must be 0 (all) or more");
            }

            if (parse.GetValue(output) is { Length: > 0 } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory
                && !Directory.Exists(directory))
            {
                throw new ArgumentException($"no such directory: {directory}");
            }

            var selection = new ExportSelection
            {
                ClaimIds = parse.GetValue(claims) ?? [],
                Status = parse.GetValue(status) ?? CorroborationStatus.Unspecified,
                ActorId = parse.GetValue(actor) ?? string.Empty,
                Query = parse.GetValue(query) ?? string.Empty,
                Limit = parse.GetValue(limit),
            };
            return selection.ClaimIds.Count > 0 && selection.HasFilter
                ? throw new ArgumentException("--claim names claims by id; leave out --status, --actor and --query with it")
                : selection;
        }

        /// <summary>Streams the server's export to --out (whole or not at all) or to standard output.</summary>
        public async Task DownloadAsync(
            ParseResult parse,
            Output console,
            string path,
            List<KeyValuePair<string, string>> parameters,
            CancellationToken cancellation)
        {
            var selection = Selection(parse);
            parameters.AddRange(selection.ClaimIds.Select(id => new KeyValuePair<string, string>("claim", id)));
            if (selection.Status != CorroborationStatus.Unspecified)
            {
                parameters.Add(new("status", selection.Status.ToString()));
            }

            parameters.Add(new("actor", selection.ActorId));
            parameters.Add(new("query", selection.Query));
            parameters.Add(new("limit", selection.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (parse.GetValue(compact))
            {
                parameters.Add(new("compact", "true"));
            }

            var query = string.Join("&", parameters.Where(p => p.Value.Length > 0)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            var server = parse.GetValue(CliApp.Server)!;
            var token = parse.GetValue(CliApp.Token);
            int claims;
            if (parse.GetValue(output) is not { Length: > 0 } file)
            {
                await using var stdout = Console.OpenStandardOutput();
                claims = await ExportDownload.CopyToAsync(server, token, path + "?" + query, stdout, cancellation);
            }
            else
            {
                var full = Path.GetFullPath(file);
                var partial = full + ".partial";
                try
                {
                    await using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                    claims = await ExportDownload.CopyToAsync(server, token, path + "?" + query, stream, cancellation);
                }
                catch
                {
                    File.Delete(partial);
                    throw;
                }

                File.Move(partial, full, overwrite: true);
                if (!console.IsJson)
                {
                    Console.WriteLine($"exported {claims} claims to {full}");
                }
            }

            if (claims == 0)
            {
                await Console.Error.WriteLineAsync("warning: no claims matched; the export is empty");
            }
        }
    }
}
