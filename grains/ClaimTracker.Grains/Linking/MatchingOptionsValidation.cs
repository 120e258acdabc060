using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Linking;

/// <summary>Checks at start-up what would otherwise fail the first report: an own stance model that is missing or does not fit.</summary>
internal sealed class MatchingOptionsValidation : IValidateOptions<MatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StanceModelPath))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            using var model = Matching.StanceModel.FromFile(options.StanceModelPath);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Matching:StanceModelPath: {ex.Message}");
        }
    }
}
