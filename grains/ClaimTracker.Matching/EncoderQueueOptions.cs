namespace ClaimTracker.Matching;

/// <summary>How <see cref="EncoderQueue"/> batches; bound from "Matching:Encoder".</summary>
public sealed class EncoderQueueOptions
{
    public const string SectionName = "Matching:Encoder";

    /// <summary>Inference threads; 0 means one per core.</summary>
    public int Threads { get; set; }

    /// <summary>Most sentences handed to the encoder at once (which may run them in smaller model batches).</summary>
    public int MaxBatch { get; set; } = 32;

    /// <summary>Longest a thread waits for more sentences to fill a batch once it holds one, in milliseconds.</summary>
    public double MaxWaitMilliseconds { get; set; } = 2;

    /// <summary>
    /// Most batches' worth of sentences a thread takes at once when that many are already waiting (and no more than the other
    /// threads' share of them). It encodes them shortest first, so that each batch pads its sentences to a length near their own; the
    /// encoder pads every sentence of a batch to the batch's longest. 1 keeps the order of arrival.
    /// </summary>
    public int LengthWindow { get; set; } = 8;

    /// <summary>
    /// Sentences whose vectors are kept, by exact text, so that a sentence seen again is not encoded again (wire copy run by
    /// several outlets, a report registered again under another id): about 1.8 KB each. 0 turns the cache off.
    /// </summary>
    public int CachedSentences { get; set; } = 10_000;

    /// <summary><see cref="Threads"/> with 0 resolved to the number of cores.</summary>
    public int ThreadCount => Threads > 0 ? Threads : Environment.ProcessorCount;
}
