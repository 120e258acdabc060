namespace ClaimTracker.TestSupport;

/// <summary>
/// The articles the tests ship with (tests/Shared/Articles, copied beside the test assembly), and the seed
/// article, which lives outside the repository (../shared/articles) and is only there on the project's machines.
/// </summary>
internal static class TestArticles
{
    /// <summary>A wire story carried by an outlet, relayed from AFP: nested attribution, two Vargas, a hedge, a count.</summary>
    public static string MaravaFlood => Read("marava-flood.txt");

    /// <summary>A later report on the same floods that revises the displaced count (12,000 → 4,500).</summary>
    public static string MaravaFloodFollowUp => Read("marava-flood-follow-up.txt");

    private static string Read(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Articles", fileName));
}

/// <summary>The seed article beside the repository: walks up to ClaimTracker.sln, then ../shared/articles.</summary>
internal static class SeedArticleFile
{
    public const string FileName = "putin-kim-vostochny-summit.txt";

    /// <summary>The one line a skipped seed test reports; .ci/run looks for it.</summary>
    public const string SkipReason = "needs the seed article ../shared/articles/" + FileName + " beside the repository";

    public static string FullPath { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "articles", FileName));

    public static bool Exists => File.Exists(FullPath);

    public static string Text => File.ReadAllText(FullPath);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ClaimTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact on the seed article: skipped, with <see cref="SeedArticleFile.SkipReason"/>, where the article is absent.</summary>
internal sealed class SeedArticleFactAttribute : FactAttribute
{
    public SeedArticleFactAttribute()
    {
        if (!SeedArticleFile.Exists)
        {
            Skip = SeedArticleFile.SkipReason;
        }
    }
}

/// <summary>A theory on the seed article: skipped, with <see cref="SeedArticleFile.SkipReason"/>, where the article is absent.</summary>
internal sealed class SeedArticleTheoryAttribute : TheoryAttribute
{
    public SeedArticleTheoryAttribute()
    {
        if (!SeedArticleFile.Exists)
        {
            Skip = SeedArticleFile.SkipReason;
        }
    }
}
