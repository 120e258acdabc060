using ClaimTracker.Extraction;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Reports;

/// <summary>
/// One report. Registration stores the planned report, then links its statements to claims and actors
/// in parallel; every step is idempotent, so a client retrying after a crash finishes the job instead of
/// duplicating it. The planned write is the report's only write: a report read back from storage is
/// complete once its statements are on their claims, which linking it again finds out (and answers with
/// the earlier outcomes) instead of a second write of the report marking it complete.
/// </summary>
/// <remarks>
/// A report is busy for the moment of its registration and rarely called again (a client's retry, a correction), so its
/// activation leaves memory after two idle minutes instead of Orleans' default of fifteen: a feeder registering hundreds of
/// reports a second otherwise keeps every one of the last fifteen minutes in memory with its state.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class ReportGrain(
    IReportStore reports,
    IAliasDirectory aliases,
    PayloadSerializer serializer,
    ArticleExtractor extractor,
    ClaimLinker linker,
    RecordedActors recordedActors,
    TimeProvider clock) : Grain, IReportGrain
{
    private ReportState? state;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var payload = await reports.ReadReportAsync(this.GetPrimaryKeyString(), cancellationToken);
        state = payload is null ? null : serializer.Deserialize<ReportState>(payload);
    }

    public async Task<RegistrationResult> Register(ReportSubmission submission)
    {
        var readBack = state is not null;
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

        var wasWhole = await CompleteAsync(state);
        return readBack && wasWhole
            ? new RegistrationResult(RegistrationStatus.AlreadyRegistered, "already registered", state.Report, state.Outcomes)
            : new RegistrationResult(RegistrationStatus.Registered, "registered", state.Report, state.Outcomes);
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
            if (!await GrainFactory.Reference<IClaimGrain>(claimId).Exists())
            {
                return claimId;
            }
        }

        return null;
    }

    /// <summary>
    /// Links <paramref name="report"/>'s statements (again, for a report read back from storage: every step is idempotent)
    /// and keeps their outcomes; true when every statement was on its claim already (the report, if read back, was whole).
    /// Nothing is written for the report itself: a later activation finds out the same way.
    /// </summary>
    private async Task<bool> CompleteAsync(ReportState report)
    {
        var (outcomes, allEarlier) = await LinkAsync(report);
        report.Outcomes = outcomes;
        report.Completed = true;
        return allEarlier;
    }

    private async Task<(StatementOutcomeRecord[] Outcomes, bool AllEarlier)> LinkAsync(ReportState report)
    {
        // A claim's change reaches watchers as soon as it is stored, and every actor it names must then be one GetActor
        // finds: an actor this silo has not seen recorded is recorded before any claim changes; the others beside them.
        var known = report.Actors.ToLookup(plan => recordedActors.Contains(plan.ActorId));
        await Task.WhenAll(known[false].Select(RecordAsync));

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

        pending.AddRange(known[true].Select(RecordAsync));

        await Task.WhenAll(pending);

        var outcomes = new StatementOutcomeRecord[statements.Length];
        var allEarlier = true;
        for (var i = 0; i < statements.Length; i++)
        {
            allEarlier &= results[i].AlreadyRecorded;
            var (s, result) = (statements[i], results[i]);
            outcomes[i] = new StatementOutcomeRecord(
                s.StatementId,
                s.ActorId,
                s.ClaimId,
                result.Stance,
                result.ClaimCreated,
                result.Status);
        }

        return (outcomes, allEarlier);
    }

    private async Task RecordAsync(ActorActivityPlan plan)
    {
        await GrainFactory.Reference<IActorGrain>(plan.ActorId).Record(plan.Activity);
        recordedActors.Add(plan.ActorId);
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
        var claim = GrainFactory.Reference<IClaimGrain>(claimId);
        for (var i = first; i < statements.Length; i++)
        {
            if (string.Equals(statements[i].ClaimId, claimId, StringComparison.Ordinal))
            {
                results[i] = await claim.AddStatement(statements[i]);
            }
        }
    }
}
