using ClaimTracker.Matching;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Linking;

/// <summary>What corrections add to the matching index.</summary>
public sealed partial class ClaimLinker
{
    /// <summary>
    /// Indexes a claim that an analyst founded (a relink to a new claim), so that later similar statements can join it like
    /// any claim the matcher founded. Exact matching finds claims by their text's id only, so it has nothing to index.
    /// </summary>
    public async Task IndexFoundedClaimAsync(string claimId, string text, string verbatim)
    {
        if (options.Mode == MatchingMode.Exact)
        {
            return;
        }

        await RefreshAsync(CancellationToken.None);
        var embedding = (await Task.Run(() => encoder.Value.Encode([text])))[0];
        var entries = new List<ClaimIndexEntry>();
        if (Remember(new ClaimEntry(claimId, text, embedding, Entities(text), QuantityReader.Read(text))))
        {
            entries.Add(new ClaimIndexEntry(claimId, text, embedding));
        }

        RememberPhrasing(claimId, verbatim, embedding, entries);
        if (entries.Count > 0)
        {
            await indexLog.AddClaimIndexEntriesAsync(entries);
        }
    }
}
