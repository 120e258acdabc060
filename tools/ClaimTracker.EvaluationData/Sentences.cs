namespace ClaimTracker.EvaluationData;

/// <summary>Splits an article body into sentences (line breaks, then ". ", "! ", "? " before a capital or quote).</summary>
public static class Sentences
{
    public static List<string> Split(string body, int max)
    {
        ArgumentNullException.ThrowIfNull(body);
        var result = new List<string>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i < line.Length && result.Count < max; i++)
            {
                var end = line[i] is '.' or '!' or '?' && i + 2 < line.Length && line[i + 1] == ' '
                    && (char.IsUpper(line[i + 2]) || line[i + 2] is '"' or '\u201c');
                if (end)
                {
                    Add(line[start..(i + 1)], result);
                    start = i + 2;
                }
            }

            if (start < line.Length && result.Count < max)
            {
                Add(line[start..], result);
            }

            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    private static void Add(string sentence, List<string> result)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 4)
        {
            result.Add(words.Length <= 60 ? sentence.Trim() : string.Join(' ', words.Take(60)));
        }
    }
}

/// <summary>A stable split of ids into two halves (FNV-1a, not the per-process string hash).</summary>
public static class Split
{
    public static bool IsHoldout(string id) => Hash(id) % 2 == 1;

    public static uint Hash(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
