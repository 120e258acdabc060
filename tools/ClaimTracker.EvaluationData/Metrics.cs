using System.Globalization;
using System.Text;

namespace ClaimTracker.EvaluationData;

/// <summary>A confusion matrix over named labels (rows = gold, columns = predicted).</summary>
public sealed class Confusion(IReadOnlyList<string> labels)
{
    private readonly int[,] counts = new int[labels.Count, labels.Count];

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(string gold, string predicted)
    {
        counts[Index(gold), Index(predicted)]++;
        Total++;
        if (gold == predicted)
        {
            Correct++;
        }
    }

    public int Count(string gold, string predicted) => counts[Index(gold), Index(predicted)];

    /// <summary>F1 of one label (harmonic mean of its precision and recall; 0 when it never occurs).</summary>
    public double F1(string label)
    {
        var i = Index(label);
        int truePositives = counts[i, i], gold = 0, predicted = 0;
        for (var j = 0; j < labels.Count; j++)
        {
            gold += counts[i, j];
            predicted += counts[j, i];
        }

        return gold + predicted == 0 ? 0 : 2.0 * truePositives / (gold + predicted);
    }

    /// <summary>Unweighted mean of the labels' F1.</summary>
    public double MacroF1 => labels.Average(F1);

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"gold \\ predicted",-18}");
        foreach (var label in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{label,11}");
        }

        sb.AppendLine();
        for (var g = 0; g < labels.Count; g++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{labels[g],-18}");
            for (var p = 0; p < labels.Count; p++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{counts[g, p],11}");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private int Index(string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown label '{label}'.", nameof(label));
    }
}

public static class BCubed
{
    /// <summary>B-cubed precision, recall and F1 of a predicted clustering against a gold one, over the same items.</summary>
    public static (double Precision, double Recall, double F1) Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted) =>
        Score(gold, predicted, _ => true);

    /// <summary>
    /// B-cubed averaged over the items <paramref name="scored"/> selects, with clusters over all items: a
    /// selected item whose predicted cluster also holds unselected items of other gold clusters loses precision.
    /// </summary>
    public static (double Precision, double Recall, double F1) Score(
        IReadOnlyList<string> gold,
        IReadOnlyList<string> predicted,
        Func<int, bool> scored)
    {
        var n = 0;

        var byGold = gold.Select((g, i) => (g, i)).GroupBy(x => x.g).ToDictionary(x => x.Key, x => x.Select(y => y.i).ToHashSet());
        var byPredicted = predicted.Select((p, i) => (p, i)).GroupBy(x => x.p)
            .ToDictionary(x => x.Key, x => x.Select(y => y.i).ToHashSet());
        double precision = 0;
        double recall = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            if (!scored(i))
            {
                continue;
            }

            n++;
            var g = byGold[gold[i]];
            var p = byPredicted[predicted[i]];
            var both = p.Count(g.Contains);
            precision += (double)both / p.Count;
            recall += (double)both / g.Count;
        }

        if (n == 0)
        {
            return (0, 0, 0);
        }

        precision /= n;
        recall /= n;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }
}
