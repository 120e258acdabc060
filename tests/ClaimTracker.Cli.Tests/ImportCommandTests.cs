using System.Text.Json.Nodes;

namespace ClaimTracker.Cli.Tests;

/// <summary><c>import stix</c>: a bundle exported by the CLI imports as reports already present; unknown objects are listed.</summary>
public sealed class ImportCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Import_stix_lists_what_it_imported_and_what_did_not_map()
    {
        await fixture.StoryAsync();
        var file = Path.Combine(fixture.ArticleDirectory, "bundle.json");
        var export = await fixture.RunAsync("export", "stix", "--out", file);
        Assert.True(export.ExitCode == 0, export.ToString());

        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        bundle["objects"]!.AsArray().Add(new JsonObject { ["type"] = "malware", ["id"] = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b" });
        await File.WriteAllTextAsync(file, bundle.ToJsonString());
        var run = await fixture.RunAsync("import", "stix", file);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("imported ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not mapped: malware malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b", run.Stdout, StringComparison.Ordinal);

        var again = await fixture.RunAsync("import", "stix", file);
        Assert.Contains("imported 0 reports", again.Stdout, StringComparison.Ordinal);

        var missing = await fixture.RunAsync("import", "stix", Path.Combine(fixture.ArticleDirectory, "none.json"));
        Assert.Equal(2, missing.ExitCode);
        await File.WriteAllTextAsync(file, "[1, 2]");
        var notBundle = await fixture.RunAsync("import", "stix", file);
        Assert.Equal(2, notBundle.ExitCode);
    }
}
