using ClaimTracker.Analysis.Reliability;
using ClaimTracker.Exports.Stix;
using ClaimTracker.Grains.Reliability;
using ClaimTracker.Storage;
using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Interoperability: STIX 2.1 import (exports are HTTP downloads, see Exports/ExportEndpoints).</summary>
internal sealed partial class ClaimTrackerService
{
    /// <summary>
    /// Registers the bundle's reports in publication order, each through <see cref="RegisterReport"/> (so the same
    /// validation and idempotency apply). Statements on the same STIX note join the claim its first statement made.
    /// A report the server refuses is listed as unmapped with the reason; the others are still imported.
    /// </summary>
    [Authorize(Scopes.ReportsWrite)]
    public override async Task<V1.ImportStixResponse> ImportStix(V1.ImportStixRequest request, ServerCallContext context)
    {
        StixImportPlan plan;
        try
        {
            plan = StixImporter.Plan(request.BundleJson);
        }
        catch (ArgumentException ex)
        {
            throw RequestValidator.Invalid(ex.Message);
        }

        var response = new V1.ImportStixResponse();
        response.Unmapped.Add(plan.Unmapped);
        var claimsByNote = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var planned in plan.Reports)
        {
            var registration = planned.Request.Clone();
            for (var i = 0; i < registration.Statements.Count; i++)
            {
                if (claimsByNote.TryGetValue(planned.NoteIds[i], out var claimId))
                {
                    registration.Statements[i].ClaimId = claimId;
                }
            }

            var present = await readSide.GetReportAsync(registration.ReportId) is not null;
            V1.RegisterReportResponse registered;
            try
            {
                registered = await RegisterReport(registration, context);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.NotFound)
            {
                response.Unmapped.Add(new V1.UnmappedStixObject
                {
                    Id = registration.ReportId,
                    Type = "report",
                    Reason = $"refused ({ex.StatusCode}): {ex.Status.Detail}",
                });
                continue;
            }

            for (var i = 0; i < registered.Outcomes.Count && i < planned.NoteIds.Count; i++)
            {
                claimsByNote.TryAdd(planned.NoteIds[i], registered.Outcomes[i].ClaimId);
            }

            (present ? response.AlreadyPresentReportIds : response.ImportedReportIds).Add(registration.ReportId);
            response.StatementsImported += present ? 0 : registered.Outcomes.Count;
        }

        return response;
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListSourceReliabilityResponse> ListSourceReliability(
        V1.ListSourceReliabilityRequest request, ServerCallContext context)
    {
        // Computed afresh from the record; the grades beside statements then show this board too.
        var board = await grades.RefreshAsync(context.CancellationToken);
        var inForce = board.Overrides;
        var response = new V1.ListSourceReliabilityResponse();
        response.Sources.Add(board.Standings
            .Where(s => request.ActorId.Length == 0 || s.ActorId == request.ActorId)
            .Select(s => (Standing: s, Grade: board.GradeOf(s.ActorId, s.Role)))
            .OrderBy(s => s.Standing.Role, StringComparer.Ordinal)
            .ThenByDescending(s => s.Grade == ReliabilityGrade.F ? 0 : (int)s.Grade)
            .ThenBy(s => s.Standing.Name, StringComparer.Ordinal)
            .Select(s => ToProto(s.Standing, s.Grade, inForce.GetValueOrDefault((s.Standing.ActorId, s.Standing.Role)))));
        return response;
    }

    /// <summary>Appends an override (or its withdrawal) to the record; the grade it sets holds until the next one.</summary>
    [Authorize(Scopes.CurationWrite)]
    public override async Task<V1.ReliabilityOverride> SetReliabilityOverride(
        V1.SetReliabilityOverrideRequest request, ServerCallContext context)
    {
        RequestValidator.RequireId(request.ActorId, "actor_id");
        if (request.Role is not (ReliabilityBoard.Origin or ReliabilityBoard.Outlet))
        {
            throw RequestValidator.Invalid(
                $"role '{RequestValidator.Quote(request.Role)}' must be '{ReliabilityBoard.Origin}' or '{ReliabilityBoard.Outlet}'");
        }

        if (request.Grade.Length > 0 && !(request.Grade.Length == 1 && request.Grade[0] is >= 'A' and <= 'F'))
        {
            throw RequestValidator.Invalid(
                $"grade '{RequestValidator.Quote(request.Grade)}' must be one letter A–F, or empty to withdraw the override");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw RequestValidator.Invalid("reason is required: say why the record's grade does not fit this source");
        }

        var row = new ReliabilityOverrideRow(
            request.ActorId,
            request.Role,
            request.Grade,
            request.Reason.Trim(),
            ChangedBy(request.Analyst, context),
            DateTimeOffset.UtcNow);
        await reliabilityOverrides.AppendReliabilityOverrideAsync(row);
        await grades.OverridesChangedAsync(context.CancellationToken);
        return ToProto(row);
    }

    [Authorize(Scopes.ClaimsRead)]
    public override async Task<V1.ListReliabilityOverridesResponse> ListReliabilityOverrides(
        V1.ListReliabilityOverridesRequest request, ServerCallContext context)
    {
        var response = new V1.ListReliabilityOverridesResponse();
        response.Overrides.Add((await reliabilityOverrides.ReadReliabilityOverridesAsync(context.CancellationToken))
            .Where(o => request.ActorId.Length == 0 || o.ActorId == request.ActorId)
            .Select(ToProto));
        return response;
    }

    /// <summary>Who made a change: the authenticated caller; on an open server the analyst the request names, else anonymous.</summary>
    private static string ChangedBy(string analyst, ServerCallContext context) =>
        Who(analyst, context) is var who && !string.IsNullOrWhiteSpace(who) ? who.Trim() : CallerIdentity.Anonymous;

    private static V1.SourceReliability ToProto(SourceStanding standing, ReliabilityGrade grade, ReliabilityOverrideRow? inForce)
    {
        var proto = new V1.SourceReliability
        {
            ActorId = standing.ActorId,
            Name = standing.Name,
            Role = standing.Role,
            Grade = grade.ToString(),
            ComputedGrade = standing.Grade.ToString(),
            HeldUp = standing.Record.HeldUp,
            Contradicted = standing.Record.Contradicted,
            Retracted = standing.Record.Retracted,
            Superseded = standing.Record.Superseded,
            Judged = standing.Record.Judged,
            Rate = standing.Record.Rate,
        };
        if (inForce is not null)
        {
            proto.Override = ToProto(inForce);
        }

        return proto;
    }

    private static V1.ReliabilityOverride ToProto(ReliabilityOverrideRow row) => new()
    {
        ActorId = row.ActorId,
        Role = row.Role,
        Grade = row.Grade,
        Reason = row.Reason,
        Analyst = row.Analyst,
        RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.RecordedAt),
    };
}
