using System.Reflection;

namespace ClaimTracker.Text;

/// <summary>
/// Reads a word list embedded in an assembly: one entry a line, trimmed; blank lines and everything from
/// <c>#</c> on skipped. Every lexicon of the libraries (outlets here, attribution and proposition lists in
/// extraction) is read through it.
/// </summary>
public static class LexiconFile
{
    /// <summary>A list of this assembly's <c>Lexicons/</c> folder, by name ("news-outlets").</summary>
    public static List<string> Read(string name) => Read(typeof(LexiconFile).Assembly, $"ClaimTracker.Text.Lexicons.{name}.txt");

    /// <summary>The entries of the embedded resource <paramref name="resource"/> of <paramref name="assembly"/>.</summary>
    public static List<string> Read(Assembly assembly, string resource)
    {
        ArgumentNullException.ThrowIfNull(assembly);
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
