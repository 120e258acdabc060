using System.Globalization;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Matching;
using ClaimTracker.Storage;
using ClaimTracker.V1.Client;
using Microsoft.Extensions.Options;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// `corrections`: reads a running server's audit trail (ListCorrections) and asks the current linking and stance models,
/// through the server's own <see cref="ClaimLinker"/> with its default options, whether they would have avoided each
/// correction that undid a model's decision:
/// - a relink to another claim is avoided when the linker puts the statement on that claim rather than on the one the
///   matcher chose; a relink to a new claim, when the linker no longer joins it to the old one;
/// - a merge (not undone since) is avoided when the linker puts the source's founding statement on the target;
/// - a stance override (a relink that set the stance) is avoided when the stance model gives the analyst's stance.
/// Each is judged against the claims at stake only (not the whole index), so the figure is an upper bound.
/// Report corrections and retractions (the outlet's), actor splits and merges (the alias directory) and relations are
/// counted as not model decisions.
/// </summary>
internal static class CorrectionsReplay
{
    public static int Run(Arguments args)
    {
        var address = args.Option("server") ?? throw new ArgumentException("--server http://host:port is required");
        using var channel = ClaimTrackerChannel.Create(address);
        var client = ClaimTrackerChannel.CreateClient(channel, args.Option("token"));
        var tally = TallyAsync(client).GetAwaiter().GetResult();
        Console.WriteLine(tally.Describe(address));
        return 0;
    }

    public static async Task<CorrectionTally> TallyAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var all = new List<V1.Correction>();
        var token = string.Empty;
        do
        {
            var page = await client.ListCorrectionsAsync(new V1.ListCorrectionsRequest { PageSize = 100, PageToken = token });
            all.AddRange(page.Corrections);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var undoneMerges = all.Where(c => c.Kind == V1.CorrectionKind.UnmergeClaims)
            .Select(c => c.MergeId)
            .ToHashSet(StringComparer.Ordinal);
        var tally = new CorrectionTally { Recorded = all.Count };
        foreach (var correction in all)
        {
            switch (correction.Kind)
            {
                case V1.CorrectionKind.RelinkStatement:
                    await JudgeRelinkAsync(client, correction, tally);
                    break;
                case V1.CorrectionKind.MergeClaims when !undoneMerges.Contains(correction.CorrectionId):
                    await JudgeMergeAsync(client, correction, tally);
                    break;
                default:
                    tally.NotModelDecisions++;
                    break;
            }
        }

        return tally;
    }

    private static async Task JudgeRelinkAsync(V1.ClaimTracker.ClaimTrackerClient client, V1.Correction relink, CorrectionTally tally)
    {
        var (fromId, toId) = (relink.ClaimIds[0], relink.ClaimIds[1]);
        var from = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = fromId, StatementPageSize = 1000 });
        var to = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = toId, StatementPageSize = 1000 });
        var before = from.Statements.FirstOrDefault(s => s.StatementId == relink.StatementIds[0]);
        var after = to.Statements.FirstOrDefault(s => s.StatementId == relink.StatementIds[0]);
        if (before is null || after is null)
        {
            tally.NotModelDecisions++;
            return;
        }

        var foundedByRelink = to.Statements.Count > 0 && to.Statements[^1].StatementId == before.StatementId;
        (string, string)[] index = foundedByRelink ? [(fromId, from.Text)] : [(fromId, from.Text), (toId, to.Text)];
        var link = await LinkAsync(index, before);
        tally.Relinks++;
        if (foundedByRelink ? link.ClaimId != fromId : link.ClaimId == toId)
        {
            tally.RelinksAvoided++;
        }

        if (after.Stance != before.Stance)
        {
            tally.StanceOverrides++;
            // The stance model alone: the statement given the analyst's claim, as a client naming the claim would give it.
            var onTarget = await LinkAsync([(toId, to.Text)], before, givenClaimId: toId);
            if ((int)onTarget.Stance == (int)after.Stance)
            {
                tally.StanceOverridesAvoided++;
            }
        }
    }

    private static async Task JudgeMergeAsync(V1.ClaimTracker.ClaimTrackerClient client, V1.Correction merge, CorrectionTally tally)
    {
        var (sourceId, targetId) = (merge.ClaimIds[0], merge.ClaimIds[1]);
        var target = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = targetId, StatementPageSize = 1000 });
        var founding = target.Statements.LastOrDefault(s => s.ClaimId == sourceId);
        if (founding is null)
        {
            tally.NotModelDecisions++;
            return;
        }

        tally.Merges++;
        if ((await LinkAsync([(targetId, target.Text)], founding)).ClaimId == targetId)
        {
            tally.MergesAvoided++;
        }
    }

    /// <summary>Links <paramref name="statement"/> as the server would, with only <paramref name="claims"/> indexed.</summary>
    private static async Task<ClaimLink> LinkAsync((string Id, string Text)[] claims, V1.Statement statement, string givenClaimId = "")
    {
        var encoder = MiniLmEncoder.Shared;
        var embeddings = encoder.Encode(claims.Select(c => c.Text).ToList());
        var log = new FixedIndexLog(claims.Select((c, i) => new ClaimIndexEntry(c.Id, c.Text, embeddings[i])).ToList());
        using var linker = new ClaimLinker(log, Options.Create(new MatchingOptions()), () => encoder);
        var request = new LinkRequest(
            statement.Content,
            statement.Modality == V1.Modality.Hedged ? Analysis.Modality.Hedged : Analysis.Modality.Asserted,
            IsDenial: false,
            Analysis.Stance.Unspecified,
            string.Empty,
            givenClaimId);
        return (await linker.LinkAsync([request]))[0];
    }

    /// <summary>The claims at stake, as the index log the linker reads; what it would add is dropped.</summary>
    private sealed class FixedIndexLog(IReadOnlyList<ClaimIndexEntry> entries) : IClaimIndexLog
    {
        public Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> added) => Task.CompletedTask;

        public Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(
            long afterPosition, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredClaimIndexEntry>>(
                entries.Select((e, i) => new StoredClaimIndexEntry(i + 1, e)).Where(e => e.Position > afterPosition).Take(limit).ToList());
    }
}

internal sealed class CorrectionTally
{
    public int Recorded { get; set; }

    public int Relinks { get; set; }

    public int RelinksAvoided { get; set; }

    public int Merges { get; set; }

    public int MergesAvoided { get; set; }

    public int StanceOverrides { get; set; }

    public int StanceOverridesAvoided { get; set; }

    public int NotModelDecisions { get; set; }

    public string Describe(string address) => string.Create(CultureInfo.InvariantCulture, $"""
        {Recorded} corrections recorded on {address}
        linking: {RelinksAvoided} of {Relinks} relinks and {MergesAvoided} of {Merges} merges (not undone) would have been avoided
        stance: {StanceOverridesAvoided} of {StanceOverrides} stance overrides would have been avoided
        not model decisions (report corrections and retractions, actor corrections, relations, unmerges): {NotModelDecisions}
        (each judged against the claims at stake only: an upper bound)
        """);
}
