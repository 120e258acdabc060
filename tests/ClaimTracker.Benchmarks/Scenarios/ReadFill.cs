using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// Fills an embedded store for the reads scenario with bulk transactions of prepared statements on a connection of
/// its own (the rows the store writes for a claim with one statement: journal, claim row and its full-text entry,
/// actor link, statement row, index entry). Claims already there are kept, so a kept database is only topped up.
/// </summary>
internal sealed class ReadFill(SqliteConnection connection, PayloadSerializer serializer)
{
    public const int Dimensions = 384;
    private const int Batch = 20_000;

    // Real words, each in about 1 % of the claims (three per claim out of 300), beside synthetic filler words.
    private static readonly string[] NewsWords =
    [.. """
        port support grain harbour shells artillery ceasefire minister election ballot troops border drone missile refinery
        pipeline sanctions embassy parliament strike protest flood earthquake wildfire outbreak vaccine hospital inflation
        currency bank tariff export import factory wages pension court verdict appeal prison police arrest smuggling
        bridge railway airport tanker convoy aid refugee camp village city province capital summit treaty talks envoy
        spokesman ministry army navy air force general commander casualties wounded killed missing hostage prisoner
        exchange deal oil gas power grid blackout water dam reservoir river coast island storm heatwave drought harvest
        wheat corn rice fertiliser shipping route canal strait fleet submarine satellite launch test nuclear plant reactor
        inspection agency report estimate figure percent million billion budget deficit debt loan bonds market shares
        stock crash rally investors company merger layoffs jobs unemployment strike union teachers doctors nurses students
        school university exam scandal resignation coalition opposition vote poll campaign candidate president premier
        king queen prince cabinet decree law bill reform tax subsidy fuel price bread sugar meat milk cattle fishing
        forest mine copper gold lithium cobalt chip semiconductor network hack cyberattack outage data leak privacy
        platform ban censorship journalist newspaper broadcaster channel interview statement denial rumour claim evidence
        investigation probe audit fraud bribery corruption charges trial sentence release custody extradition asylum
        migrants boat rescue coastguard sea shore beach tourism hotel visa passport festival match team league cup
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct()];

    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Tops the store at <paramref name="databasePath"/> up to <paramref name="claims"/> claims; returns how many it
    /// wrote.</summary>
    public static async Task<int> FillAsync(string databasePath, PayloadSerializer serializer, int claims)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());
        await connection.OpenAsync();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -262144;");
        var existing = Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM claims"), CultureInfo.InvariantCulture);
        var fill = new ReadFill(connection, serializer);
        var random = new Random(7 + existing);
        var filler = new Zipf(20_000, 1.0, 11 + existing);
        for (var first = existing; first < claims; first += Batch)
        {
            fill.WriteBatch(first, Math.Min(Batch, claims - first), random, filler);
            if ((first / Batch) % 5 == 0)
            {
                Console.WriteLine($"  {Math.Min(first + Batch, claims):N0} claims");
            }
        }

        return Math.Max(0, claims - existing);
    }

    private void WriteBatch(int first, int count, Random random, Zipf filler)
    {
        using var transaction = connection.BeginTransaction();
        using var journal = Prepare(transaction, "INSERT INTO journal (stream, version, event_key, payload) VALUES ($p0, 1, $p1, $p2)", 3);
        using var claim = Prepare(transaction, """
            INSERT INTO claims (claim_id, text_norm, status, updated_at, summary,
                                first_reported_ms, updated_ms, credibility, origin_count, statement_count)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p5, 3, 1, 1)
            """, 6);
        using var actor = Prepare(transaction, "INSERT OR IGNORE INTO claim_actors (actor_id, claim_id) VALUES ($p0, $p1)", 2);
        using var statementRow = Prepare(transaction, """
            INSERT INTO statements
                (statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            """, 9);
        using var index = Prepare(transaction, "INSERT INTO claim_index (claim_id, text, embedding) VALUES ($p0, $p1, $p2)", 3);
        for (var n = first; n < first + count; n++)
        {
            var text = Text(random, filler);
            var claimId = $"c-bench-{n}";
            var at = Start.AddMinutes(n);
            var statement = Statement(claimId, n, text, at);
            var summary = new ClaimSummary
            {
                ClaimId = claimId,
                Text = text,
                Status = CorroborationStatus.Uncorroborated,
                Credibility = 3,
                SupportingOrigins = [statement.OriginActorId],
                StatementCount = 1,
                FirstReportedAt = at,
                UpdatedAt = at,
                Version = 1,
                ActorIds = [statement.ActorId],
            };
            var millis = at.ToUnixTimeMilliseconds();
            Run(journal, "claim/" + claimId, statement.StatementId, // the store's journal stream of a claim
                serializer.Serialize<ClaimJournalEvent>(new StatementRecorded(statement)));
            Run(claim, claimId, ClaimText.Normalize(text), (int)summary.Status,
                at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), serializer.Serialize(summary), millis);
            Run(actor, statement.ActorId, claimId);
            Run(statementRow, statement.StatementId, claimId, statement.ReportId, statement.ActorId, statement.OriginActorId,
                statement.SourceActorId, (int)statement.Stance, millis, serializer.Serialize(statement));
            Run(index, claimId, text, EmbeddingCodec.ToBytes(Embedding(random)));
        }

        transaction.Commit();
    }

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static StatementRecord Statement(string claimId, int n, string text, DateTimeOffset at) => new()
    {
        StatementId = claimId + "-s0",
        ReportId = claimId + "-r0",
        ClaimId = claimId,
        ActorId = $"a-origin-{n % 5000}",
        Speaker = $"Origin {n % 5000}",
        Content = text,
        OriginActorId = $"a-origin-{n % 5000}",
        OriginName = $"Origin {n % 5000}",
        Source = $"Outlet {n % 10}",
        SourceActorId = $"a-outlet-{n % 10}",
        Stance = Stance.Supports,
        Modality = Modality.Asserted,
        PublishedAt = at,
        RecordedAt = at,
    };

    /// <summary>Three news words and seven filler words ("w123", Zipf-distributed): about ten words like a claim.</summary>
    private static string Text(Random random, Zipf filler)
    {
        var words = new string[10];
        for (var i = 0; i < 3; i++)
        {
            words[i] = NewsWords[random.Next(NewsWords.Length)];
        }

        for (var i = 3; i < words.Length; i++)
        {
            words[i] = "w" + filler.Next().ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(' ', words);
    }

    /// <summary>A random unit vector: the index's work per claim does not depend on what the vector means.</summary>
    public static float[] Embedding(Random random)
    {
        var vector = new float[Dimensions];
        var norm = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
            norm += vector[i] * vector[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }
}
