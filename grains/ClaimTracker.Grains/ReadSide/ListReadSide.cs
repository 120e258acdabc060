using ClaimTracker.Grains.Journal;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Reports;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.ReadSide;

/// <summary>Lists over the stores' list tables; claims by meaning over this silo's replica of the claim index.</summary>
public sealed class ListReadSide(
    IGrainFactory grains, IProjectionQueries projections, IListQueries lists, ClaimLinker linker, PayloadSerializer serializer)
    : IListReadSide
{
    public async Task<ClaimListPage> ListClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default)
    {
        var page = await projections.QueryClaimsAsync(query, cancellationToken);
        return new ClaimListPage(page.Items.Select(serializer.Deserialize<ClaimSummary>).ToList(), page.NextBefore, page.Next);
    }

    public Task<CountEstimate> EstimateClaimsAsync(ClaimQuery query, int cap, CancellationToken cancellationToken = default) =>
        lists.EstimateClaimsAsync(query, cap, cancellationToken);

    public async Task<ReadPage<ListedStatement>> ListStatementsAsync(StatementQuery query, CancellationToken cancellationToken = default)
    {
        var page = await lists.QueryStatementsAsync(query, cancellationToken);
        var items = page.Items
            .Select((payload, i) => new ListedStatement(serializer.Deserialize<StatementRecord>(payload), page.Notes.ElementAtOrDefault(i)))
            .ToList();
        return new ReadPage<ListedStatement>(items, page.NextBefore);
    }

    public async Task<ReadPage<ReportRecord>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        var page = await lists.QueryReportsAsync(query, cancellationToken);
        return new ReadPage<ReportRecord>(
            page.Items.Select(payload => serializer.Deserialize<ReportState>(payload).Report).ToList(), page.NextBefore);
    }

    public bool CanSearchByMeaning => linker.CanSearch;

    public async Task<ClaimSearchAnswer> SearchClaimsAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        var result = await linker.SearchAsync(text, limit, cancellationToken);
        // A claim is indexed as soon as it is founded, a moment before its first statement is journaled: skip
        // what has no state yet rather than answer with an empty claim.
        var details = await Task.WhenAll(result.Hits.Select(hit => grains.GetGrain<IClaimGrain>(hit.ClaimId).GetDetails(0, string.Empty)));
        var found = result.Hits.Zip(details)
            .Where(pair => pair.Second is not null)
            .Select(pair => new FoundClaim(pair.Second!.Summary, pair.First))
            .ToList();
        return new ClaimSearchAnswer(found, result.Preview);
    }
}
