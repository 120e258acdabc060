using System.Globalization;
using ClaimTracker.Analysis.Reliability;

namespace ClaimTracker.Evaluation;

/// <summary>
/// Does a speaker's track record predict the truth of what they say next? On LIAR (Wang 2017), each speaker's record
/// is counted on train.tsv only (true, mostly-true, half-true = held up; barely-true, false, pants-fire = failed, the
/// usual binary split) and graded by <see cref="SourceReliability"/> exactly as the server grades sources; the
/// statements of valid.tsv are then predicted from the speaker's grade, against the label prior. The dataset's own
/// "credit history" columns are not used: they count each statement's own label. Nothing here is fitted on valid.tsv:
/// P(true | grade) is estimated on train.tsv with each row's grade computed from the speaker's other train rows.
/// </summary>
internal static class LiarCommand
{
    private static readonly HashSet<string> TrueLabels = new(StringComparer.Ordinal) { "true", "mostly-true", "half-true" };
    private static readonly HashSet<string> FalseLabels = new(StringComparer.Ordinal) { "barely-true", "false", "pants-fire" };

    public static int Run(string directory, TextWriter output)
    {
        var train = Read(Path.Combine(directory, "train.tsv"));
        var valid = Read(Path.Combine(directory, "valid.tsv"));
        var records = train.GroupBy(r => r.Speaker, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TrackRecord(g.Count(r => r.IsTrue), g.Count(r => !r.IsTrue), 0, 0), StringComparer.Ordinal);
        var prior = train.Average(r => r.IsTrue ? 1.0 : 0.0);

        // P(true | grade) on train, each row graded from the rest of its speaker's train record (leave one out).
        var trainByGrade = train.GroupBy(r => SourceReliability.Grade(Without(records[r.Speaker], r))).ToList();
        var byGrade = trainByGrade.ToDictionary(g => g.Key, g => (g.Count(r => r.IsTrue) + 1.0) / (g.Count() + 2.0));
        double GradeProbability(Row row) => byGrade.GetValueOrDefault(GradeOf(row), prior);
        ReliabilityGrade GradeOf(Row row) => SourceReliability.Grade(records.GetValueOrDefault(row.Speaker) ?? TrackRecord.Empty);

        // The record's own smoothed share, shrunk toward the prior by two pseudo-statements (fixed, not tuned).
        double RecordProbability(Row row)
        {
            var record = records.GetValueOrDefault(row.Speaker) ?? TrackRecord.Empty;
            return (record.HeldUp + (2 * prior)) / (record.Judged + 2.0);
        }

        output.WriteLine($"LIAR: {train.Count} train rows ({records.Count} speakers), {valid.Count} valid rows; " +
            $"binary target true/mostly-true/half-true vs barely-true/false/pants-fire; train prior P(true) = {prior:F3}");
        output.WriteLine();
        output.WriteLine("P(true | grade) on train (leave-one-out grades):");
        foreach (var group in trainByGrade.OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key}: {byGrade[group.Key]:F3} ({group.Count()} rows)");
        }

        output.WriteLine();
        output.WriteLine("valid.tsv by grade of the speaker (from the whole train record):");
        foreach (var group in valid.GroupBy(GradeOf).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key}: {group.Count(),5} rows, observed P(true) = {group.Average(r => r.IsTrue ? 1.0 : 0.0):F3}");
        }

        output.WriteLine();
        var judged = valid.Where(r => GradeOf(r) != ReliabilityGrade.F).ToList();
        output.WriteLine($"{"predictor",-34} {"rows",6} {"accuracy",9} {"log-loss",9} {"Brier",7}");
        Report(output, "label prior", valid, _ => prior);
        Report(output, "speaker grade A–F", valid, GradeProbability);
        Report(output, "speaker record (shrunk to prior)", valid, RecordProbability);
        Report(output, "label prior, graded speakers", judged, _ => prior);
        Report(output, "speaker grade, graded speakers", judged, GradeProbability);
        Report(output, "speaker record, graded speakers", judged, RecordProbability);
        return 0;
    }

    private static TrackRecord Without(TrackRecord record, Row row) =>
        row.IsTrue ? record with { HeldUp = record.HeldUp - 1 } : record with { Contradicted = record.Contradicted - 1 };

    private static void Report(TextWriter output, string name, IReadOnlyList<Row> rows, Func<Row, double> probability)
    {
        double correct = 0, logLoss = 0, brier = 0;
        foreach (var row in rows)
        {
            var p = Math.Clamp(probability(row), 1e-6, 1 - 1e-6);
            var y = row.IsTrue ? 1.0 : 0.0;
            correct += (p >= 0.5) == row.IsTrue ? 1 : 0;
            logLoss -= (y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p));
            brier += (p - y) * (p - y);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {rows.Count,6} {correct / rows.Count,9:F3} {logLoss / rows.Count,9:F4} {brier / rows.Count,7:F4}"));
    }

    private static List<Row> Read(string path)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length < 5 || !(TrueLabels.Contains(fields[1]) || FalseLabels.Contains(fields[1])))
            {
                continue;
            }

            // Rows without a speaker share one empty name: "no speaker" is a record of its own, as "chain-email" is.
            rows.Add(new Row(fields[4].Trim(), TrueLabels.Contains(fields[1])));
        }

        return rows.Count > 0 ? rows : throw new FormatException($"{path}: no LIAR rows (id, label, statement, subjects, speaker, …)");
    }

    private sealed record Row(string Speaker, bool IsTrue);
}
