using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Tests;

/// <summary>The claim index log in memory, for linker tests: each (claim, text) once, read back in order.</summary>
internal sealed class MemoryClaimIndexLog : IClaimIndexLog
{
    private readonly List<ClaimIndexEntry> entries = [];

    public IReadOnlyList<ClaimIndexEntry> Entries => entries;

    public Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> added)
    {
        entries.AddRange(added.Where(a => !entries.Any(e => e.ClaimId == a.ClaimId && e.Text == a.Text)));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(
        long afterPosition,
        int limit,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredClaimIndexEntry>>(
            entries.Select((e, i) => new StoredClaimIndexEntry(i + 1, e)).Where(e => e.Position > afterPosition).Take(limit).ToList());
}
