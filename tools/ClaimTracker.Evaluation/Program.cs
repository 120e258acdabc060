using ClaimTracker.Evaluation;

return CommandLine.Run(args, Console.Out, Console.Error);
