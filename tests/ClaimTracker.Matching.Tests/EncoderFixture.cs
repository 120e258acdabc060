using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

/// <summary>One real MiniLM encoder for the whole test run (loading it takes about a second).</summary>
public sealed class EncoderFixture
{
    private readonly ISentenceEncoder encoder = MiniLmEncoder.Shared;

    public ISentenceEncoder Encoder => encoder;

    public float[] Embed(string text) => Encoder.Encode([text])[0];
}

[CollectionDefinition(Name)]
public sealed class EncoderCollection : ICollectionFixture<EncoderFixture>
{
    public const string Name = "MiniLM encoder";
}
