using System.Collections.Concurrent;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Fetching;

/// <summary>Which claims to export: named ones, or those a ListClaims filter finds.</summary>
public sealed record ExportSelection
{
    /// <summary>Claims by id; when given, the filters below must be left empty.</summary>
    public IReadOnlyList<string> ClaimIds { get; init; } = [];

    public V1.CorroborationStatus Status { get; init; }

    public string ActorId { get; init; } = string.Empty;

    /// <summary>Words that must all appear in the claim text.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>At most this many claims from the filter, newest first; 0 = all.</summary>
    public int Limit { get; init; }

    public bool HasFilter => Status != V1.CorroborationStatus.Unspecified || ActorId.Length > 0 || Query.Length > 0;
}

/// <summary>
/// Gathers what an export needs: the selected claims with every statement page, the reports the
/// statements come from (and those where each actor was first and last sighted, which date its
/// identity), and the actors of every chain. Reports and actors no longer known are left out; the
/// exporters fall back on what the statements say. <see cref="FetchChunksAsync"/> gathers a few
/// claims at a time, for exports streamed without holding every claim.
/// </summary>
/// <param name="claimPageSize">ListClaims page size (the server allows up to 500).</param>
/// <param name="statementPageSize">GetClaim statement page size (the server allows up to 1000).</param>
public sealed class ExportFetcher(IExportReader reader, int claimPageSize = 500, int statementPageSize = 1000)
{
    private const int Parallelism = 8;

    public ExportFetcher(V1.ClaimTracker.ClaimTrackerClient client, int claimPageSize = 500, int statementPageSize = 1000)
        : this(new GrpcExportReader(client), claimPageSize, statementPageSize)
    {
    }

    public async Task<ExportData> FetchAsync(ExportSelection selection, CancellationToken cancellation = default)
    {
        var claimIds = await SelectClaimIdsAsync(selection, cancellation);
        return await FetchClaimsAsync(claimIds, cancellation);
    }

    /// <summary>The claims in chunks of <paramref name="chunkSize"/>, each with its reports and actors.</summary>
    public async IAsyncEnumerable<ExportData> FetchChunksAsync(
        IReadOnlyList<string> claimIds,
        int chunkSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        foreach (var chunk in claimIds.Chunk(chunkSize))
        {
            yield return await FetchClaimsAsync(chunk, cancellation);
        }
    }

    /// <summary>The ids of the claims <paramref name="selection"/> names or finds, newest first when found.</summary>
    public async Task<List<string>> SelectClaimIdsAsync(ExportSelection selection, CancellationToken cancellation = default)
    {
        if (selection.ClaimIds.Count > 0 && selection.HasFilter)
        {
            throw new ArgumentException("name claims by id or filter them by status, actor and words, not both");
        }

        return selection.ClaimIds.Count > 0
            ? selection.ClaimIds.Distinct(StringComparer.Ordinal).ToList()
            : await ListClaimIdsAsync(selection, cancellation);
    }

    private async Task<ExportData> FetchClaimsAsync(IReadOnlyList<string> claimIds, CancellationToken cancellation)
    {
        var claims = await FetchAllAsync(claimIds, id => GetWholeClaimAsync(id, cancellation), cancellation);
        var statements = claims.Values.SelectMany(c => c.Statements).ToList();

        var reportIds = statements.Select(s => s.ReportId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var reports = await FetchAllAsync(reportIds, id => reader.GetReportAsync(id, cancellation), cancellation);
        var actorIds = statements
            .SelectMany(s => s.ViaActorIds.Prepend(s.OriginActorId).Prepend(s.ActorId))
            .Concat(reports.Values.Select(r => r.SourceActorId))
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var actors = await FetchAllAsync(actorIds, id => reader.GetActorAsync(id, cancellation), cancellation);

        var sightingReportIds = actors.Values
            .Where(a => a.AliasSightings.Count > 0)
            .SelectMany(a => new[] { a.AliasSightings[0].ReportId, a.AliasSightings[^1].ReportId })
            .Where(id => id.Length > 0 && !reports.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var (id, report) in await FetchAllAsync(sightingReportIds, id => reader.GetReportAsync(id, cancellation), cancellation))
        {
            reports[id] = report;
        }

        return new ExportData(
            claimIds.Where(claims.ContainsKey).Select(id => claims[id]),
            actorIds.Where(actors.ContainsKey).Select(id => actors[id]),
            reports.Values.OrderBy(r => r.ReportId, StringComparer.Ordinal));
    }

    private async Task<List<string>> ListClaimIdsAsync(ExportSelection selection, CancellationToken cancellation)
    {
        var request = new V1.ListClaimsRequest
        {
            Status = selection.Status,
            ActorId = selection.ActorId,
            Query = selection.Query,
        };
        var ids = new List<string>();
        do
        {
            request.PageSize = selection.Limit > 0 ? Math.Min(claimPageSize, selection.Limit - ids.Count) : claimPageSize;
            var page = await reader.ListClaimsAsync(request, cancellation);
            ids.AddRange(page.Claims.Select(c => c.ClaimId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && (selection.Limit <= 0 || ids.Count < selection.Limit));

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A claim with all its statements: the first page's summary, every page's statements.</summary>
    private async Task<V1.Claim?> GetWholeClaimAsync(string claimId, CancellationToken cancellation)
    {
        var request = new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = statementPageSize };
        var claim = await reader.GetClaimAsync(request, cancellation);
        if (claim is null)
        {
            return null;
        }

        var token = claim.NextStatementPageToken;
        while (token.Length > 0)
        {
            request.StatementPageToken = token;
            var page = await reader.GetClaimAsync(request, cancellation);
            if (page is null)
            {
                break;
            }

            claim.Statements.Add(page.Statements);
            token = page.NextStatementPageToken;
        }

        claim.NextStatementPageToken = string.Empty;
        return claim;
    }

    /// <summary>Runs <paramref name="fetch"/> for every id, a few at a time; ids that yield nothing are left out.</summary>
    private static async Task<Dictionary<string, T>> FetchAllAsync<T>(
        IReadOnlyList<string> ids,
        Func<string, Task<T?>> fetch,
        CancellationToken cancellation)
        where T : class
    {
        var results = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions {
            MaxDegreeOfParallelism = Parallelism,
            CancellationToken = cancellation }, async (id, _) =>
        {
            if (await fetch(id) is { } result)
            {
                results[id] = result;
            }
        });
        return new Dictionary<string, T>(results, StringComparer.Ordinal);
    }
}
