using ClaimTracker.Analysis.Reliability;
using ClaimTracker.Exports.Stix;
using ClaimTracker.Server.Reliability;
using Grpc.Core;
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

    public override async Task<V1.ListSourceReliabilityResponse> ListSourceReliability(
        V1.ListSourceReliabilityRequest request, ServerCallContext context)
    {
        var standings = await new ReliabilityBoard(readSide).ComputeAsync(context.CancellationToken);
        var response = new V1.ListSourceReliabilityResponse();
        response.Sources.Add(standings
            .Where(s => request.ActorId.Length == 0 || s.ActorId == request.ActorId)
            .OrderBy(s => s.Role, StringComparer.Ordinal)
            .ThenByDescending(s => s.Grade == ReliabilityGrade.F ? 0 : (int)s.Grade)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new V1.SourceReliability
            {
                ActorId = s.ActorId,
                Name = s.Name,
                Role = s.Role,
                Grade = s.Grade.ToString(),
                HeldUp = s.Record.HeldUp,
                Contradicted = s.Record.Contradicted,
                Retracted = s.Record.Retracted,
                Superseded = s.Record.Superseded,
                Judged = s.Record.Judged,
                Rate = s.Record.Rate,
            }));
        return response;
    }
}
