using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4's watchers in a process of their own, as analysts' tools are: their parsing and garbage
/// no longer share the server's heap, GC pauses and thread pool (they still share the machine's
/// cores). The child is this benchmark started as <c>watch-clients</c>; it reports on stdout
/// (<c>subscribed</c>, then <c>status &lt;received&gt; &lt;cpu seconds&gt;</c> every 20 ms), stops on a
/// <c>stop</c> line, writes its receipts to a file and says <c>done</c>.
/// </summary>
internal sealed class WatchClientsProcess : IWatchClients
{
    private readonly Process process;
    private readonly string receiptsFile;
    private readonly int watchers;
    private readonly int capacity;
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long received;
    private double cpuSeconds;

    private WatchClientsProcess(Process process, string receiptsFile, int watchers, int capacity)
    {
        this.process = process;
        this.receiptsFile = receiptsFile;
        this.watchers = watchers;
        this.capacity = capacity;
        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"[watch-clients] {line.Data}");
            }
        };
        process.Exited += (_, _) =>
        {
            subscribed.TrySetException(
                new InvalidOperationException($"the watch-clients process exited with code {process.ExitCode} before subscribing"));
            done.TrySetResult();
        };
    }

    public long Received => Interlocked.Read(ref received);

    public double? CpuSeconds => Volatile.Read(ref cpuSeconds);

    public static async Task<WatchClientsProcess> StartAsync(string address, int watchers, int capacity, int batch)
    {
        var receiptsFile = Path.Combine(Path.GetTempPath(), $"claimtracker-watch-receipts-{Guid.NewGuid():N}.bin");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Under `dotnet run` the process is the app host; under `dotnet <dll>` it is dotnet itself.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] {
            "watch-clients",
            "--address",
            address,
            "--watchers",
            Int(watchers),
            "--capacity",
            Int(capacity),
            "--report-size",
            Int(batch),
            "--out",
            receiptsFile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var clients = new WatchClientsProcess(process, receiptsFile, watchers, capacity);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await clients.subscribed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return clients;
    }

    public async Task<long[][]> StopAsync()
    {
        if (!process.HasExited)
        {
            await process.StandardInput.WriteLineAsync("stop");
            await process.StandardInput.FlushAsync();
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();
        var receipts = new long[watchers][];
        using var reader = new BinaryReader(File.OpenRead(receiptsFile));
        for (var w = 0; w < watchers; w++)
        {
            receipts[w] = new long[capacity];
            for (var i = 0; i < capacity; i++)
            {
                receipts[w][i] = reader.ReadInt64();
            }
        }

        return receipts;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        File.Delete(receiptsFile);
        return ValueTask.CompletedTask;
    }

    /// <summary>The child's side: watch, report progress, and on <c>stop</c> write the receipts.</summary>
    public static async Task RunChildAsync(string address, int watchers, int capacity, int batch, string receiptsFile)
    {
        await using var clients = WatchReceipts.Start(address, watchers, capacity, batch);
        Console.WriteLine("subscribed");
        var stopRequested = Task.Run(() => Console.In.ReadLine());
        var self = Process.GetCurrentProcess();
        while (!stopRequested.IsCompleted)
        {
            self.Refresh();
            Console.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"status {clients.Received} {self.TotalProcessorTime.TotalSeconds:0.000}"));
            await Task.WhenAny(stopRequested, Task.Delay(20));
        }

        var receipts = await clients.StopAsync();
        await using (var writer = new BinaryWriter(File.Create(receiptsFile)))
        {
            foreach (var row in receipts)
            {
                foreach (var timestamp in row)
                {
                    writer.Write(timestamp);
                }
            }
        }

        Console.WriteLine("done");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line == "subscribed")
        {
            subscribed.TrySetResult();
        }
        else if (line == "done")
        {
            done.TrySetResult();
        }
        else if (line.StartsWith("status ", StringComparison.Ordinal))
        {
            var parts = line.Split(' ');
            Interlocked.Exchange(ref received, long.Parse(parts[1], CultureInfo.InvariantCulture));
            Volatile.Write(ref cpuSeconds, double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }
}
