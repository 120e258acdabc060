using ClaimTracker.Grains;
using ClaimTracker.Storage;
using Google.Protobuf.WellKnownTypes;
using ClaimTracker.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Search and lists: claims by words and by meaning, statements, reports, an actor's claims a page at a time.</summary>
internal sealed partial class ClaimTrackerService
{
    private const int CountCap = 10_000;
    private const int DefaultSearchLimit = 10;
    private const int MaxSearchLimit = 50;
    private const int MaxSearchTextLength = 2000;
    private const int DefaultActorPage = 1000;
    private const int MaxActorPage = 10_000;

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListClaimsResponse> ListClaims(V1.ListClaimsRequest request, ServerCallContext context)
    {
        if (!System.Enum.IsDefined(request.Status))
        {
            throw RequestValidator.Invalid($"status has unknown value {(int)request.Status}");
        }

        if (!System.Enum.IsDefined(request.Sort))
        {
            throw RequestValidator.Invalid($"sort has unknown value {(int)request.Sort}");
        }

        var filter = request.Filter ?? new V1.ClaimFilter();
        if (filter.MaxCredibility is < 0 or > 6)
        {
            throw RequestValidator.Invalid("filter.max_credibility must be 1 (confirmed) … 6 (cannot be judged), or 0 for any");
        }

        if (filter.MinOrigins < 0)
        {
            throw RequestValidator.Invalid("filter.min_origins must not be negative");
        }

        var filters = ListPageToken.Filters(request, r => { r.PageToken = string.Empty; r.PageSize = 0; });
        var hasWords = request.Query.Any(char.IsLetterOrDigit);
        var sort = request.Sort switch
        {
            V1.ClaimSort.Newest => ClaimSort.Newest,
            V1.ClaimSort.RecentlyUpdated => ClaimSort.RecentlyUpdated,
            V1.ClaimSort.MostStatements => ClaimSort.MostStatements,
            V1.ClaimSort.Relevance => hasWords ? ClaimSort.Relevance
                : throw RequestValidator.Invalid("sort RELEVANCE needs words in query"),
            _ => hasWords ? ClaimSort.Relevance : ClaimSort.Newest,
        };
        var query = new ClaimQuery(
            request.Status == V1.CorroborationStatus.Unspecified ? null : ProtoMapper.FromProto(request.Status),
            request.ActorId.Length == 0 ? null : request.ActorId,
            RequestValidator.Query(request.Query, limits.CurrentValue),
            PageTokens.PageSize(request.PageSize, DefaultListPage, MaxListPage, "page_size"),
            null)
        {
            Sort = sort,
            After = ListPageToken.Parse(request.PageToken, "claims", filters, "page_token"),
            FirstReported = Range(filter.FirstReportedAfter, filter.FirstReportedBefore, "filter.first_reported"),
            Updated = Range(filter.UpdatedAfter, filter.UpdatedBefore, "filter.updated"),
            MaxCredibility = filter.MaxCredibility == 0 ? null : filter.MaxCredibility,
            MinOrigins = filter.MinOrigins == 0 ? null : filter.MinOrigins,
        };

        var page = await lists.ListClaimsAsync(query, context.CancellationToken);
        var response = new V1.ListClaimsResponse { NextPageToken = ListPageToken.Format("claims", filters, page.Next) };
        response.Claims.Add(page.Items.Select(ProtoMapper.ToProto));
        if (request.PageToken.Length == 0)
        {
            var count = await lists.EstimateClaimsAsync(query, CountCap, context.CancellationToken);
            response.TotalSizeEstimate = count.Count;
            response.TotalSizeExact = count.Exact;
        }

        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.Actor> GetActor(V1.GetActorRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ActorId, "actor_id");
        if (AsksForThePast(request.AsOf, request.Version))
        {
            return await GetActorAtAsync(request, context);
        }

        var claimPage = PageTokens.PageSize(request.ClaimPageSize, DefaultActorPage, MaxActorPage, "claim_page_size");
        var sightingPage = PageTokens.PageSize(request.SightingPageSize, DefaultActorPage, MaxActorPage, "sighting_page_size");
        var claimList = "actor-claims:" + request.ActorId;
        var sightingList = "actor-sightings:" + request.ActorId;
        var claimStart = Offset(request.ClaimPageToken, claimList, "claim_page_token");
        var sightingStart = Offset(request.SightingPageToken, sightingList, "sighting_page_token");

        var actor = await readSide.GetActorAsync(request.ActorId).WaitAsync(context.CancellationToken)
            ?? throw NotFound($"actor '{request.ActorId}' does not exist");
        var proto = ProtoMapper.ToProto(actor with
        {
            ClaimIds = [.. actor.ClaimIds.Skip(claimStart).Take(claimPage)],
            Sightings = [.. actor.Sightings.Skip(sightingStart).Take(sightingPage)],
        });
        proto.NextClaimPageToken = NextOffset(claimList, claimStart, claimPage, actor.ClaimIds.Length);
        proto.NextSightingPageToken = NextOffset(sightingList, sightingStart, sightingPage, actor.Sightings.Length);
        return proto;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.SearchClaimsResponse> SearchClaims(V1.SearchClaimsRequest request, ServerCallContext context)
    {
        if (!request.Text.Any(char.IsLetterOrDigit))
        {
            throw RequestValidator.Invalid("text is required: a sentence or a few words to find claims like it");
        }

        if (request.Text.Length > MaxSearchTextLength)
        {
            throw RequestValidator.Invalid($"text is {request.Text.Length} characters long; at most {MaxSearchTextLength}");
        }

        var limit = PageTokens.PageSize(request.Limit, DefaultSearchLimit, MaxSearchLimit, "limit");
        if (!lists.CanSearchByMeaning)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "this server links claims by exact text (Matching:Mode=Exact) and keeps no index of meaning; " +
                "use ListClaims with query to find claims by their words"));
        }

        var answer = await lists.SearchClaimsAsync(request.Text, limit, context.CancellationToken);
        var response = new V1.SearchClaimsResponse();
        response.Matches.Add(answer.Claims.Select(found => new V1.ClaimMatch
        {
            Claim = ProtoMapper.ToProto(found.Claim),
            Score = found.Hit.Score,
            Cosine = found.Hit.Cosine,
            Lexical = found.Hit.Lexical,
            Explanation = found.Hit.Explanation,
        }));
        if (request.DryRun)
        {
            response.DryRun = new V1.LinkDecision
            {
                ClaimId = answer.Preview.ClaimId ?? string.Empty,
                Score = answer.Preview.Score,
                Reason = answer.Preview.Reason,
                Stance = ProtoMapper.ToProto(answer.Preview.Stance),
                StanceReason = answer.Preview.StanceReason,
            };
        }

        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListStatementsResponse> ListStatements(V1.ListStatementsRequest request, ServerCallContext context)
    {
        if (!System.Enum.IsDefined(request.Stance))
        {
            throw RequestValidator.Invalid($"stance has unknown value {(int)request.Stance}");
        }

        var filters = ListPageToken.Filters(request, r => { r.PageToken = string.Empty; r.PageSize = 0; });
        var query = new StatementQuery(
            PageTokens.PageSize(request.PageSize, DefaultListPage, MaxListPage, "page_size"),
            ListPageToken.Parse(request.PageToken, "statements", filters, "page_token")?.Seq)
        {
            ActorId = OrNull(request.ActorId),
            OriginActorId = OrNull(request.OriginActorId),
            SourceActorId = OrNull(request.OutletActorId),
            ReportId = OrNull(request.ReportId),
            ClaimId = OrNull(request.ClaimId),
            Stance = request.Stance == V1.Stance.Unspecified ? null : (int)request.Stance,
            Published = Range(request.PublishedAfter, request.PublishedBefore, "published"),
        };
        var page = await lists.ListStatementsAsync(query, context.CancellationToken);
        var response = new V1.ListStatementsResponse { NextPageToken = SeqToken("statements", filters, page.NextBefore) };
        var board = await grades.LatestAsync(context.CancellationToken);
        response.Statements.Add(page.Items.Select(listed =>
        {
            var statement = ProtoMapper.ToProto(listed.Statement, board);
            statement.Withdrawn = listed.WithdrawnNote is not null;
            statement.WithdrawnReason = listed.WithdrawnNote ?? string.Empty;
            return statement;
        }));
        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListReportsResponse> ListReports(V1.ListReportsRequest request, ServerCallContext context)
    {
        var filters = ListPageToken.Filters(request, r => { r.PageToken = string.Empty; r.PageSize = 0; });
        var query = new ReportQuery(
            PageTokens.PageSize(request.PageSize, DefaultListPage, MaxListPage, "page_size"),
            ListPageToken.Parse(request.PageToken, "reports", filters, "page_token")?.Seq)
        {
            SourceActorId = OrNull(request.OutletActorId),
            Published = Range(request.PublishedAfter, request.PublishedBefore, "published"),
            Text = RequestValidator.Query(request.Query, limits.CurrentValue),
        };
        var page = await lists.ListReportsAsync(query, context.CancellationToken);
        var response = new V1.ListReportsResponse { NextPageToken = SeqToken("reports", filters, page.NextBefore) };
        response.Reports.Add(page.Items.Select(report =>
        {
            var proto = ProtoMapper.ToProto(report);
            proto.Text = string.Empty;
            return proto;
        }));
        return response;
    }

    private static string? OrNull(string value) => value.Length == 0 ? null : value;

    private static string SeqToken(string list, string filters, long? before) =>
        ListPageToken.Format(list, filters, before is { } seq ? new ListPosition(0, 0, seq) : null);

    private static int Offset(string token, string list, string field) =>
        (int)Math.Min(int.MaxValue, ListPageToken.Parse(token, list, string.Empty, field)?.Seq ?? 0);

    private static string NextOffset(string list, int start, int pageSize, int total) =>
        start + pageSize < total ? ListPageToken.Format(list, string.Empty, new ListPosition(0, 0, start + pageSize)) : string.Empty;

    /// <summary>[after, before) from two optional timestamps; <paramref name="field"/>_after and _before name them in errors.</summary>
    private static TimeRange Range(Timestamp? after, Timestamp? before, string field)
    {
        var from = Time(after, field + "_after");
        var to = Time(before, field + "_before");
        if (from is not null && to is not null && from >= to)
        {
            throw RequestValidator.Invalid($"{field}_after must be earlier than {field}_before");
        }

        return new TimeRange(from, to);
    }

    private static DateTimeOffset? Time(Timestamp? time, string field)
    {
        if (time is null)
        {
            return null;
        }

        // The range Timestamp allows: 0001-01-01 … 9999-12-31, nanos 0 … 999,999,999.
        if (time.Seconds is < -62_135_596_800 or > 253_402_300_799 || time.Nanos is < 0 or > 999_999_999)
        {
            throw RequestValidator.Invalid($"{field} is not a valid timestamp");
        }

        return time.ToDateTimeOffset();
    }
}
