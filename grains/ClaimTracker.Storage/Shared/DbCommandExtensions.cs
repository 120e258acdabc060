using System.Data.Common;

namespace ClaimTracker.Storage;

internal static class DbCommandExtensions
{
    /// <summary>Adds a parameter whatever the provider (AddWithValue is each provider's own).</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
