using ClaimTracker.MatchingEvaluation;

const string Usage = """
    ClaimTracker.MatchingEvaluation — measures the claim matching and stance library.
      fnc1 <path-to-fnc-1> [--holdout-fraction 0.2] [--seed 1] [--embedding-cache FILE] [--max-sentences 12]
      emergent-headlines <path-to-emergent-dev> [--sweep] [--no-phrasings] [--verbose] [--show-wrong-joins] [--embedding-cache FILE]
      bench-match [--claims 100000] [--probes 200] [--shards 2] [--rules]   (decision by the learned scorer unless --rules)
      index-recall <path-to-bbc.txt> [--sentences 40000] [--queries 500] [--scale 1000000] [--probes 8] [--embedding-cache FILE]
        (the approximate claim index against the exact scan, on real sentence embeddings, at the list count of --scale phrasings)
      emergent <path-to-emergent-dev> [--verbose] [--fold-models DIR] [--Matching:Option value …]
        (replays every rumour and article through an in-process server; --verbose lists the tune half; --fold-models: each
        fold's rumours through a server whose stance model never saw them, from Training -- stance --fold-models DIR)
      corrections --server http://127.0.0.1:5000 [--token TOKEN]
        (how many of a running server's recorded corrections the current linking and stance models would have avoided)
    Data is read from the given paths and never copied.
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
        "emergent-headlines" => Emergent.Run(arguments),
        "fnc1" => Fnc1.Run(arguments),
        "bench-match" => BenchMatch.Run(arguments),
        "index-recall" => IndexRecall.Run(arguments),
        "emergent" => EmergentReplay.Run(arguments),
        "corrections" => CorrectionsReplay.Run(arguments),
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
