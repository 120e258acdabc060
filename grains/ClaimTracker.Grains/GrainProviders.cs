namespace ClaimTracker.Grains;

/// <summary>Names of the Orleans providers the grains use.</summary>
public static class GrainProviders
{
    public const string LogConsistency = "CustomStorage";
}
