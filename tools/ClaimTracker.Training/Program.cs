using ClaimTracker.Training.Linking;

const string Usage = """
    ClaimTracker.Training — trains the models shipped with the analysis libraries, deterministically.
      linking <path-to-shared-data> [--out DIR] [--embedding-cache FILE] [--folds 5]
    Data is read from the given paths and never copied.
    """;

return args.FirstOrDefault() switch
{
    "linking" => LinkingCommand.Run(args),
    _ => Fail(),
};

int Fail()
{
    Console.Error.WriteLine(Usage);
    return 2;
}
