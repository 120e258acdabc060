namespace ClaimTracker.Matching;

/// <summary>Turns sentences into L2-normalised vectors, so that a dot product is a cosine similarity.</summary>
public interface ISentenceEncoder
{
    /// <summary>Length of every vector <see cref="Encode"/> returns.</summary>
    int Dimensions { get; }

    /// <summary>Encodes every text, in order; implementations batch internally and are thread-safe.</summary>
    float[][] Encode(IReadOnlyList<string> texts);

    /// <summary><see cref="Encode"/> without holding the caller's thread; <see cref="EncoderQueue"/> queues the texts.</summary>
    Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Task.Run(() => Encode(texts), cancellationToken);
}
