namespace ClaimTracker.Analysis.Corroboration;

/// <summary>
/// One statement as corroboration sees it: who originated it (the end of its attribution chain),
/// who carried it to us, and which way it points.
/// </summary>
/// <param name="Why">For a contradiction: what conflicts and where it was published ("conflicting figures … (Third Outlet,
/// 2023-09-20)").</param>
/// <param name="Confidence">
/// The stance model's probability of <paramref name="Stance"/>; 0 when no model judged it (always counted).
/// </param>
/// <param name="PublishedAt">
/// When the statement was published (else when it was recorded): an origin's position is its latest statement by this
/// time, so a backfilled older article never overrides a newer position. Equal times: the later added wins.
/// </param>
public sealed record Evidence(
    string OriginId,
    string OriginName,
    string CarrierName,
    Stance Stance,
    Modality Modality,
    string Why = "",
    float Confidence = 0,
    DateTimeOffset PublishedAt = default);
