using System.Security.Cryptography;
using System.Text.Json;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Reports;

/// <summary>
/// Turns a report's draft into the records to store: statement ids, attribution chains, origins and
/// claim links. Statement ids derive from the report id and claim ids from content, and the plan is
/// stored before anything fans out, so a retry carries out the same plan.
/// </summary>
public static class ReportPlanner
{
    /// <summary>The alias-directory lookups that decide each mention's actor id.</summary>
    public static IReadOnlyList<Storage.ActorAliasCandidate> AliasCandidates(ReportDraft draft) =>
        draft.Mentions
            .Select(m => new Storage.ActorAliasCandidate(
                StableIds.ActorIdForName(m.Name),
                ActorAliases.IdentifyingKeys(m.Name, m.Kind, m.Aliases))
            {
                PinKeys = m.Aliases.Prepend(m.Name).Select(ClaimText.Normalize).Distinct(StringComparer.Ordinal).ToArray(),
            })
            .ToList();

    /// <summary>What the claim linker needs to know of each statement.</summary>
    public static IReadOnlyList<Linking.LinkRequest> LinkRequests(ReportDraft draft) =>
        draft.Statements
            .Select(s => new Linking.LinkRequest(
                s.Input.ClaimText, s.Input.Modality, s.Input.IsDenial, s.Input.Stance, s.Input.StanceReason, s.Input.ClaimId)
            {
                Verbatim = s.Input.Proposition.Length > 0 ? s.Input.Content : string.Empty,
                FromBody = s.FromBody,
            })
            .ToList();

    /// <param name="actorIds">The resolved actor id of each of the draft's mentions, by index.</param>
    /// <param name="links">The claim and stance of each of the draft's statements, by index.</param>
    public static ReportState Plan(
        ReportSubmission submission,
        ReportDraft draft,
        IReadOnlyList<string> actorIds,
        IReadOnlyList<Linking.ClaimLink> links,
        DateTimeOffset now)
    {
        var sourceActorId = actorIds[0];
        var statements = new StatementRecord[draft.Statements.Count];
        var statementsByActor = new Dictionary<string, List<ActorStatementRef>>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Length; i++)
        {
            var draftStatement = draft.Statements[i];
            var input = draftStatement.Input;
            var speakerId = actorIds[draftStatement.Speaker];
            var (claimId, stance, reason) = links[i];
            var statement = new StatementRecord
            {
                StatementId = StableIds.StatementId(submission.ReportId, i),
                ReportId = submission.ReportId,
                ClaimId = claimId,
                ActorId = speakerId,
                Speaker = input.Speaker,
                Content = input.Content,
                Proposition = input.Proposition,
                Quote = input.Quote,
                Via = input.Via,
                ViaActorIds = draftStatement.Via.Select(v => actorIds[v]).ToArray(),
                OriginActorId = speakerId,
                OriginName = draft.Mentions[draftStatement.Speaker].Name,
                Source = submission.Source,
                SourceActorId = sourceActorId,
                Stance = stance,
                Modality = input.Modality == Modality.Unspecified ? Modality.Asserted : input.Modality,
                StanceReason = reason,
                StanceConfidence = links[i].Confidence,
                Cue = input.Cue,
                SourceSpan = input.SourceSpan,
                CueSpan = input.CueSpan,
                ContentSpan = input.ContentSpan,
                PublishedAt = submission.PublishedAt,
                RecordedAt = now,
            };
            statements[i] = statement;
            if (!statementsByActor.TryGetValue(speakerId, out var refs))
            {
                statementsByActor[speakerId] = refs = [];
            }

            refs.Add(new ActorStatementRef(statement.StatementId, claimId));
        }

        // One activity per actor: two mentions may resolve to the same actor through the alias directory.
        var actors = draft.Mentions
            .Select((mention, index) => (Id: actorIds[index], Mention: mention))
            .GroupBy(m => m.Id, StringComparer.Ordinal)
            .Select(group => new ActorActivityPlan(group.Key, new ActorActivity(
                submission.ReportId,
                group.SelectMany(m => m.Mention.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                group.First().Mention.Kind,
                statementsByActor.TryGetValue(group.Key, out var refs) ? [.. refs] : [],
                now)))
            .ToArray();

        var report = new ReportRecord(
            submission.ReportId,
            submission.Source,
            sourceActorId,
            submission.Url,
            submission.PublishedAt,
            submission.Title,
            submission.Text,
            statements.Select(s => s.StatementId).ToArray(),
            now)
        {
            RegisteredBy = submission.RegisteredBy,
        };

        return new ReportState
        {
            Report = report,
            Fingerprint = Fingerprint(submission),
            Statements = statements,
            Actors = actors,
        };
    }

    public static string Fingerprint(ReportSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission)));
}
