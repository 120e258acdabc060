using System.Globalization;
using System.Text.Json.Nodes;
using ClaimTracker.Exports.Fetching;
using ClaimTracker.Exports.Stix;

namespace ClaimTracker.Server.Taxii;

/// <summary>What a poll asks for: where to start, how many objects at most, which types and ids.</summary>
internal sealed record TaxiiRequest(
    TaxiiCollection Collection,
    DateTimeOffset? AddedAfter,
    TaxiiNext? Next,
    int Limit,
    IReadOnlySet<string> Types,
    IReadOnlySet<string> Ids);

/// <summary>One object version served, and when it was added.</summary>
internal sealed record TaxiiItem(JsonObject Stix, DateTimeOffset AddedAt)
{
    public string Id => (string?)Stix["id"] ?? string.Empty;

    /// <summary>The version, as TAXII names it: <c>modified</c>, else <c>created</c>.</summary>
    public string Version => (string?)Stix["modified"] ?? (string?)Stix["created"] ?? string.Empty;
}

internal sealed record TaxiiPage(IReadOnlyList<TaxiiItem> Items, bool More, string? Next);

/// <summary>
/// Where the next page starts: the feed position of a claim change and how many of its (filtered) objects were already
/// served. Written <c>{position}.{offset}</c>.
/// </summary>
internal sealed record TaxiiNext(long Position, int Offset)
{
    public override string ToString() =>
        Position.ToString(CultureInfo.InvariantCulture) + "." + Offset.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out TaxiiNext? next)
    {
        next = null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            next = new TaxiiNext(position, offset);
            return true;
        }

        return false;
    }
}

/// <summary>
/// Pages through a collection in feed order. Each claim is served at its latest change only, as the STIX objects the
/// exporter makes of it (identities, reports, the claim's note, its opinions and chain relationships, all dated by
/// that change), so a poller that follows <c>next</c>, or starts again from the last <c>date_added</c> it saw, gets
/// every changed claim once, in order, and a claim again only when it changed again.
/// </summary>
internal sealed class TaxiiPager(TaxiiTimeline timeline, IExportReader reader)
{
    public async Task<TaxiiPage> ReadAsync(TaxiiRequest request, CancellationToken cancellation)
    {
        var count = await timeline.CatchUpAsync(cancellation);
        var index = request.Next is { } next ? timeline.FirstAtOrAfter(next.Position)
            : request.AddedAfter is { } after ? timeline.FirstAfter(after)
            : 0;
        var offset = request.Next is { } resume && index < count && timeline[index].Position == resume.Position ? resume.Offset : 0;
        var items = new List<TaxiiItem>();
        for (; index < count && items.Count < request.Limit; index++, offset = 0)
        {
            var addition = timeline[index];
            if (!request.Collection.Includes(addition) || !timeline.IsLatest(addition))
            {
                continue;
            }

            // The claim is read as it is now: if it changed again since this addition, it is served at that later
            // change, which the next poll finds (served here too, a poller would get that version twice).
            if (await ObjectsAsync(addition, request, cancellation) is not { } objects)
            {
                continue;
            }

            var take = Math.Min(objects.Count - Math.Min(offset, objects.Count), request.Limit - items.Count);
            items.AddRange(objects.Skip(offset).Take(take).Select(stix => new TaxiiItem(stix, addition.AddedAt)));
            if (offset + take < objects.Count)
            {
                return new TaxiiPage(items, true, new TaxiiNext(addition.Position, offset + take).ToString());
            }
        }

        return index < count
            ? new TaxiiPage(items, true, new TaxiiNext(timeline[index].Position, 0).ToString())
            : new TaxiiPage(items, false, null);
    }

    /// <summary>The claim's objects, or null when the claim has changed since <paramref name="addition"/>.</summary>
    private async Task<List<JsonObject>?> ObjectsAsync(TaxiiAddition addition, TaxiiRequest request, CancellationToken cancellation)
    {
        var data = await new ExportFetcher(reader).FetchAsync(new ExportSelection { ClaimIds = [addition.ClaimId] }, cancellation);
        if (data.Claims.Any(c => c.ClaimId == addition.ClaimId && c.Version > addition.ClaimVersion))
        {
            return null;
        }

        if (StixExporter.BuildBundle(data)["objects"] is not JsonArray objects)
        {
            return [];
        }

        return [.. objects.OfType<JsonObject>()
            .Where(o => request.Types.Count == 0 || request.Types.Contains((string?)o["type"] ?? string.Empty))
            .Where(o => request.Ids.Count == 0 || request.Ids.Contains((string?)o["id"] ?? string.Empty))
            .Select(o => (JsonObject)o.DeepClone())];
    }
}
