using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>A set of training files: where they were read, how many, and the SHA-256 of their names and contents.</summary>
public sealed record DataFiles(string Path, int Files, string Sha256);

/// <summary>
/// Cross-validated figures on the training split: the candidate-level proxy that sets the threshold (AUC, cue F1 of the
/// candidates kept) and the overlap F1 of the whole extraction on the held-out folds, rules alone versus filtered.
/// </summary>
public sealed record FilterCrossValidation(
    int Folds, string GroupedBy, int Candidates, int Positives, double Auc, double ProxyRulesCueF1, double ProxyFilteredCueF1,
    double RulesSourceF1, double FilteredSourceF1, double RulesCueF1, double FilteredCueF1, double RulesContentF1,
    double FilteredContentF1, IReadOnlyList<ThresholdFigures> Thresholds, IReadOnlyList<FoldFigures> PerFold);

/// <summary>Held-out-fold overlap F1 of the whole extraction with the loose candidates kept from one threshold on.</summary>
public sealed record ThresholdFigures(double Threshold, double SourceF1, double ContentF1);

/// <summary>One held-out fold's overlap F1, rules alone and with the filter at the chosen threshold.</summary>
public sealed record FoldFigures(int Fold, int Articles, double RulesSourceF1, double SourceF1, double RulesContentF1, double ContentF1);

/// <summary>What a shipped attribution filter was trained on and how, written beside the model file.</summary>
public sealed record AttributionFilterManifest(
    string Model, string Trainer, string Created, string Commit, IReadOnlyList<DataFiles> Data, string Split,
    AttributionFilterOptions HyperParameters, IReadOnlyList<string> Features, double Threshold, FilterCrossValidation CrossValidation)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
