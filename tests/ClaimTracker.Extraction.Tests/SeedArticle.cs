namespace ClaimTracker.Extraction.Tests;

/// <summary>Finds the shared seed article beside the repository: walks up to ClaimTracker.sln, then ../shared/articles.</summary>
internal static class SeedArticle
{
    public const string FileName = "putin-kim-vostochny-summit.txt";

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "articles", FileName);

    public static string Text { get; } = File.ReadAllText(Path);

    public static DateTimeOffset PublishedAt { get; } = new(2023, 9, 14, 8, 0, 0, TimeSpan.Zero);

    public static ExtractionResult Extract(string sourceName = "Seed Outlet")
        => new ArticleExtractor().Extract(new ArticleInput(Text, sourceName, null, PublishedAt));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ClaimTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ClaimTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
