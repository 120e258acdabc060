using System.Globalization;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// CPU time of a local PostgreSQL server: the postmaster and its live children (backends, WAL writer,
/// checkpointer…) from /proc, so that a per-operation cost can count the database's share too.
/// A backend that exits within a window takes its CPU time with it; pooled connections stay open.
/// </summary>
internal static class PostgresCpu
{
    // /proc reports in USER_HZ, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int postmasterPid)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var stat = ReadStat(pid);
            if (stat is { } s && (pid == postmasterPid || s.ParentPid == postmasterPid))
            {
                ticks += s.Ticks;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int ParentPid, long Ticks)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (parent, user + system);
    }
}
