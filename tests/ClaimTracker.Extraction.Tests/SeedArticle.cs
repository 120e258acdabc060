namespace ClaimTracker.Extraction.Tests;

/// <summary>The shared seed article beside the repository (<see cref="SeedArticleFile"/>), extracted as the seed tests expect.</summary>
internal static class SeedArticle
{
    public static string Text { get; } = SeedArticleFile.Text;

    public static DateTimeOffset PublishedAt { get; } = new(2023, 9, 14, 8, 0, 0, TimeSpan.Zero);

    public static ExtractionResult Extract(string sourceName = "Seed Outlet")
        => new ArticleExtractor().Extract(new ArticleInput(Text, sourceName, null, PublishedAt));
}
