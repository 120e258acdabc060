using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Which tables and indexes the pages in an embedded store's write-ahead log belong to: every committed frame of the log
/// (those written since the log last restarted after a checkpoint) is put to the B-tree that holds its page. The log keeps
/// a whole page per page a commit changed, so this tells what a statement's bytes to disk are made of. Read from the files
/// while the server writes: the frames up to the last commit frame read are whole commits (a commit frame is the last of
/// its commit), and a log that restarts meanwhile ends the sample at the first frame of the new generation.
/// </summary>
internal sealed class WalPages
{
    private const int FrameHeaderBytes = 24;
    private const string Unowned = "(overflow or free pages)";

    private readonly Dictionary<string, int> framesByTree;

    private WalPages(int commits, int frames, Dictionary<string, int> framesByTree)
    {
        Commits = commits;
        Frames = frames;
        this.framesByTree = framesByTree;
    }

    public int Commits { get; }

    public int Frames { get; }

    /// <summary>The log's committed frames by the table or index their page belongs to; null when there is no log or no commit in it.</summary>
    /// <remarks>Reads frame headers and the pages it walks one at a time into one buffer: it runs inside measured windows.</remarks>
    public static WalPages? Read(string databasePath)
    {
        var walPath = databasePath + "-wal";
        if (!File.Exists(walPath) || !File.Exists(databasePath))
        {
            return null;
        }

        using var wal = OpenShared(walPath);
        Span<byte> header = stackalloc byte[32];
        if (wal.Read(header) < header.Length)
        {
            return null;
        }

        // The header as SQLite's file format (sqlite.org/fileformat2.html, "WAL File Format") lays it out; a header being
        // rewritten as the log restarts can read as anything.
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        if (pageSize is < 512 or > 65536 || !int.IsPow2(pageSize))
        {
            return null;
        }

        var salts = header.Slice(16, 8).ToArray();
        var frames = new List<uint>();
        var lastCommit = -1;
        var commits = 0;
        var length = wal.Length;
        Span<byte> frame = stackalloc byte[FrameHeaderBytes];
        for (long offset = 32; offset + FrameHeaderBytes + pageSize <= length; offset += FrameHeaderBytes + pageSize)
        {
            wal.Position = offset;
            // A frame of an earlier generation of the log carries other salts: the log ends before it.
            if (wal.Read(frame) < frame.Length || !frame.Slice(8, 8).SequenceEqual(salts))
            {
                break;
            }

            frames.Add(BinaryPrimitives.ReadUInt32BigEndian(frame));
            if (BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) != 0)
            {
                lastCommit = frames.Count - 1;
                commits++;
            }
        }

        if (lastCommit < 0)
        {
            return null;
        }

        frames.RemoveRange(lastCommit + 1, frames.Count - lastCommit - 1);
        using var database = OpenShared(databasePath);
        var owners = new PageReader(database, wal, frames, pageSize).Owners();
        var byTree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in frames)
        {
            var owner = owners.GetValueOrDefault(page, Unowned);
            byTree[owner] = byTree.GetValueOrDefault(owner) + 1;
        }

        return new WalPages(commits, frames.Count, byTree);
    }

    /// <summary>For reading while the server writes; unbuffered, since every read is a seek.</summary>
    private static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.RandomAccess);

    /// <summary>The frames per commit and per statement, then the <paramref name="top"/> B-trees that took most of them.</summary>
    public string Summary(double statementsPerCommit, int top)
    {
        var perCommit = Frames / (double)Commits;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"write-ahead log, its last {Commits:N0} commits: {Frames:N0} pages, ");
        text.Append(CultureInfo.InvariantCulture, $"{perCommit:N1} per commit, ");
        text.Append(CultureInfo.InvariantCulture, $"{perCommit / statementsPerCommit:N1} per statement at the window's ");
        text.Append(CultureInfo.InvariantCulture, $"{statementsPerCommit:N1} statements per commit; ");
        text.Append("pages per statement by table or index:");
        var ranked = framesByTree.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        foreach (var (tree, count) in ranked.Take(top))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Environment.NewLine}  {tree} {count / (double)Commits / statementsPerCommit:N2} ({count / (double)Frames:P1})");
        }

        var rest = ranked.Skip(top).Sum(pair => pair.Value);
        if (rest > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Environment.NewLine}  {ranked.Count - top} others {rest / (double)Commits / statementsPerCommit:N2} ({rest / (double)Frames:P1})");
        }

        return text.ToString();
    }

    /// <summary>Pages as of the log's last commit: a page's newest frame in the log, else the database file's copy.</summary>
    private sealed class PageReader
    {
        private readonly FileStream database;
        private readonly FileStream wal;
        private readonly int pageSize;
        private readonly byte[] buffer;
        private readonly Dictionary<uint, int> newestFrame = [];

        public PageReader(FileStream database, FileStream wal, List<uint> frames, int pageSize)
        {
            this.database = database;
            this.wal = wal;
            this.pageSize = pageSize;
            buffer = new byte[pageSize];
            for (var i = 0; i < frames.Count; i++)
            {
                newestFrame[frames[i]] = i;
            }
        }

        /// <summary>The tree each page in the log belongs to, by the tree's name (sqlite_schema's own included).</summary>
        public Dictionary<uint, string> Owners()
        {
            var owners = new Dictionary<uint, string>();
            Walk(1, "sqlite_schema", owners);
            foreach (var (name, root) in Schema())
            {
                Walk(root, name, owners);
            }

            return owners;
        }

        /// <summary>The page, in a buffer the next read overwrites; zeros (no B-tree page) past the end of its file.</summary>
        private byte[] Page(uint number)
        {
            var (file, offset) = newestFrame.TryGetValue(number, out var frame)
                ? (wal, 32 + (frame * (long)(FrameHeaderBytes + pageSize)) + FrameHeaderBytes)
                : (database, (number - 1L) * pageSize);
            if (number == 0 || offset + pageSize > file.Length)
            {
                Array.Clear(buffer);
                return buffer;
            }

            file.Position = offset;
            file.ReadExactly(buffer);
            return buffer;
        }

        // Page 1 starts with the file's 100-byte header; its B-tree header follows it.
        private static int HeaderOffset(uint page) => page == 1 ? 100 : 0;

        /// <summary>
        /// Records the owner of the tree's pages that are in the log, a level at a time. A B-tree's leaves are all at one depth, so
        /// once a level's first page is a leaf, the level is known without reading the rest: only interior pages are read.
        /// </summary>
        private void Walk(uint root, string name, Dictionary<uint, string> owners)
        {
            // SQLite's trees are at most 20 levels deep; a torn page read mid-checkpoint must not send the walk on for ever.
            List<uint> level = [root];
            for (var depth = 0; level.Count > 0 && depth < 20; depth++)
            {
                foreach (var number in level)
                {
                    if (newestFrame.ContainsKey(number))
                    {
                        owners[number] = name;
                    }
                }

                if (!IsInterior(Page(level[0]), level[0]))
                {
                    return;
                }

                var below = new List<uint>();
                foreach (var number in level)
                {
                    // An interior page: a left child at the start of every cell, and the rightmost child in its header.
                    var page = Page(number);
                    var header = HeaderOffset(number);
                    var cells = BinaryPrimitives.ReadUInt16BigEndian(page.AsSpan(header + 3));
                    for (var i = 0; i < cells; i++)
                    {
                        var cell = BinaryPrimitives.ReadUInt16BigEndian(page.AsSpan(header + 12 + (2 * i)));
                        below.Add(BinaryPrimitives.ReadUInt32BigEndian(page.AsSpan(cell)));
                    }

                    below.Add(BinaryPrimitives.ReadUInt32BigEndian(page.AsSpan(header + 8)));
                }

                level = below;
            }
        }

        private static bool IsInterior(byte[] page, uint number) => page[HeaderOffset(number)] is 0x02 or 0x05;

        /// <summary>The name and root page of every table and index in sqlite_schema (its rows' type, name, tbl_name, rootpage).</summary>
        private List<(string Name, uint Root)> Schema()
        {
            var trees = new List<(string, uint)>();
            var leaves = new List<uint>();
            var pending = new Stack<uint>();
            pending.Push(1);
            while (pending.TryPop(out var number))
            {
                var page = Page(number).ToArray();
                var header = HeaderOffset(number);
                var cells = BinaryPrimitives.ReadUInt16BigEndian(page.AsSpan(header + 3));
                if (page[header] == 0x05)
                {
                    pending.Push(BinaryPrimitives.ReadUInt32BigEndian(page.AsSpan(header + 8)));
                    for (var i = 0; i < cells; i++)
                    {
                        var cell = BinaryPrimitives.ReadUInt16BigEndian(page.AsSpan(header + 12 + (2 * i)));
                        pending.Push(BinaryPrimitives.ReadUInt32BigEndian(page.AsSpan(cell)));
                    }

                    continue;
                }

                for (var i = 0; i < cells; i++)
                {
                    var offset = (int)BinaryPrimitives.ReadUInt16BigEndian(page.AsSpan(header + 8 + (2 * i)));
                    ReadVarint(page, ref offset); // payload size
                    ReadVarint(page, ref offset); // rowid
                    if (SchemaRow(page, offset) is { } tree)
                    {
                        trees.Add(tree);
                    }
                }
            }

            return trees;
        }

        /// <summary>A row's name and root page, read from the part of its record stored on the leaf (the schema's first columns fit).</summary>
        private static (string, uint)? SchemaRow(byte[] page, int offset)
        {
            var start = offset;
            var headerEnd = start + (int)ReadVarint(page, ref offset);
            var types = new long[4];
            for (var i = 0; i < types.Length && offset < headerEnd; i++)
            {
                types[i] = ReadVarint(page, ref offset);
            }

            var column = headerEnd;
            string? name = null;
            long root = 0;
            for (var i = 0; i < types.Length; i++)
            {
                var length = SerialLength(types[i]);
                if (i == 1 && types[i] >= 13)
                {
                    name = Encoding.UTF8.GetString(page, column, length);
                }
                else if (i == 3)
                {
                    root = ReadInteger(page, column, types[i]);
                }

                column += length;
            }

            return name is not null && root > 0 ? (name, (uint)root) : null;
        }

        private static int SerialLength(long type) => type switch
        {
            >= 12 => (int)((type - (type % 2 == 0 ? 12 : 13)) / 2),
            1 => 1,
            2 => 2,
            3 => 3,
            4 => 4,
            5 => 6,
            6 or 7 => 8,
            _ => 0,
        };

        private static long ReadInteger(byte[] page, int offset, long type)
        {
            if (type is 8 or 9)
            {
                return type - 8;
            }

            var length = SerialLength(type);
            long value = (sbyte)page[offset];
            for (var i = 1; i < length; i++)
            {
                value = (value << 8) | page[offset + i];
            }

            return value;
        }

        private static long ReadVarint(byte[] page, ref int offset)
        {
            long value = 0;
            for (var i = 0; i < 8; i++)
            {
                var b = page[offset++];
                value = (value << 7) | (long)(b & 0x7f);
                if (b < 0x80)
                {
                    return value;
                }
            }

            return (value << 8) | page[offset++];
        }
    }
}
