using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimTracker.Training;

/// <summary>Writing models and manifests so that the same training gives byte-identical files.</summary>
public static class ModelFiles
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new() {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Where the stance models are written: <paramref name="requested"/> (<c>--out</c>), else ClaimTracker.Matching's Models
    /// folder from the repository root; it must exist.</summary>
    public static string MatchingModelsFolder(string? requested)
    {
        var output = requested ?? Path.Combine("grains", "ClaimTracker.Matching", "Models");
        return Directory.Exists(output)
            ? output
            : throw new ArgumentException($"output folder '{output}' does not exist (run from the repository root or pass --out)");
    }

    /// <summary>
    /// Rewrites a zip (as ML.NET saves it: entries stamped with the current time) with its entries in
    /// ordinal order and a fixed timestamp.
    /// </summary>
    public static byte[] Deterministic(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json) + "\n";
}
