using System.Globalization;
using System.Text.Json;

namespace ClaimTracker.Exports.Tests;

/// <summary>
/// Checks of ClaimReview JSON-LD written from schema.org's ClaimReview, Rating, Claim and CreativeWork
/// and Google's fact-check markup documentation: required claimReviewed, reviewRating (with the
/// required alternateName and a numeric value inside its worst…best scale) and url; recommended author,
/// datePublished and itemReviewed (a Claim with author, datePublished, firstAppearance, appearance).
/// </summary>
internal static class ClaimReviewChecks
{
    public static void Validate(JsonElement reviews, bool expectUrl)
    {
        Assert.Equal(JsonValueKind.Array, reviews.ValueKind);
        foreach (var review in reviews.EnumerateArray())
        {
            ValidateOne(review, expectUrl);
        }
    }

    public static void ValidateOne(JsonElement review, bool expectUrl)
    {
        NoNulls(review, "$");
        Assert.Equal("https://schema.org", review.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("claimReviewed").GetString()));

        if (expectUrl)
        {
            Assert.True(Uri.TryCreate(review.GetProperty("url").GetString(), UriKind.Absolute, out var url), "url must be absolute");
            Assert.Contains(url.Scheme, (string[])["http", "https"]);
        }

        var rating = review.GetProperty("reviewRating");
        Assert.Equal("Rating", rating.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rating.GetProperty("alternateName").GetString()));
        var value = rating.GetProperty("ratingValue").GetDouble();
        var best = rating.GetProperty("bestRating").GetDouble();
        var worst = rating.GetProperty("worstRating").GetDouble();
        Assert.True(worst >= 1, "worstRating must be at least 1");
        Assert.True(best > worst, "bestRating must be greater than worstRating");
        Assert.InRange(value, worst, best);

        Party(review.GetProperty("author"));
        Date(review.GetProperty("datePublished"));

        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        if (item.TryGetProperty("author", out var author))
        {
            Party(author);
        }

        if (item.TryGetProperty("datePublished", out var claimDate))
        {
            Date(claimDate);
        }

        if (item.TryGetProperty("firstAppearance", out var first))
        {
            Work(first);
        }

        if (item.TryGetProperty("appearance", out var appearances))
        {
            Assert.Equal(JsonValueKind.Array, appearances.ValueKind);
            Assert.NotEqual(0, appearances.GetArrayLength());
            Assert.True(item.TryGetProperty("firstAppearance", out _), "appearance without firstAppearance");
            Assert.All(appearances.EnumerateArray(), Work);
        }
    }

    /// <summary>A Person or Organization with a name.</summary>
    private static void Party(JsonElement party)
    {
        Assert.Contains(party.GetProperty("@type").GetString(), (string[])["Person", "Organization"]);
        Assert.False(string.IsNullOrWhiteSpace(party.GetProperty("name").GetString()));
        if (party.TryGetProperty("url", out var url))
        {
            Assert.True(Uri.TryCreate(url.GetString(), UriKind.Absolute, out _));
        }
    }

    private static void Work(JsonElement work)
    {
        Assert.Equal("CreativeWork", work.GetProperty("@type").GetString());
        if (work.TryGetProperty("url", out var url))
        {
            Assert.True(Uri.TryCreate(url.GetString(), UriKind.Absolute, out _), $"{url} is not an absolute URL");
        }

        if (work.TryGetProperty("datePublished", out var date))
        {
            Date(date);
        }

        if (work.TryGetProperty("publisher", out var publisher))
        {
            Party(publisher);
        }
    }

    /// <summary>An ISO 8601 date-time in UTC.</summary>
    public static DateTimeOffset Date(JsonElement date)
    {
        var text = date.GetString()!;
        Assert.Matches(StixChecks.Timestamp(), text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private static void NoNulls(JsonElement element, string path)
    {
        Assert.NotEqual(JsonValueKind.Null, element.ValueKind);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                NoNulls(property.Value, path + "." + property.Name);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                NoNulls(item, path + "[]");
            }
        }
    }
}
