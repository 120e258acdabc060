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
public sealed record Evidence(
    string OriginId,
    string OriginName,
    string CarrierName,
    Stance Stance,
    Modality Modality,
    string Why = "",
    float Confidence = 0);
