namespace ClaimTracker.Text;

/// <summary>Reads a word list embedded in this assembly: one entry a line, blank lines and <c>#</c> comments skipped.</summary>
public static class LexiconFile
{
    public static IEnumerable<string> Read(string name)
    {
        var resource = $"ClaimTracker.Text.Lexicons.{name}.txt";
        var assembly = typeof(LexiconFile).Assembly;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon '{resource}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var entry = (hash >= 0 ? line[..hash] : line).Trim();
            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
