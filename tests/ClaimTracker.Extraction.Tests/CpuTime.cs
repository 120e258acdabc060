using System.Diagnostics;
using System.Text;

namespace ClaimTracker.Extraction.Tests;

/// <summary>What the linear-time tests share: texts made by repeating sentences, and CPU time measured as best of three.</summary>
internal static class CpuTime
{
    /// <summary>
    /// Sentences <paramref name="sentence"/>(0), (1), … joined by spaces until the text is at least
    /// <paramref name="length"/> characters long.
    /// </summary>
    public static string RepeatTo(int length, Func<int, string> sentence)
    {
        var text = new StringBuilder(length * 2);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(sentence(i)).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>
    /// The least CPU time of three runs of <paramref name="work"/>, in milliseconds. Each run starts after a full
    /// collection, so the garbage of the run before (the collector's threads count as the process's CPU) is not charged to it.
    /// </summary>
    public static double BestOfThree(Action work)
    {
        using var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var before = process.TotalProcessorTime;
            work();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalMilliseconds);
        }

        return best;
    }
}
