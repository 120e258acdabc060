using ClaimTracker.Grains;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using ClaimTracker.Storage;
using ClaimTracker.Server.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>The v1 gRPC front door: validates, registers through the report grain, reads through the read side, maps back.</summary>
internal sealed partial class ClaimTrackerService(
    IGrainFactory grains,
    IClaimReadSide readSide,
    IListReadSide lists,
    ClaimFeed feed,
    IOptionsMonitor<IngestOptions> ingestOptions,
    ReportBatchRegistrar batches,
    IOptionsMonitor<WatchOptions> watchOptions,
    IOptionsMonitor<LimitsOptions> limits,
    IHostApplicationLifetime lifetime,
    Grains.History.ClaimHistory claimHistory,
    Grains.History.ActorHistory actorHistory,
    Grains.Corrections.CorrectionDesk corrections,
    IReliabilityOverrides reliabilityOverrides,
    Grains.Reliability.SourceGrades grades) : V1.ClaimTracker.ClaimTrackerBase
{
    private const int DefaultStatementPage = 100;
    private const int MaxStatementPage = 1000;
    private const int DefaultListPage = 50;
    private const int MaxListPage = 500;
    private const int SnapshotPage = 200;

    [Authorize(Scopes.ReportsWrite)]
    public override async Task<V1.RegisterReportResponse> RegisterReport(V1.RegisterReportRequest request, ServerCallContext context)
    {
        var submission = RequestValidator.ToSubmission(request, ingestOptions.CurrentValue) with
        {
            RegisteredBy = CallerIdentity.Of(context),
        };
        // Past the call's deadline the caller stops waiting; the grain finishes, and a retry gets its (idempotent) result.
        var result = await grains.Reference<IReportGrain>(submission.ReportId).Register(submission).WaitAsync(context.CancellationToken);
        switch (result.Status)
        {
            case RegistrationStatus.Conflict:
                throw new RpcException(new Status(StatusCode.AlreadyExists, result.Message));
            case RegistrationStatus.UnknownClaim:
                throw new RpcException(new Status(StatusCode.NotFound, result.Message));
        }

        var response = new V1.RegisterReportResponse { Report = ProtoMapper.ToProto(result.Report!) };
        response.Outcomes.Add(result.Outcomes.Select(ProtoMapper.ToProto));
        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.Report> GetReport(V1.GetReportRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ReportId, "report_id");
        var report = await readSide.GetReportAsync(request.ReportId).WaitAsync(context.CancellationToken)
            ?? throw NotFound($"report '{request.ReportId}' does not exist");
        return ProtoMapper.ToProto(report);
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.Claim> GetClaim(V1.GetClaimRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ClaimId, "claim_id");
        var pageSize = PageTokens.PageSize(request.StatementPageSize, DefaultStatementPage, MaxStatementPage, "statement_page_size");
        if (!StatementPageToken.TryParse(request.StatementPageToken, out _))
        {
            throw RequestValidator.Invalid($"statement_page_token '{request.StatementPageToken}' is not a token this server issued");
        }

        if (AsksForThePast(request.AsOf, request.Version))
        {
            return await GetClaimAtAsync(request, pageSize, context);
        }

        var details = await readSide.GetClaimAsync(request.ClaimId, pageSize, request.StatementPageToken)
                .WaitAsync(context.CancellationToken)
            ?? throw NotFound($"claim '{request.ClaimId}' does not exist");

        // A merged-away claim answers with the claim it was merged into (following a chain of merges, a few hops at most).
        var mergedInto = string.Empty;
        for (var hops = 0; hops < 8 && details.Summary.MergedInto.Length > 0; hops++)
        {
            mergedInto = details.Summary.MergedInto;
            details = await readSide.GetClaimAsync(mergedInto, pageSize, request.StatementPageToken)
                    .WaitAsync(context.CancellationToken)
                ?? throw NotFound($"claim '{request.ClaimId}' was merged into '{mergedInto}', which does not exist");
        }

        var claim = ProtoMapper.ToProto(details, await grades.LatestAsync(context.CancellationToken));
        claim.MergedInto = mergedInto;
        return claim;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListActorsResponse> ListActors(V1.ListActorsRequest request, ServerCallContext context)
    {
        var query = new ActorQuery(
            RequestValidator.Query(request.Query, limits.CurrentValue),
            PageTokens.PageSize(request.PageSize, DefaultListPage, MaxListPage, "page_size"),
            PageTokens.Parse(request.PageToken, "page_token"));
        var page = await readSide.ListActorsAsync(query, context.CancellationToken);
        var response = new V1.ListActorsResponse { NextPageToken = PageTokens.Format(page.NextBefore) };
        response.Actors.Add(page.Items.Select(ProtoMapper.ToProto));
        return response;
    }

    /// <summary>Catch-up from the durable feed, then live; see <see cref="ClaimFeed.WatchAsync"/>.</summary>
    [Authorize(Scopes.ClaimsRead)]
    public override async Task WatchClaims(
        V1.WatchClaimsRequest request,
        IServerStreamWriter<V1.ClaimEvent> responseStream,
        ServerCallContext context)
    {
        // A watch never ends by itself: when the server starts stopping, end it with UNAVAILABLE at once,
        // or the graceful drain of in-flight requests would wait for it until the shutdown timeout.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await WatchAsync(request, responseStream, context, stopping.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested
            && !context.CancellationToken.IsCancellationRequested)
        {
        }        catch (FeedPrunedException pruned)
        {
            throw new RpcException(new Status(
                StatusCode.OutOfRange,
                $"cursor '{FeedCursor.Format(pruned.After)}' is older than the claim feed keeps (Storage:FeedRetention): its " +
                $"oldest entry is after '{FeedCursor.Format(pruned.Floor)}'. Start over with include_snapshot and no cursor: every " +
                "claim's current state, then live changes"));
        }

        throw new RpcException(
            new Status(StatusCode.Unavailable, "the server is shutting down; reconnect with the cursor of the last event you received"));
    }

    private async Task WatchAsync(
        V1.WatchClaimsRequest request,
        IServerStreamWriter<V1.ClaimEvent> responseStream,
        ServerCallContext context,
        CancellationToken cancellation)
    {
        long? after = null;
        if (request.Cursor.Length > 0)
        {
            if (!FeedCursor.TryParse(request.Cursor, out var position))
            {
                throw RequestValidator.Invalid($"cursor '{request.Cursor}' is not a cursor this server issued; pass the cursor of the " +
                    $"last event you received, or none for live events");
            }

            after = position;
        }

        var filter = WatchFilter.From(request);
        var headersSent = false;
        if (request.IncludeSnapshot)
        {
            if (after is not null)
            {
                throw RequestValidator.Invalid(
                    "include_snapshot and cursor cannot be combined: resume with the cursor alone, or start over with include_snapshot");
            }

            // The committed head, not the dispatched one: a claim in the snapshot must not come again as a live event.
            after = await feed.CommittedPositionAsync(cancellation);
            await foreach (var claim in SnapshotAsync(request, filter, cancellation))
            {
                await responseStream.WriteAsync(new V1.ClaimEvent
                {
                    Cursor = FeedCursor.Format(after.Value),
                    Kind = V1.ClaimEventKind.ClaimSnapshot,
                    Claim = ProtoMapper.ToProto(claim),
                    OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(claim.UpdatedAt),
                }, cancellation);
                headersSent = true;
            }
        }

        // Response headers go out once the watch is subscribed: a client that awaits them knows that
        // everything registered from then on will reach it, even without a cursor.
        Task SendHeaders() => headersSent ? Task.CompletedTask : context.WriteResponseHeadersAsync(new Metadata());

        // A gRPC call gets the entries' frames, encoded once per silo (ClaimEventFrames), copied into its
        // body with one flush for what is ready. JSON transcoding (GET /v1/claims:watch) formats messages.
        var body = IsGrpcCall(context) ? context.GetHttpContext().Response.BodyWriter : null;
        await foreach (var batch in feed.WatchBatchesAsync(
            after,
            filter.Matches,
            watchOptions.CurrentValue.BufferSize,
            cancellation,
            SendHeaders))
        {
            if (body is not null)
            {
                if (!await ClaimEventFrames.WriteAsync(body, batch, cancellation))
                {
                    return;
                }

                continue;
            }

            foreach (var feedEvent in batch)
            {
                await responseStream.WriteAsync(ProtoMapper.ToProto(feedEvent), cancellation);
            }
        }
    }

    private static bool IsGrpcCall(ServerCallContext context) =>
        context.GetHttpContext().Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The current state of the claims a watch selects, read a page at a time as the client takes them.</summary>
    private async IAsyncEnumerable<ClaimSummary> SnapshotAsync(
        V1.WatchClaimsRequest request,
        WatchFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        if (request.ClaimIds.Count > 0)
        {
            foreach (var claimId in request.ClaimIds.Distinct(StringComparer.Ordinal))
            {
                var details = await readSide.GetClaimAsync(claimId, 0, string.Empty).WaitAsync(cancellation);
                if (details is not null && filter.Matches(details.Summary))
                {
                    yield return details.Summary;
                }
            }

            yield break;
        }

        var query = new ClaimQuery(
            request.Statuses.Count == 1 ? ProtoMapper.FromProto(request.Statuses[0]) : null,
            request.ActorIds.Count == 1 ? request.ActorIds[0] : null,
            null,
            SnapshotPage,
            null);
        while (true)
        {
            var page = await readSide.ListClaimsAsync(query, cancellation);
            foreach (var summary in page.Items)
            {
                if (filter.Matches(summary))
                {
                    yield return summary;
                }
            }

            if (page.NextBefore is null)
            {
                yield break;
            }

            query = query with { Before = page.NextBefore };
        }
    }

    private static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));
}
