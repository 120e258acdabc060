using System.Collections.Concurrent;
using ClaimTracker.Matching;

namespace ClaimTracker.EvaluationData;

/// <summary>
/// Memoises an encoder, optionally in a binary file (text → vector) so that tuning runs do not re-encode
/// the same data. The file holds embeddings only (derived numbers), never written inside the repository
/// unless the user asks for it.
/// </summary>
public sealed class CachingEncoder(ISentenceEncoder inner, string? path) : ISentenceEncoder
{
    private readonly ConcurrentDictionary<string, float[]> cache = Load(path);
    private volatile bool changed;

    public int Dimensions => inner.Dimensions;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var vectors = inner.Encode(missing);
            for (var i = 0; i < missing.Count; i++)
            {
                cache[missing[i]] = vectors[i];
            }

            changed = true;
        }

        return texts.Select(t => cache[t]).ToArray();
    }

    /// <summary>Writes the cache file when texts were encoded since it was read (so runs sharing a file do not collide).</summary>
    public void Save()
    {
        if (path is null || !changed)
        {
            return;
        }

        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(cache.Count);
        foreach (var (text, vector) in cache)
        {
            writer.Write(text);
            writer.Write(vector.Length);
            foreach (var x in vector)
            {
                writer.Write(x);
            }
        }
    }

    private static ConcurrentDictionary<string, float[]> Load(string? path)
    {
        var cache = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return cache;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var vector = new float[reader.ReadInt32()];
            for (var j = 0; j < vector.Length; j++)
            {
                vector[j] = reader.ReadSingle();
            }

            cache[text] = vector;
        }

        return cache;
    }
}
