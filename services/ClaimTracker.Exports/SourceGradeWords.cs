namespace ClaimTracker.Exports;

/// <summary>The NATO/Admiralty source reliability grades as exports write them (the rule is in docs/interop.md).</summary>
public static class SourceGradeWords
{
    /// <summary>"B: usually reliable"; null for an empty or unknown grade.</summary>
    public static string? Describe(string grade) => grade switch
    {
        "A" => "A: completely reliable",
        "B" => "B: usually reliable",
        "C" => "C: fairly reliable",
        "D" => "D: not usually reliable",
        "E" => "E: unreliable",
        "F" => "F: reliability cannot be judged",
        _ => null,
    };

    /// <summary>A judged grade on a 1 (E) … 5 (A) scale; null for F (cannot be judged) and unknown grades.</summary>
    public static int? Score(string grade) => grade switch
    {
        "A" => 5,
        "B" => 4,
        "C" => 3,
        "D" => 2,
        "E" => 1,
        _ => null,
    };
}
