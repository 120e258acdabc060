using System.CommandLine;
using System.Text.Json;
using ClaimTracker.Security;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// <c>token</c>: issues an API key. The key is printed once, with the hash and scopes to add under <c>Security:ApiKeys</c> in
/// the server's configuration; the server never stores the key itself. Works offline: nothing is sent anywhere.
/// </summary>
internal static class TokenCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var name = new Option<string>("--name")
        {
            Description = "Who the key is for (recorded as registered_by on what it writes)",
            Required = true,
        };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"Scopes the key grants (repeatable): {string.Join(", ", Scopes.All)}",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [Scopes.ClaimsRead],
        };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var command = new Command("token", "Issue an API key: prints the key once and the configuration entry that admits it")
        {
            name,
            scopes,
        };
        command.SetAction(parse =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length == 0)
            {
                Console.Error.WriteLine("error: --name must not be empty");
                return 2;
            }

            var granted = parse.GetValue(scopes)!.Distinct(StringComparer.Ordinal).ToArray();
            var key = ApiKeys.Generate();
            var entry = new { Name = keyName, Hash = ApiKeys.Hash(key), Scopes = granted };
            if (parse.GetValue(CliApp.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { Key = key, entry.Name, entry.Hash, entry.Scopes }));
                return 0;
            }

            Console.Out.WriteLine($"API key for '{keyName}' ({string.Join(", ", granted)}). It is shown only now: store it in a secret.");
            Console.Out.WriteLine();
            Console.Out.WriteLine("  " + key);
            Console.Out.WriteLine();
            Console.Out.WriteLine("Clients send it as a bearer token (claimtracker --token, or CLAIMTRACKER_TOKEN).");
            Console.Out.WriteLine("Admit it on the server: add this entry to the Security:ApiKeys array of its configuration,");
            Console.Out.WriteLine(JsonSerializer.Serialize(entry, Indented));
            Console.Out.WriteLine("or, as environment variables (N = the entry's index in the array):");
            Console.Out.WriteLine($"  Security__ApiKeys__N__Name={keyName}");
            Console.Out.WriteLine($"  Security__ApiKeys__N__Hash={entry.Hash}");
            for (var i = 0; i < granted.Length; i++)
            {
                Console.Out.WriteLine($"  Security__ApiKeys__N__Scopes__{i}={granted[i]}");
            }

            return 0;
        });
        return command;
    }
}
