using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Retention.Metrics.Benchmarks;

/// <summary>The scale run of docs/scale.md: a purchase file of any size (100M and more) built into a history read off disk in
/// chunks, with the process's peak memory against the history's own size, and the passes on one and two threads.</summary>
/// <remarks>
/// <c>scale write --purchases N --file F</c> writes the sample shop as 16-byte records (customer int32, day number int32,
/// amount in cents int64, little-endian). <c>scale build --file F</c> builds the history from the file with
/// <see cref="PurchaseHistory.CreateFromChunks"/> (a fresh process, so its peak memory is the build's) and times the passes.
/// <c>scale --purchases N</c> does both with a temporary file: what CI runs at a small size.
/// </remarks>
public static class ScaleRun
{
    private const int RecordBytes = 16;
    private const int ChunkPurchases = 1 << 16;

    public static int Run(string[] args)
    {
        string verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "both";
        long purchases = long.Parse(Option(args, "--purchases") ?? "1000000", NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        string? file = Option(args, "--file");
        switch (verb)
        {
            case "write":
                Write(purchases, file ?? throw new ArgumentException("scale write needs --file."));
                return 0;
            case "build":
                return Build(file ?? throw new ArgumentException("scale build needs --file."));
            case "both":
                string temp = file ?? Path.Combine(Path.GetTempPath(), $"retention-scale-{Environment.ProcessId}.bin");
                try
                {
                    Write(purchases, temp);
                    return Build(temp);
                }
                finally
                {
                    if (file is null) File.Delete(temp);
                }
            default:
                Console.Error.WriteLine($"scale: unknown verb '{verb}' (write, build, or none for both).");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1].Replace("_", "", StringComparison.Ordinal) : null;
    }

    /// <summary>Generates the sample shop (seed 42) and writes it as fixed-size records.</summary>
    private static void Write(long purchases, string file)
    {
        var clock = Stopwatch.StartNew();
        Purchase[] shop = SampleShop.Generate(checked((int)purchases));
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[ChunkPurchases * RecordBytes];
        for (int at = 0; at < shop.Length; at += ChunkPurchases)
        {
            int count = Math.Min(ChunkPurchases, shop.Length - at);
            for (int i = 0; i < count; i++)
            {
                Purchase p = shop[at + i];
                decimal cents = p.Amount * 100m;
                if (cents != decimal.Truncate(cents)) throw new InvalidOperationException($"purchase {at + i}: {p.Amount} has more than two decimals.");
                Span<byte> record = buffer.AsSpan(i * RecordBytes, RecordBytes);
                BinaryPrimitives.WriteInt32LittleEndian(record, p.Customer);
                BinaryPrimitives.WriteInt32LittleEndian(record[4..], p.Date.DayNumber);
                BinaryPrimitives.WriteInt64LittleEndian(record[8..], (long)cents);
            }
            stream.Write(buffer, 0, count * RecordBytes);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {shop.Length:N0} purchases ({new FileInfo(file).Length / 1e6:N0} MB) to {file} in {clock.Elapsed.TotalSeconds:N1} s"));
    }

    /// <summary>Reads the file in chunks through one reused buffer, as many times as asked.</summary>
    private static IEnumerable<ReadOnlyMemory<Purchase>> ReadChunks(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var bytes = new byte[ChunkPurchases * RecordBytes];
        var chunk = new Purchase[ChunkPurchases];
        while (true)
        {
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read % RecordBytes != 0) throw new InvalidDataException($"{file} ends inside a record.");
            int count = read / RecordBytes;
            if (count == 0) yield break;
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> record = bytes.AsSpan(i * RecordBytes, RecordBytes);
                long cents = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
                ulong magnitude = (ulong)Math.Abs(cents);
                chunk[i] = new Purchase(
                    BinaryPrimitives.ReadInt32LittleEndian(record),
                    DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(record[4..])),
                    new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, cents < 0, scale: 2));
            }
            yield return chunk.AsMemory(0, count);
        }
    }

    private static int Build(string file)
    {
        long before = PeakWorkingSet();
        var clock = Stopwatch.StartNew();
        PurchaseHistory history = PurchaseHistory.CreateFromChunks(() => ReadChunks(file));
        double buildSeconds = clock.Elapsed.TotalSeconds;
        long peak = PeakWorkingSet();
        long historyBytes = 12L * history.Count + 8L * history.CustomerCount + 4;
        DateOnly asOf = history.LastDate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            purchases            {history.Count,15:N0}
            customers            {history.CustomerCount,15:N0}
            history size         {historyBytes / 1e6,15:N1} MB (12 B per purchase + 8 B per customer)
            build from file      {buildSeconds,15:N2} s (two reads of {new FileInfo(file).Length / 1e6:N0} MB, {ChunkPurchases:N0}-purchase chunks)
            peak working set     {peak / 1e6,15:N1} MB ({(double)peak / historyBytes:N2}x the history; {before / 1e6:N1} MB before the build, so the build added {(double)(peak - before) / historyBytes:N2}x)
            """));
        SummaryTotals totals = default;
        CohortTable? table = null;
        foreach (int threads in new[] { 1, 2 })
        {
            double summary = Best(() => totals = Summaries.Totals(history, asOf, threads));
            double cohorts = Best(() => table = Cohorts.Compute(history, asOf, null, threads));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{threads} thread(s): Summaries.Totals {summary * 1e3,9:N1} ms   Cohorts.Compute (monthly) {cohorts * 1e3,9:N1} ms"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check: {totals.Customers:N0} customers, {totals.Orders:N0} orders, revenue {totals.TotalAmount:N2}, {table!.CohortCount} cohorts"));
        return totals.Orders == history.Count && table.CustomerCount == history.CustomerCount ? 0 : 1;
    }

    /// <summary>The best of five runs after one warm-up, in seconds.</summary>
    private static double Best(Action run)
    {
        run();
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }

    /// <summary>The process's peak resident set (VmHWM), in bytes; the current working set where /proc is missing.</summary>
    private static long PeakWorkingSet()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
