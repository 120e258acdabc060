using System.Diagnostics;
using System.Globalization;

namespace ClaimTracker.TestSupport;

/// <summary>
/// Scratch directories (databases, articles, browser profiles) for one test process, all under
/// <c>claimtracker-tests/&lt;process id&gt;</c> in the temporary directory. That directory is deleted when the process
/// exits, so a test run leaves no databases behind; the next run deletes those of runs that were killed.
/// </summary>
public static class TestDirectories
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "claimtracker-tests");
    private static readonly Lazy<string> Root = new(CreateRoot);

    /// <summary>A new empty directory whose name starts with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, prefix + Guid.NewGuid().ToString("N")[..12])).FullName;

    private static string CreateRoot()
    {
        DeleteThoseOfEndedProcesses();
        var root = Directory.CreateDirectory(Path.Combine(Base, Environment.ProcessId.ToString(CultureInfo.InvariantCulture))).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void DeleteThoseOfEndedProcesses()
    {
        if (!Directory.Exists(Base))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(Base))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
                && !IsRunning(processId))
            {
                TryDelete(directory);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that outlives us: the next run deletes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to delete (another user's run): left alone.
        }
    }
}
