using ClaimTracker.Extraction;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Grains.Reports;

/// <summary>
/// One report. Registration stores the planned report first, then links its statements to claims
/// and actors in parallel, then marks it complete; every step is idempotent, so a client retrying
/// after a crash finishes the job instead of duplicating it.
/// </summary>
public sealed partial class ReportGrain(
    IReportStore reports,
    IAliasDirectory aliases,
    PayloadSerializer serializer,
    ArticleExtractor extractor,
    ClaimLinker linker,
    TimeProvider clock,
    ILogger<ReportGrain> logger) : Grain, IReportGrain
{
    private ReportState? state;
    private Task completionWrite = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var payload = await reports.ReadReportAsync(this.GetPrimaryKeyString(), cancellationToken);
        state = payload is null ? null : serializer.Deserialize<ReportState>(payload);
    }

    public async Task<RegistrationResult> Register(ReportSubmission submission)
    {
        if (state is not null)
        {
            var fingerprint = ReportPlanner.Fingerprint(submission);
            if (state.Fingerprint != fingerprint && !state.EarlierFingerprints.Contains(fingerprint))
            {
                return new RegistrationResult(
                    RegistrationStatus.Conflict,
                    $"report_id '{submission.ReportId}' is already registered with different content; use a new report_id for a new report",
                    null,
                    []);
            }

            if (state.Completed)
            {
                return new RegistrationResult(RegistrationStatus.AlreadyRegistered, "already registered", state.Report, state.Outcomes);
            }
        }
        else
        {
            if (await FindUnknownClaimAsync(submission) is { } unknown)
            {
                return new RegistrationResult(RegistrationStatus.UnknownClaim, $"claim_id '{unknown}' does not exist", null, []);
            }

            var draft = Draft(submission);
            var actorIds = await aliases.ResolveActorIdsAsync(ReportPlanner.AliasCandidates(draft));
            var links = await linker.LinkAsync(ReportPlanner.LinkRequests(draft));
            var planned = ReportPlanner.Plan(submission, draft, actorIds, links, clock.GetUtcNow());

            var listed = new ReportRow(planned.Report.SourceActorId, planned.Report.PublishedAt, planned.Report.Title, planned.Report.Text);
            await reports.WriteReportAsync(submission.ReportId, serializer.Serialize(planned), listed);
            state = planned;
        }

        state.Outcomes = await LinkAsync(state);
        state.Completed = true;

        // Every statement is durable once LinkAsync returns, so the acknowledgment does not wait for
        // the completion marker: it only spares a later retry the idempotent re-run of LinkAsync
        // (which is also what happens if this write is lost). One commit round less per report.
        completionWrite = reports.WriteReportAsync(state.Report.ReportId, serializer.Serialize(state));
        return new RegistrationResult(RegistrationStatus.Registered, "registered", state.Report, state.Outcomes);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await completionWrite.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The report stays "planned" in storage; a retry re-links idempotently and completes it.
            logger.LogWarning(ex, "Report {ReportId}: writing the completion marker failed", this.GetPrimaryKeyString());
        }
    }

    public Task<ReportRecord?> Get() => Task.FromResult(state?.Report);

    /// <summary>Structured statements win; a report that has only text is read by the extractor.</summary>
    private ReportDraft Draft(ReportSubmission submission) =>
        submission.Statements.Length > 0 || submission.Text.Length == 0
            ? ReportDraft.FromStatements(submission)
            : ReportDraft.FromExtraction(submission, extractor);

    private async Task<string?> FindUnknownClaimAsync(ReportSubmission submission)
    {
        foreach (var claimId in submission.Statements.Select(s => s.ClaimId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (!await GrainFactory.GetGrain<IClaimGrain>(claimId).Exists())
            {
                return claimId;
            }
        }

        return null;
    }

    private async Task<StatementOutcomeRecord[]> LinkAsync(ReportState report)
    {
        // Statements on one claim go in order; different claims and actors proceed in parallel.
        var statements = report.Statements;
        var results = new AddStatementResult[statements.Length];
        var pending = new List<Task>(statements.Length + report.Actors.Length);
        for (var i = 0; i < statements.Length; i++)
        {
            if (FirstOnItsClaim(statements, i))
            {
                pending.Add(AddInOrderAsync(statements, i, results));
            }
        }

        foreach (var plan in report.Actors)
        {
            pending.Add(GrainFactory.GetGrain<IActorGrain>(plan.ActorId).Record(plan.Activity));
        }

        await Task.WhenAll(pending);

        var outcomes = new StatementOutcomeRecord[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var (s, result) = (statements[i], results[i]);
            outcomes[i] = new StatementOutcomeRecord(
                s.StatementId,
                s.ActorId,
                s.ClaimId,
                result.Stance,
                result.ClaimCreated,
                result.Status);
        }

        return outcomes;
    }

    private static bool FirstOnItsClaim(StatementRecord[] statements, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(statements[i].ClaimId, statements[index].ClaimId, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the statements on the claim of statement <paramref name="first"/>, from it on, in report order.</summary>
    private async Task AddInOrderAsync(StatementRecord[] statements, int first, AddStatementResult[] results)
    {
        var claimId = statements[first].ClaimId;
        var claim = GrainFactory.GetGrain<IClaimGrain>(claimId);
        for (var i = first; i < statements.Length; i++)
        {
            if (string.Equals(statements[i].ClaimId, claimId, StringComparison.Ordinal))
            {
                results[i] = await claim.AddStatement(statements[i]);
            }
        }
    }
}
