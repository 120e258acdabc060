namespace ClaimTracker.Storage;

/// <summary>One serialized event of a grain's journal, at its version (1 for the first event).</summary>
public sealed record JournalEntry(int Version, byte[] Payload);

/// <summary>
/// An event to append, with the key that identifies it in its stream (stored with it; the grains, not
/// the store, skip events already journaled).
/// </summary>
public sealed record JournalAppend(string EventKey, byte[] Payload);
