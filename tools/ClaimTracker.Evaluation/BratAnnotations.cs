using System.Globalization;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>A gold span: one or more fragments (brat allows discontinuous spans, "0 5;9 12").</summary>
internal sealed record GoldSpan(IReadOnlyList<TextSpan> Fragments)
{
    public TextSpan Outer => new(Fragments[0].Begin, Fragments[^1].End);
}

/// <summary>The gold attributions of one article: source, cue and content spans referenced by its E lines.</summary>
internal sealed record GoldArticle(List<GoldSpan> Sources, List<GoldSpan> Cues, List<GoldSpan> Contents);

/// <summary>Reads PolNeAR's brat standoff files.</summary>
internal static class BratAnnotations
{
    public static GoldArticle Read(string path)
    {
        var spans = new Dictionary<string, GoldSpan>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                continue;
            }

            if (fields[0].StartsWith('T'))
            {
                var typeAndOffsets = fields[1];
                var space = typeAndOffsets.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    continue;
                }

                var fragments = new List<TextSpan>();
                foreach (var fragment in typeAndOffsets[(space + 1)..].Split(';'))
                {
                    var parts = fragment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 2
                        && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var b)
                        && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var e))
                    {
                        fragments.Add(new TextSpan(b, e));
                    }
                }

                if (fragments.Count > 0)
                {
                    spans[fields[0]] = new GoldSpan(fragments);
                }
            }
            else if (fields[0].StartsWith('E'))
            {
                relations.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var gold = new GoldArticle([], [], []);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in relations)
        {
            foreach (var arg in relation)
            {
                var colon = arg.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                var role = arg[..colon];
                var id = arg[(colon + 1)..];
                if (!spans.TryGetValue(id, out var span) || !seen.Add(role + id))
                {
                    continue;
                }

                switch (role)
                {
                    case "Source":
                        gold.Sources.Add(span);
                        break;
                    case "Cue":
                        gold.Cues.Add(span);
                        break;
                    case "Content":
                        gold.Contents.Add(span);
                        break;
                }
            }
        }

        return gold;
    }
}
