using ClaimTracker.Grains;
using ClaimTracker.Grains.History;
using ClaimTracker.Grains.Reliability;
using ClaimTracker.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>History and timelines: claims and actors as they stood at a version or time, their versions, a claim's timeline.</summary>
internal sealed partial class ClaimTrackerService
{
    private const int DefaultHistoryPage = 50;
    private const int MaxHistoryPage = 500;
    private const int DefaultTimelinePage = 200;
    private const int MaxTimelinePage = 1000;

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.GetClaimHistoryResponse> GetClaimHistory(V1.GetClaimHistoryRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ClaimId, "claim_id");
        var pageSize = PageTokens.PageSize(request.PageSize, DefaultHistoryPage, MaxHistoryPage, "page_size");
        var after = PageTokens.Parse(request.PageToken, "page_token") ?? 0;
        var page = await claimHistory.GetHistoryAsync(
            request.ClaimId, after, pageSize, request.StatusChangesOnly, context.CancellationToken)
            ?? throw NotFound($"claim '{request.ClaimId}' does not exist");
        var response = new V1.GetClaimHistoryResponse
        {
            ClaimId = request.ClaimId,
            NextPageToken = PageTokens.Format(page.NextAfter),
            LatestVersion = page.LatestVersion,
        };
        var board = await grades.LatestAsync(context.CancellationToken);
        response.Versions.Add(page.Versions.Select(v => ToProto(v, board)));
        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ClaimTimeline> GetClaimTimeline(V1.GetClaimTimelineRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ClaimId, "claim_id");
        var pageSize = PageTokens.PageSize(request.PageSize, DefaultTimelinePage, MaxTimelinePage, "page_size");
        var offset = PageTokens.Parse(request.PageToken, "page_token") ?? 0;
        var timeline = await claimHistory.GetTimelineAsync(
            request.ClaimId, (int)Math.Min(offset, int.MaxValue), pageSize, context.CancellationToken)
            ?? throw NotFound($"claim '{request.ClaimId}' does not exist");
        return ToProto(timeline, await grades.LatestAsync(context.CancellationToken));
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.GetActorHistoryResponse> GetActorHistory(V1.GetActorHistoryRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ActorId, "actor_id");
        var pageSize = PageTokens.PageSize(request.PageSize, DefaultHistoryPage, MaxHistoryPage, "page_size");
        var after = PageTokens.Parse(request.PageToken, "page_token") ?? 0;
        var page = await actorHistory.GetHistoryAsync(request.ActorId, after, pageSize, context.CancellationToken)
            ?? throw NotFound($"actor '{request.ActorId}' does not exist");
        var response = new V1.GetActorHistoryResponse { ActorId = request.ActorId, NextPageToken = PageTokens.Format(page.NextAfter) };
        response.Versions.Add(page.Versions.Select(ToProto));
        return response;
    }

    /// <summary>GetClaim with as_of or version: the claim replayed from its journal up to that point.</summary>
    private async Task<V1.Claim> GetClaimAtAsync(V1.GetClaimRequest request, int statementPageSize, ServerCallContext context)
    {
        var point = HistoryPointOf(request.AsOf, request.Version);
        var at = await claimHistory.GetClaimAtAsync(
            request.ClaimId, point, statementPageSize, request.StatementPageToken, context.CancellationToken)
            ?? throw NotFound($"claim '{request.ClaimId}' does not exist");
        if (point.Version > at.LatestVersion)
        {
            throw new RpcException(new Status(
                StatusCode.OutOfRange,
                $"claim '{request.ClaimId}' has {at.LatestVersion} versions; ask for a version from 1 to {at.LatestVersion}"));
        }

        var details = at.Details
            ?? throw NotFound($"claim '{request.ClaimId}' did not exist yet at {point.AsOf:O}; its first version was recorded later");
        return ProtoMapper.ToProto(details, await grades.LatestAsync(context.CancellationToken));
    }

    /// <summary>GetActor with as_of or version: the actor replayed from its journal up to that point.</summary>
    private async Task<V1.Actor> GetActorAtAsync(V1.GetActorRequest request, ServerCallContext context)
    {
        var point = HistoryPointOf(request.AsOf, request.Version);
        var at = await actorHistory.GetActorAtAsync(request.ActorId, point, context.CancellationToken)
            ?? throw NotFound($"actor '{request.ActorId}' does not exist");
        if (point.Version > at.LatestVersion)
        {
            throw new RpcException(new Status(
                StatusCode.OutOfRange,
                $"actor '{request.ActorId}' has {at.LatestVersion} versions; ask for a version from 1 to {at.LatestVersion}"));
        }

        return ProtoMapper.ToProto(at.Snapshot
            ?? throw NotFound($"actor '{request.ActorId}' was not known yet at {point.AsOf:O}; it was first seen later"));
    }

    private static bool AsksForThePast(Timestamp? asOf, long version) => asOf is not null || version != 0;

    private static HistoryPoint HistoryPointOf(Timestamp? asOf, long version)
    {
        if (asOf is not null && version != 0)
        {
            throw RequestValidator.Invalid("as_of and version are alternatives: set one of them, or neither for the current state");
        }

        if (version < 0)
        {
            throw RequestValidator.Invalid("version must be positive (1 = the first version)");
        }

        if (asOf is null)
        {
            return new HistoryPoint(version, null);
        }

        if (asOf.Nanos is < 0 or > 999_999_999 || asOf.Seconds is < -62_135_596_800 or > 253_402_300_799)
        {
            throw RequestValidator.Invalid("as_of is not a valid timestamp (years 0001 to 9999, nanos 0 to 999,999,999)");
        }

        return new HistoryPoint(null, asOf.ToDateTimeOffset());
    }

    private static V1.ClaimVersion ToProto(ClaimVersionRecord record, GradeBoard? grades)
    {
        var proto = new V1.ClaimVersion
        {
            Version = record.After.Version,
            RecordedAt = Timestamp.FromDateTimeOffset(record.Statement.RecordedAt),
            Statement = ProtoMapper.ToProto(record.Statement, grades),
            ClaimCreated = record.Created,
            Status = ProtoMapper.ToProto(record.After.Status),
            PreviousStatus = ProtoMapper.ToProto(record.PreviousStatus),
            Credibility = record.After.Credibility,
            PreviousCredibility = record.PreviousCredibility,
            StatusChanged = record.StatusChanged,
        };
        proto.StatusReasons.Add(record.After.Reasons);
        proto.Changes.Add(record.Changes);
        proto.SupportingOrigins.Add(record.After.SupportingOrigins);
        proto.ContradictingOrigins.Add(record.After.ContradictingOrigins);
        return proto;
    }

    private static V1.ActorVersion ToProto(ActorVersionRecord record)
    {
        var proto = new V1.ActorVersion { Version = record.Version, NewAlias = record.NewAlias, Name = record.Name };
        switch (record.Event)
        {
            case AliasSeen seen:
                proto.ReportId = seen.ReportId;
                proto.Alias = seen.Alias;
                proto.ReportAliases.Add(seen.Alias);
                break;
            case StatementAttributed attributed:
                proto.ReportId = attributed.ReportId;
                proto.StatementId = attributed.StatementId;
                proto.ClaimId = attributed.ClaimId;
                proto.Statements.Add(new V1.AttributedStatement { StatementId = attributed.StatementId, ClaimId = attributed.ClaimId });
                break;
            case ReportActivityRecorded activity:
                proto.ReportId = activity.ReportId;
                proto.Alias = activity.Aliases.FirstOrDefault() ?? string.Empty;
                proto.ReportAliases.Add(activity.Aliases);
                proto.StatementId = activity.Statements.FirstOrDefault()?.StatementId ?? string.Empty;
                proto.ClaimId = activity.Statements.FirstOrDefault()?.ClaimId ?? string.Empty;
                proto.Statements.Add(
                    activity.Statements.Select(s => new V1.AttributedStatement { StatementId = s.StatementId, ClaimId = s.ClaimId }));
                break;
        }

        if (ActorHistory.RecordedAt(record.Event) is { } recordedAt)
        {
            proto.RecordedAt = Timestamp.FromDateTimeOffset(recordedAt);
        }

        proto.Aliases.Add(record.Aliases);
        return proto;
    }

    private static V1.ClaimTimeline ToProto(ClaimTimelineRecord timeline, GradeBoard? grades)
    {
        var proto = new V1.ClaimTimeline
        {
            ClaimId = timeline.ClaimId,
            Text = timeline.Text,
            FirstAppearance = ToProto(timeline.FirstAppearance, grades),
            NextPageToken = PageTokens.Format(timeline.NextOffset),
            Status = ProtoMapper.ToProto(timeline.Status),
            StatementCount = timeline.StatementCount,
        };
        proto.Entries.Add(timeline.Entries.Select(e => ToProto(e, grades)));
        proto.Origins.Add(timeline.Origins.Select(o => new V1.OriginFirstSeen
        {
            OriginActorId = o.OriginActorId,
            Origin = o.Origin,
            FirstSpokeAt = Timestamp.FromDateTimeOffset(o.FirstSpokeAt),
            FirstStatementId = o.FirstStatementId,
            FirstOutlet = o.FirstOutlet,
            StatementCount = o.StatementCount,
            Position = ProtoMapper.ToProto(o.Position),
        }));
        proto.Turns.Add(timeline.Turns.Select(t =>
        {
            var turn = new V1.StatusTurn
            {
                At = Timestamp.FromDateTimeOffset(t.At),
                From = ProtoMapper.ToProto(t.From),
                To = ProtoMapper.ToProto(t.To),
                StatementId = t.Statement.StatementId,
                Origin = t.Statement.OriginName,
                Outlet = t.Statement.Source,
            };
            turn.Reasons.Add(t.Reasons);
            return turn;
        }));
        return proto;
    }

    private static V1.TimelineEntry ToProto(TimelineEntryRecord entry, GradeBoard? grades)
    {
        var statement = entry.Statement;
        var proto = new V1.TimelineEntry
        {
            At = Timestamp.FromDateTimeOffset(entry.At),
            StatementId = statement.StatementId,
            ReportId = statement.ReportId,
            Outlet = statement.Source,
            Speaker = statement.Speaker,
            OriginActorId = statement.OriginActorId,
            Origin = statement.OriginName,
            PickedUpFrom = statement.Via.Length > 0 ? statement.Via[0] : statement.Speaker,
            Stance = ProtoMapper.ToProto(statement.Stance),
            Modality = ProtoMapper.ToProto(statement.Modality),
            OriginFirstSpoke = entry.OriginFirstSpoke,
            StatusAfter = ProtoMapper.ToProto(entry.StatusAfter),
            StatusTurned = entry.StatusTurned,
            Version = entry.Version,
            Content = statement.Content,
        };
        proto.Chain.Add(statement.Source);
        proto.Chain.Add(statement.Via);
        proto.Chain.Add(statement.Speaker);
        ProtoMapper.Grade(proto, statement, grades);
        return proto;
    }
}
