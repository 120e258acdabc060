using System.Text.Json;
using System.Text.Json.Nodes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.ClaimReview;

/// <summary>Who publishes the reviews, and where they live.</summary>
public sealed record ClaimReviewOptions
{
    /// <summary>The reviewing organisation (ClaimReview <c>author</c>).</summary>
    public string ReviewerName { get; init; } = "ClaimTracker";

    public string? ReviewerUrl { get; init; }

    /// <summary>
    /// Prefix of each review's page: <c>url</c> = this + the claim id, e.g.
    /// <c>https://factcheck.example/claims/</c>. Google requires <c>url</c>; without a base URL it is left out.
    /// </summary>
    public string? BaseUrl { get; init; }
}

/// <summary>
/// schema.org <c>ClaimReview</c> JSON-LD, one per claim, as Google's fact-check markup documents it:
/// the claim reviewed, a Rating from its corroboration status, and the Claim as it appeared (author =
/// the origin of its earliest statement, first appearance and later appearances = the reports).
/// </summary>
public static class ClaimReviewExporter
{
    public const string Context = "https://schema.org";

    /// <summary>A JSON array with one ClaimReview object per claim (JSON-LD accepts a top-level array of nodes).</summary>
    public static JsonArray Build(ExportData data, ClaimReviewOptions? options = null)
    {
        options ??= new ClaimReviewOptions();
        return new JsonArray([.. data.Claims.Select(claim => (JsonNode)BuildOne(claim, data, options))]);
    }

    public static void Write(Utf8JsonWriter writer, ExportData data, ClaimReviewOptions? options = null)
        => Build(data, options).WriteTo(writer);

    public static void Write(Stream stream, ExportData data, ClaimReviewOptions? options = null, bool indented = true) =>
        ExportJson.Write(stream, Build(data, options), indented);

    /// <summary>The same array as <see cref="Build"/>, written a review at a time as chunks of claims arrive.</summary>
    public static async Task WriteStreamingAsync(
        Stream stream,
        IAsyncEnumerable<ExportData> chunks,
        ClaimReviewOptions? options,
        bool indented,
        CancellationToken cancellation = default)
    {
        options ??= new ClaimReviewOptions();
        await using var writer = new Utf8JsonWriter(stream, ExportJson.WriterOptions(indented));
        writer.WriteStartArray();
        await foreach (var chunk in chunks.WithCancellation(cancellation))
        {
            foreach (var claim in chunk.Claims)
            {
                BuildOne(claim, chunk, options).WriteTo(writer);
            }

            await writer.FlushAsync(cancellation);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellation);
        await stream.WriteAsync("\n"u8.ToArray(), cancellation);
    }

    public static JsonObject BuildOne(V1.Claim claim, ExportData data, ClaimReviewOptions options)
    {
        var review = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "ClaimReview",
        };
        if (options.BaseUrl is { Length: > 0 } baseUrl)
        {
            review["url"] = baseUrl + Uri.EscapeDataString(claim.ClaimId);
        }

        review["identifier"] = claim.ClaimId;
        review["claimReviewed"] = claim.Text;
        if ((ExportJson.Time(claim.UpdatedAt) ?? ExportJson.Time(claim.FirstReportedAt)) is { } reviewed)
        {
            // The review is as of the claim's last change: that is when its status was last judged.
            review["datePublished"] = ExportJson.IsoTimestamp(reviewed);
        }

        var reviewer = new JsonObject { ["@type"] = "Organization", ["name"] = options.ReviewerName };
        if (options.ReviewerUrl is { Length: > 0 } reviewerUrl)
        {
            reviewer["url"] = reviewerUrl;
        }

        review["author"] = reviewer;
        var rating = ClaimReviewRating.For(claim.Status, claim.Credibility);
        var ratingNode = new JsonObject
        {
            ["@type"] = "Rating",
            ["ratingValue"] = rating.Value,
            ["bestRating"] = ClaimReviewRating.Best,
            ["worstRating"] = ClaimReviewRating.Worst,
            ["alternateName"] = rating.Name,
        };
        if (claim.StatusReasons.Count > 0)
        {
            ratingNode["ratingExplanation"] = string.Join("; ", claim.StatusReasons);
        }

        review["reviewRating"] = ratingNode;
        review["itemReviewed"] = ItemReviewed(claim, data);
        return review;
    }

    private static JsonObject ItemReviewed(V1.Claim claim, ExportData data)
    {
        var item = new JsonObject { ["@type"] = "Claim" };
        var statements = claim.Statements
            .OrderBy(StatementTime)
            .ThenBy(s => ExportJson.Time(s.RecordedAt) ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.StatementId, StringComparer.Ordinal)
            .ToList();
        if (statements.Count > 0)
        {
            var first = statements[0];
            var originId = first.OriginActorId.Length > 0 ? first.OriginActorId : first.ActorId;
            var origin = data.Actor(originId);
            var author = new JsonObject
            {
                ["@type"] = origin?.Kind == V1.ActorKind.Person ? "Person" : "Organization",
                ["name"] = origin?.Name is { Length: > 0 } name ? name : first.Speaker,
            };
            Rate(author, first.OriginGrade);
            item["author"] = author;
        }

        if ((statements.Count > 0 ? StatementTime(statements[0]) : ExportJson.Time(claim.FirstReportedAt)) is { } published)
        {
            item["datePublished"] = ExportJson.IsoTimestamp(published);
        }

        // Each report once, in the order the claim appeared in them.
        var appearances = statements
            .GroupBy(s => s.ReportId, StringComparer.Ordinal)
            .Select(g => Appearance(g.First(), data.Report(g.Key)))
            .ToList();
        if (appearances.Count > 0)
        {
            item["firstAppearance"] = appearances[0];
        }

        if (appearances.Count > 1)
        {
            item["appearance"] = new JsonArray([.. appearances.Skip(1)]);
        }

        return item;
    }

    private static JsonObject Appearance(V1.Statement statement, V1.Report? report)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork" };
        if (report?.Url is { Length: > 0 } url)
        {
            work["url"] = url;
        }

        if (report?.Title is { Length: > 0 } title)
        {
            work["headline"] = title;
        }

        if (StatementTime(statement) is { } published)
        {
            work["datePublished"] = ExportJson.IsoTimestamp(published);
        }

        var outlet = report?.Source is { Length: > 0 } source ? source : statement.Source;
        if (outlet.Length > 0)
        {
            var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = outlet };
            Rate(publisher, statement.OutletGrade);
            work["publisher"] = publisher;
        }

        return work;
    }

    /// <summary>
    /// A source's reliability grade on an organisation (the claim's author, a publisher), as schema.org allows it: an
    /// <c>aggregateRating</c> on the 1 (E) … 5 (A) scale. schema.org gives a Person no rating, and an F (cannot be judged)
    /// is no rating, so neither gets one.
    /// </summary>
    private static void Rate(JsonObject party, string grade)
    {
        if ((string?)party["@type"] != "Organization" || SourceGradeWords.Score(grade) is not { } score)
        {
            return;
        }

        party["aggregateRating"] = new JsonObject
        {
            ["@type"] = "AggregateRating",
            ["ratingValue"] = score,
            ["bestRating"] = ClaimReviewRating.Best,
            ["worstRating"] = ClaimReviewRating.Worst,
            ["alternateName"] = SourceGradeWords.Describe(grade),
            ["ratingExplanation"] = "NATO/Admiralty source reliability, graded from ClaimTracker's track record of the source",
        };
    }

    private static DateTimeOffset? StatementTime(V1.Statement statement) =>
        ExportJson.Time(statement.PublishedAt) ?? ExportJson.Time(statement.RecordedAt);
}
