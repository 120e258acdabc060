using ClaimTracker.EvaluationData;
using ClaimTracker.Matching;

namespace ClaimTracker.Training.Tests;

/// <summary>Per-fold stance models as training writes them and as the server and the replay read them back.</summary>
public sealed class FoldModelsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("claimtracker-fold-models-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_fold_model_is_written_with_a_manifest_by_which_the_server_loads_it()
    {
        var bytes = StanceTrainer.Train(ClassPerFeatureRows.Generate(seed: 5), new StanceHyperParameters(20, 4, 0.1, 5, 0.5));

        FoldModels.WriteModel(folder.FullName, fold: 1, folds: 5, bytes);

        var path = FoldModels.ModelPath(folder.FullName, 1);
        Assert.Equal("fold-2.zip", Path.GetFileName(path));
        using var model = StanceModel.FromFile(path);
        Assert.True(model.Compiled);
        Assert.Equal(StanceModel.Classes.Length, model.Probabilities(ClassPerFeatureRows.Generate(seed: 6)[0].Features).Length);
    }

    [Fact]
    public void The_rumours_folds_read_back_as_written()
    {
        var rumours = Enumerable.Range(0, 23).Select(i => $"rumour-{i}").ToList();
        var foldOf = GroupedFolds.Assign(rumours, folds: 5);

        FoldModels.WriteFolds(folder.FullName, rumours, foldOf);
        var read = FoldModels.ReadFolds(folder.FullName);

        Assert.Equal(foldOf.OrderBy(p => p.Key, StringComparer.Ordinal), read.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
