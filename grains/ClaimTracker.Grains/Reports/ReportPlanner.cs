using System.Security.Cryptography;
using System.Text.Json;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Reports;

/// <summary>
/// Turns a submission into the records to store: statement ids, actor ids, attribution chains,
/// origins and claim links. Everything is derived from content, so a retry plans the same thing.
/// </summary>
public static class ReportPlanner
{
    public static ReportState Plan(ReportSubmission submission, DateTimeOffset now)
    {
        var sourceActorId = StableIds.ActorIdForName(submission.Source);
        var statements = new StatementRecord[submission.Statements.Length];
        var actors = new Dictionary<string, (string Alias, ActorKind Kind, List<ActorStatementRef> Statements)>(StringComparer.Ordinal);

        void Mention(string actorId, string alias, ActorKind kind)
        {
            if (!actors.ContainsKey(actorId))
            {
                actors[actorId] = (alias, kind, []);
            }
        }

        Mention(sourceActorId, submission.Source, ActorKind.Outlet);
        for (var i = 0; i < submission.Statements.Length; i++)
        {
            var input = submission.Statements[i];
            var speakerId = StableIds.ActorIdForName(input.Speaker);
            var viaIds = input.Via.Select(StableIds.ActorIdForName).ToArray();
            var claimId = input.ClaimId.Length > 0 ? input.ClaimId : StableIds.ClaimIdForText(input.Content);
            var (stance, reason) = input.Stance != Stance.Unspecified
                ? (input.Stance, "stance given by the client")
                : (Stance.Supports, "states the claim's proposition: taken as support");
            var statement = new StatementRecord
            {
                StatementId = StableIds.StatementId(submission.ReportId, i),
                ReportId = submission.ReportId,
                ClaimId = claimId,
                ActorId = speakerId,
                Speaker = input.Speaker,
                Content = input.Content,
                Quote = input.Quote,
                Via = input.Via,
                ViaActorIds = viaIds,
                OriginActorId = speakerId,
                OriginName = input.Speaker,
                Source = submission.Source,
                SourceActorId = sourceActorId,
                Stance = stance,
                Modality = input.Modality == Modality.Unspecified ? Modality.Asserted : input.Modality,
                StanceReason = reason,
                SourceSpan = input.SourceSpan,
                CueSpan = input.CueSpan,
                ContentSpan = input.ContentSpan,
                PublishedAt = submission.PublishedAt,
                RecordedAt = now,
            };
            statements[i] = statement;

            Mention(speakerId, input.Speaker, input.SpeakerKind != ActorKind.Unspecified ? input.SpeakerKind : ActorKindGuesser.GuessSpeaker(input.Speaker));
            actors[speakerId].Statements.Add(new ActorStatementRef(statement.StatementId, claimId));
            for (var v = 0; v < viaIds.Length; v++)
            {
                Mention(viaIds[v], input.Via[v], ActorKindGuesser.GuessIntermediary(input.Via[v]));
            }
        }

        var report = new ReportRecord(
            submission.ReportId,
            submission.Source,
            sourceActorId,
            submission.Url,
            submission.PublishedAt,
            submission.Title,
            submission.Text,
            statements.Select(s => s.StatementId).ToArray(),
            now);

        return new ReportState
        {
            Report = report,
            Fingerprint = Fingerprint(submission),
            Statements = statements,
            Actors = actors
                .Select(a => new ActorActivityPlan(a.Key, new ActorActivity(submission.ReportId, a.Value.Alias, a.Value.Kind, [.. a.Value.Statements])))
                .ToArray(),
        };
    }

    public static string Fingerprint(ReportSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission)));
}
