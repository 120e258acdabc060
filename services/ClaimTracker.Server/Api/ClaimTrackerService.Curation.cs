using ClaimTracker.Grains;
using ClaimTracker.Grains.Corrections;
using ClaimTracker.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using Microsoft.AspNetCore.Authorization;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>The Corrections section: analysts' merges, relinks and relations, outlets' corrections and retractions.</summary>
internal sealed partial class ClaimTrackerService
{
    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> MergeClaims(V1.MergeClaimsRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.SourceClaimId, "source_claim_id");
        RequestValidator.RequireId(request.TargetClaimId, "target_claim_id");
        return CorrectAsync(
            CorrectionKind.MergeClaims, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.MergeClaimsAsync(c, request.SourceClaimId, request.TargetClaimId));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> UnmergeClaims(V1.UnmergeClaimsRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.MergeId, "merge_id");
        return CorrectAsync(
            CorrectionKind.UnmergeClaims, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.UnmergeClaimsAsync(c, request.MergeId));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> RelinkStatement(V1.RelinkStatementRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.StatementId, "statement_id");
        RequestValidator.RequireId(request.FromClaimId, "from_claim_id");
        if (request.ToClaimId.Length > 0)
        {
            RequestValidator.RequireId(request.ToClaimId, "to_claim_id");
        }

        Analysis.Stance? stance = null;
        if (request.Stance.Length > 0)
        {
            // By name only: Enum.TryParse also takes numbers, "99" included.
            stance = System.Enum.TryParse<V1.Stance>(request.Stance, ignoreCase: true, out var parsed)
                && parsed != V1.Stance.Unspecified && System.Enum.IsDefined(parsed) && !char.IsAsciiDigit(request.Stance.Trim()[0])
                ? ProtoMapper.FromProto(parsed)
                : throw RequestValidator.Invalid(
                    $"stance '{RequestValidator.Quote(request.Stance)}' is not one of SUPPORTS, CONTRADICTS, OBSERVING, QUERIES");
        }

        return CorrectAsync(
            CorrectionKind.RelinkStatement, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.RelinkStatementAsync(c, request.StatementId, request.FromClaimId, request.ToClaimId, stance));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> RelateClaims(V1.RelateClaimsRequest request, ServerCallContext context) =>
        RelateAsync(
            CorrectionKind.RelateClaims, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            request.SubjectClaimId, request.Relation, request.ObjectClaimId, removed: false);

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> UnrelateClaims(V1.UnrelateClaimsRequest request, ServerCallContext context) =>
        RelateAsync(
            CorrectionKind.UnrelateClaims, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            request.SubjectClaimId, request.Relation, request.ObjectClaimId, removed: true);

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> RetractReport(V1.RetractReportRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ReportId, "report_id");
        return CorrectAsync(
            CorrectionKind.RetractReport, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.RetractReportAsync(c, request.ReportId));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> CorrectReport(V1.CorrectReportRequest request, ServerCallContext context)
    {
        // Validated as a registration would be; source and publication time stay the report's own.
        var asRegistration = new V1.RegisterReportRequest
        {
            ReportId = request.ReportId, Source = "(the report's own)", Url = request.Url, Title = request.Title, Text = request.Text,
        };
        asRegistration.Statements.Add(request.Statements.Select(s =>
        {
            var input = new V1.StatementInput
            {
                Speaker = s.Speaker, Content = s.Content, Quote = s.Quote, Modality = s.Hedged ? V1.Modality.Hedged : V1.Modality.Asserted,
            };
            input.Via.Add(s.Via);
            return input;
        }));
        var revision = RequestValidator.ToSubmission(asRegistration, ingestOptions.CurrentValue);
        return CorrectAsync(
            CorrectionKind.CorrectReport, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.CorrectReportAsync(c, revision));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> MergeActors(V1.MergeActorsRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.SourceActorId, "source_actor_id");
        RequestValidator.RequireId(request.TargetActorId, "target_actor_id");
        return CorrectAsync(
            CorrectionKind.MergeActors, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.MergeActorsAsync(c, request.SourceActorId, request.TargetActorId));
    }

    [Authorize(Scopes.CurationWrite)]
    public override Task<V1.CorrectionResponse> SplitActor(V1.SplitActorRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ActorId, "actor_id");
        if (string.IsNullOrWhiteSpace(request.Alias) || request.Alias.Length > RequestValidator.MaxFieldLength)
        {
            throw RequestValidator.Invalid("alias is required: one of the actor's aliases, as GetActor lists them");
        }

        if (request.ToActorId.Length > 0)
        {
            RequestValidator.RequireId(request.ToActorId, "to_actor_id");
        }

        return CorrectAsync(
            CorrectionKind.SplitActor, request.CorrectionId, Who(request.Analyst, context), request.Reason,
            c => corrections.SplitActorAsync(c, request.ActorId, request.Alias.Trim(), request.ToActorId));
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListCorrectionsResponse> ListCorrections(V1.ListCorrectionsRequest request, ServerCallContext context)
    {
        var subjects = new List<string>();
        foreach (var (prefix, id) in new[] { ("claim:", request.ClaimId), ("actor:", request.ActorId), ("report:", request.ReportId) })
        {
            if (id.Length > 0)
            {
                RequestValidator.RequireId(id, prefix.TrimEnd(':') + "_id");
                subjects.Add(prefix + id);
            }
        }

        var query = new CorrectionQuery(
            Who(request.Analyst, context).Length == 0 ? null : Who(request.Analyst, context),
            subjects,
            RequestValidator.OptionalTime(request.Since, "since"),
            RequestValidator.OptionalTime(request.Until, "until"),
            PageTokens.PageSize(request.PageSize, DefaultListPage, MaxListPage, "page_size"),
            PageTokens.Parse(request.PageToken, "page_token"));
        var (found, next) = await corrections.ListAsync(query, context.CancellationToken);
        var response = new V1.ListCorrectionsResponse { NextPageToken = PageTokens.Format(next) };
        response.Corrections.Add(found.Select(ProtoMapper.ToProto));
        return response;
    }

    private Task<V1.CorrectionResponse> RelateAsync(
        CorrectionKind kind, string correctionId, string analyst, string reason,
        string subjectClaimId, V1.ClaimRelationKind relation, string objectClaimId, bool removed)
    {
        RequestValidator.RequireId(subjectClaimId, "subject_claim_id");
        RequestValidator.RequireId(objectClaimId, "object_claim_id");
        if (relation == V1.ClaimRelationKind.Unspecified || !System.Enum.IsDefined(relation))
        {
            throw RequestValidator.Invalid("relation is required: REFINES, SUPERSEDES or SCOPE_DIFFERS (SAME_AS is MergeClaims)");
        }

        return CorrectAsync(
            kind, correctionId, analyst, reason,
            c => corrections.RelateClaimsAsync(c, subjectClaimId, (ClaimRelationKind)(int)relation, objectClaimId, removed));
    }

    /// <summary>
    /// Checks who, why and the correction id, returns the recorded correction when the id was used before (a retry), else
    /// runs <paramref name="run"/> and maps what it refused to a status.
    /// </summary>
    private async Task<V1.CorrectionResponse> CorrectAsync(
        CorrectionKind kind, string correctionId, string analyst, string reason, Func<Correction, Task<CorrectionOutcome>> run)
    {
        RequestValidator.RequireId(correctionId, "correction_id");
        var who = CorrectionAnalyst(analyst);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RequestValidator.Invalid("reason is required: say why, it goes on the record");
        }

        if (reason.Length > RequestValidator.MaxFieldLength)
        {
            throw RequestValidator.Invalid($"reason is longer than {RequestValidator.MaxFieldLength} characters");
        }

        if (await corrections.FindAsync(correctionId) is { } earlier)
        {
            return earlier.Kind == kind
                ? new V1.CorrectionResponse { Correction = ProtoMapper.ToProto(earlier) }
                : throw new RpcException(new Status(
                    StatusCode.AlreadyExists, $"correction_id '{correctionId}' was already used for a {earlier.Kind} correction"));
        }

        var outcome = await run(corrections.Start(kind, correctionId, who, reason.Trim()));
        return outcome.Refusal switch
        {
            CorrectionRefusal.None => new V1.CorrectionResponse { Correction = ProtoMapper.ToProto(outcome.Correction!) },
            CorrectionRefusal.NotFound => throw NotFound(outcome.Message),
            CorrectionRefusal.AlreadyDone => throw new RpcException(new Status(
                StatusCode.AlreadyExists, $"already done by correction '{outcome.Message}' (see ListCorrections)")),
            _ => throw new RpcException(new Status(StatusCode.FailedPrecondition, outcome.Message)),
        };
    }

    /// <summary>
    /// Who makes the correction: the authenticated caller when the server has authentication; on an open server, the
    /// request's analyst field (nobody can be authenticated there, so the analyst names themselves).
    /// </summary>
    private static string Who(string analyst, ServerCallContext context) =>
        CallerIdentity.Of(context) is var caller && caller != CallerIdentity.Anonymous ? caller : analyst;

    /// <summary>Checks the name recorded as who made the correction.</summary>
    private static string CorrectionAnalyst(string analyst)
    {
        if (string.IsNullOrWhiteSpace(analyst))
        {
            throw RequestValidator.Invalid("analyst is required: who makes the correction goes on the record");
        }

        RequestValidator.RequireId(analyst.Trim(), "analyst");
        return analyst.Trim();
    }
}
