using System.Globalization;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>Prints what the extractor reads in one article, for a person to judge.</summary>
internal static class DumpCommand
{
    public static int Run(string path, string? source, string? published, TextWriter output)
    {
        var text = File.ReadAllText(path);
        DateTimeOffset? at = published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture);
        var result = new ArticleExtractor().Extract(new ArticleInput(text, source ?? "Publisher", null, at));
        output.WriteLine($"{result.Actors.Count} actors");
        foreach (var a in result.Actors)
        {
            output.WriteLine($"  {a.Key} [{a.Kind}] name='{a.Name}' role='{a.Role}' affiliation={a.AffiliationKey} " +
                $"aliases=[{string.Join(" | ", a.Aliases)}]");
        }

        output.WriteLine($"{result.Statements.Count} statements");
        foreach (var s in result.Statements)
        {
            var via = s.ViaKeys.Count == 0 ? string.Empty : " via " + string.Join(" > ", s.ViaKeys);
            output.WriteLine(
                $"- {s.Kind} {s.SpeakerKey}{via} ('{s.SpeakerText}') cue='{s.Cue}' {s.Modality}{(s.IsDenial ? " DENIAL" : string.Empty)}");
            output.WriteLine($"    content: {s.Content}");
            if (s.Proposition != s.Content)
            {
                output.WriteLine($"    proposition: {s.Proposition}");
            }

            foreach (var q in s.Quantities)
            {
                output.WriteLine($"    qty: '{text[q.Span.Begin..q.Span.End]}' = {q.Value.ToString(CultureInfo.InvariantCulture)} " +
                    $"{q.Bound} upper={q.UpperBound} unit={q.Unit} per={q.RatePeriod} year={q.ReferenceYear}");
            }

            foreach (var t in s.Times)
            {
                output.WriteLine($"    time: '{t.Text}' date={t.Date} year={t.Year}");
            }
        }

        return 0;
    }
}
