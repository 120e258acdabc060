using ClaimTracker.Grains;
using ClaimTracker.Grains.Feed;
using Google.Protobuf.WellKnownTypes;
using Domain = ClaimTracker.Analysis;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Maps between the grains' records and the v1 protobuf contract.</summary>
internal static partial class ProtoMapper
{
    public static V1.Report ToProto(ReportRecord report)
    {
        var proto = new V1.Report
        {
            ReportId = report.ReportId,
            Revision = report.Revision,
            Retracted = report.Retracted,
            RetractionReason = report.RetractionReason,
            Source = report.Source,
            SourceActorId = report.SourceActorId,
            Url = report.Url,
            Title = report.Title,
            Text = report.Text,
            RegisteredAt = Timestamp.FromDateTimeOffset(report.RegisteredAt),
            RegisteredBy = report.RegisteredBy ?? string.Empty,
        };
        if (report.PublishedAt is { } published)
        {
            proto.PublishedAt = Timestamp.FromDateTimeOffset(published);
        }

        proto.StatementIds.Add(report.StatementIds);
        proto.PreviousRevisions.Add(report.PreviousRevisions.Select(ToProto));
        return proto;
    }

    public static V1.StatementOutcome ToProto(StatementOutcomeRecord outcome) => new()
    {
        StatementId = outcome.StatementId,
        ActorId = outcome.ActorId,
        ClaimId = outcome.ClaimId,
        Stance = ToProto(outcome.Stance),
        ClaimCreated = outcome.ClaimCreated,
        ClaimStatus = ToProto(outcome.ClaimStatus),
    };

    public static V1.Claim ToProto(ClaimSummary summary)
    {
        var claim = new V1.Claim
        {
            ClaimId = summary.ClaimId,
            Text = summary.Text,
            Status = ToProto(summary.Status),
            Credibility = summary.Credibility,
            StatementCount = summary.StatementCount,
            FirstReportedAt = Timestamp.FromDateTimeOffset(summary.FirstReportedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(summary.UpdatedAt),
            Version = summary.Version,
            Verbatim = summary.Verbatim,
            WithdrawnStatementCount = summary.WithdrawnCount,
        };
        claim.MergedClaimIds.Add(summary.MergedClaimIds);
        claim.Relations.Add(summary.Relations.Select(r => new V1.ClaimRelation
        {
            Kind = (V1.ClaimRelationKind)(int)r.Kind, OtherClaimId = r.OtherClaimId, IsSubject = r.IsSubject, CorrectionId = r.CorrectionId,
        }));
        claim.StatusReasons.Add(summary.Reasons);
        claim.SupportingOrigins.Add(summary.SupportingOrigins);
        claim.ContradictingOrigins.Add(summary.ContradictingOrigins);
        claim.ActorIds.Add(summary.ActorIds);
        return claim;
    }

    public static V1.Claim ToProto(ClaimDetails details)
    {
        var claim = ToProto(details.Summary);
        claim.Statements.Add(details.Statements.Select(s =>
        {
            var statement = ToProto(s);
            if (details.Withdrawn.TryGetValue(s.StatementId, out var why))
            {
                statement.Withdrawn = true;
                statement.WithdrawnReason = why;
            }

            return statement;
        }));
        claim.NextStatementPageToken = details.NextStatementPageToken;
        return claim;
    }

    public static V1.Statement ToProto(StatementRecord statement)
    {
        var proto = new V1.Statement
        {
            StatementId = statement.StatementId,
            ReportId = statement.ReportId,
            ClaimId = statement.ClaimId,
            ActorId = statement.ActorId,
            Speaker = statement.Speaker,
            Content = statement.Content,
            Quote = statement.Quote,
            OriginActorId = statement.OriginActorId,
            OriginName = statement.OriginName,
            Stance = ToProto(statement.Stance),
            Modality = ToProto(statement.Modality),
            StanceReason = statement.StanceReason,
            StanceConfidence = statement.StanceConfidence,
            Cue = statement.Cue,
            Source = statement.Source,
            RecordedAt = Timestamp.FromDateTimeOffset(statement.RecordedAt),
            SourceSpan = ToProto(statement.SourceSpan),
            CueSpan = ToProto(statement.CueSpan),
            ContentSpan = ToProto(statement.ContentSpan),
        };
        if (statement.PublishedAt is { } published)
        {
            proto.PublishedAt = Timestamp.FromDateTimeOffset(published);
        }

        proto.Via.Add(statement.Via);
        proto.ViaActorIds.Add(statement.ViaActorIds);
        return proto;
    }

    public static V1.Actor ToProto(ActorSnapshot actor)
    {
        var proto = new V1.Actor
        {
            ActorId = actor.ActorId,
            Name = actor.Name,
            Kind = ToProto(actor.Kind),
            StatementCount = actor.StatementCount,
            MergedInto = actor.MergedInto,
        };
        proto.Aliases.Add(actor.Aliases);
        proto.ClaimIds.Add(actor.ClaimIds);
        proto.AliasSightings.Add(actor.Sightings.Select(s => new V1.AliasSighting { Alias = s.Alias, ReportId = s.ReportId }));
        return proto;
    }

    public static V1.ClaimEvent ToProto(FeedEvent feedEvent) => ToProto(feedEvent.Position, feedEvent.Change);

    public static V1.ClaimEvent ToProto(long position, ClaimChange change)
    {
        var proto = new V1.ClaimEvent
        {
            Cursor = FeedCursor.Format(position),
            Kind = change.Kind switch
            {
                ClaimChangeKind.ClaimCreated => V1.ClaimEventKind.ClaimCreated,
                ClaimChangeKind.StatementAdded => V1.ClaimEventKind.StatementAdded,
                ClaimChangeKind.StatusChanged => V1.ClaimEventKind.StatusChanged,
                ClaimChangeKind.ClaimsMerged => V1.ClaimEventKind.ClaimsMerged,
                ClaimChangeKind.ClaimsUnmerged => V1.ClaimEventKind.ClaimsUnmerged,
                ClaimChangeKind.StatementRelinked => V1.ClaimEventKind.StatementRelinked,
                ClaimChangeKind.StatementWithdrawn => V1.ClaimEventKind.StatementWithdrawn,
                ClaimChangeKind.ActorsMerged => V1.ClaimEventKind.ActorsMerged,
                ClaimChangeKind.ActorSplit => V1.ClaimEventKind.ActorSplit,
                ClaimChangeKind.ClaimsRelated => V1.ClaimEventKind.ClaimsRelated,
                _ => V1.ClaimEventKind.Unspecified,
            },
            Claim = ToProto(change.Claim),
            OccurredAt = Timestamp.FromDateTimeOffset(change.OccurredAt),
            PreviousStatus = ToProto(change.PreviousStatus),
        };
        if (change.Statement is { } statement)
        {
            proto.Statement = ToProto(statement);
        }

        if (change.Correction is { } correction)
        {
            proto.Correction = ToProto(correction);
        }

        return proto;
    }

    public static V1.Correction ToProto(Correction correction)
    {
        var proto = new V1.Correction
        {
            CorrectionId = correction.CorrectionId,
            Kind = (V1.CorrectionKind)(int)correction.Kind,
            Analyst = correction.Analyst,
            Reason = correction.Reason,
            RecordedAt = Timestamp.FromDateTimeOffset(correction.RecordedAt),
            ReportId = correction.ReportId,
            Summary = correction.Summary,
            MergeId = correction.MergeId,
            Relation = (V1.ClaimRelationKind)(int)correction.Relation,
        };
        proto.ClaimIds.Add(correction.ClaimIds);
        proto.ActorIds.Add(correction.ActorIds);
        proto.StatementIds.Add(correction.StatementIds);
        proto.Aliases.Add(correction.Aliases);
        return proto;
    }

    public static V1.Stance ToProto(Domain.Stance stance) => (V1.Stance)(int)stance;

    public static V1.Modality ToProto(Domain.Modality modality) => (V1.Modality)(int)modality;

    public static V1.CorroborationStatus ToProto(Domain.CorroborationStatus status) => (V1.CorroborationStatus)(int)status;

    public static V1.ActorKind ToProto(Domain.ActorKind kind) => (V1.ActorKind)(int)kind;

    public static Domain.Stance FromProto(V1.Stance stance) => (Domain.Stance)(int)stance;

    public static Domain.Modality FromProto(V1.Modality modality) => (Domain.Modality)(int)modality;

    public static Domain.CorroborationStatus FromProto(V1.CorroborationStatus status) => (Domain.CorroborationStatus)(int)status;

    private static V1.Span? ToProto(TextRange? range) => range is { } r ? new V1.Span { Begin = r.Begin, End = r.End } : null;
}
