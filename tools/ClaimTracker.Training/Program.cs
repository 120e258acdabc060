using ClaimTracker.EvaluationData;
using ClaimTracker.Training;
using ClaimTracker.Training.Linking;

const string Usage = """
    ClaimTracker.Training — trains the models shipped with the libraries, from public data given by path.
      stance <path-to-shared-data> [--out DIR] [--folds 5] [--embedding-cache FILE] [--search] [--ablation]
              [--emergent-only] [--fnc1-weight 0.25] [--trees 200] [--leaves 16] [--learning-rate 0.05] [--min-leaf 20]
              [--feature-fraction 0.5] [--fold-models DIR]
          Emergent headlines + FNC-1 (related pairs), grouped cross-validation by rumour, FNC-1 hold-out score;
          --ablation also cross-validates with each feature block blanked; --fold-models writes each fold's model
          (trained without its rumours) and folds.tsv to DIR, for MatchingEvaluation -- emergent --fold-models DIR;
          writes stance.zip and stance.manifest.json to DIR (default grains/ClaimTracker.Matching/Models).
      stance-body <path-to-shared-data> [--out DIR] [--folds 5] [--embedding-cache FILE] [--search] [--trees 200]
              [--leaves 16] [--learning-rate 0.05] [--min-leaf 20] [--feature-fraction 0.5]
          The body stance model (statements from running text): FNC-1 related pairs, grouped cross-validation by
          rumour without the hold-out bodies, then the hold-out scored once beside the headline model and the rules;
          writes stance-body.zip and stance-body.manifest.json (same default folder).
      linking <path-to-shared-data> [--out DIR] [--embedding-cache FILE] [--folds 5] [--topic-neighbours 4]
          Emergent statements against the claims the index retrieves, cross-validated by rumour through a replay
          of the online process; writes same-claim.zip and same-claim.manifest.json (same default folder).
    The attribution filter is trained by tools/ClaimTracker.Evaluation (train-attribution).
    Data is read from the given paths and never copied. Training is single-threaded and seeded: the same
    data gives the same model file.
    """;

if (args.Length == 0)
{
    Console.WriteLine(Usage);
    return 2;
}

var arguments = new Arguments(args);
try
{
    return args[0] switch
    {
        "stance" => StanceCommand.Run(arguments),
        "stance-body" => BodyStanceCommand.Run(arguments),
        "linking" => LinkingCommand.Run(args),
        _ => Fail($"unknown command '{args[0]}'"),
    };
}
catch (ArgumentException e)
{
    return Fail(e.Message);
}

int Fail(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(Usage);
    return 2;
}
