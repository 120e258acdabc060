using System.Globalization;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// CPU time of this process's threads whose names start with a prefix (Linux: /proc/self/task/*/comm and stat), e.g. the
/// encoder queue's inference threads ("encoder-0", …): what one stage of the server costs, measured inside the server run.
/// Zero elsewhere.
/// </summary>
internal static class ThreadCpu
{
    private const string Tasks = "/proc/self/task";

    /// <summary>USER_HZ: 100 on every Linux build .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>The calling thread's CPU time (Linux: /proc/thread-self/stat); zero elsewhere.</summary>
    public static double CurrentThreadSeconds()
    {
        try
        {
            return Ticks(File.ReadAllText("/proc/thread-self/stat")) / (double)ClockTicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public static double Seconds(string namePrefix)
    {
        if (!Directory.Exists(Tasks))
        {
            return 0;
        }

        var ticks = 0L;
        foreach (var task in Directory.EnumerateDirectories(Tasks))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(namePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                ticks += Ticks(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The thread ended meanwhile.
            }
        }

        return ticks / (double)ClockTicksPerSecond;
    }

    /// <summary>utime + stime of a thread's stat line.</summary>
    private static long Ticks(string stat)
    {
        // "tid (comm) state ppid …": utime and stime are fields 14 and 15; comm may hold spaces, so count after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
