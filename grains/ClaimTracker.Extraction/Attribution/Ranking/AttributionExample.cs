using Microsoft.ML.Data;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>One rule candidate as the learned filter sees it: its features and, in training, whether it is an attribution.</summary>
public sealed class AttributionExample
{
    public bool Label { get; set; }

    [VectorType(AttributionFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>The filter's output for one candidate.</summary>
public sealed class AttributionScore
{
    /// <summary>Calibrated probability that the candidate is an attribution.</summary>
    public float Probability { get; set; }
}
