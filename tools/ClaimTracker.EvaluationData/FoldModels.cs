using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace ClaimTracker.EvaluationData;

/// <summary>
/// One stance model per cross-validation fold, each trained without its fold's rumours (<c>Training -- stance
/// --fold-models DIR</c>), and the fold of every rumour, so that a replay through the service can score each rumour with a
/// model that never saw it (<c>MatchingEvaluation -- emergent --fold-models DIR</c>).
/// </summary>
public static class FoldModels
{
    public const string FoldsFile = "folds.tsv";

    /// <summary>The model file of fold <paramref name="fold"/> (0-based) in <paramref name="folder"/>.</summary>
    public static string ModelPath(string folder, int fold) =>
        Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fold-{fold + 1}.zip"));

    public static void WriteFolds(string folder, IEnumerable<string> rumours, IReadOnlyDictionary<string, int> foldOf)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(
            Path.Combine(folder, FoldsFile),
            rumours.Order(StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r}\t{foldOf[r]}")));
    }

    /// <summary>Writes a fold's model and the manifest the server checks when it loads it (its feature layout).</summary>
    public static void WriteModel(string folder, int fold, int folds, byte[] model)
    {
        Directory.CreateDirectory(folder);
        var path = ModelPath(folder, fold);
        File.WriteAllBytes(path, model);
        var manifest = new
        {
            Model = Path.GetFileName(path),
            ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(model)),
            FeatureLayout = Matching.StanceFeatures.Layout,
            Split = string.Create(CultureInfo.InvariantCulture, $"fold {fold + 1} of {folds}: trained on the other folds' rows"),
        };
        File.WriteAllText(Path.ChangeExtension(path, ".manifest.json"), JsonSerializer.Serialize(manifest, Indented));
    }

    /// <summary>The fold (0-based) of each rumour id, as written by <see cref="WriteFolds"/>.</summary>
    public static Dictionary<string, int> ReadFolds(string folder) =>
        File.ReadAllLines(Path.Combine(folder, FoldsFile))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
