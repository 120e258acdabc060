using System.Globalization;

namespace ClaimTracker.EvaluationData;

/// <summary>Plain argument parsing: positional values and <c>--name value</c> options.</summary>
public sealed class Arguments
{
    private readonly List<string> positional = [];
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[list[i][2..]] = hasValue ? list[++i] : "true";
            }
            else
            {
                positional.Add(list[i]);
            }
        }
    }

    public string Positional(int index, string name) =>
        index < positional.Count ? positional[index] : throw new ArgumentException($"missing argument <{name}>");

    public string? Option(string name) => options.GetValueOrDefault(name);

    public double Double(string name, double fallback) =>
        options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int Int(string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => options.ContainsKey(name);

    /// <summary>Every option whose name starts with <paramref name="prefix"/>, as <c>--name=value</c>.</summary>
    public IEnumerable<string> Passed(string prefix) =>
        options.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(o => $"--{o.Key}={o.Value}");
}
