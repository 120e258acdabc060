using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.TestSupport;

/// <summary>
/// The corrections acceptance story over a real socket, with exact-text matching: two claims the matcher kept apart are
/// merged and unmerged (with a statement arriving in between), a report is retracted, a misattached statement relinked
/// (and its report registered again), a report corrected, two analysts merge the same pair at once, and a watcher on
/// another front door sees the corrections in order. Ids carry <c>prefix</c>, so the story can share a database.
/// Linked into the server tests (embedded) and the cluster tests (PostgreSQL, several silos).
/// </summary>
public sealed class CorrectionStory(string prefix, V1.ClaimTracker.ClaimTrackerClient writer, V1.ClaimTracker.ClaimTrackerClient watcher)
{
    private static readonly DateTimeOffset Published = new(2023, 9, 14, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The claims the story touched: compare them after a restart.</summary>
    public List<string> ClaimIds { get; } = [];

    /// <summary>The actors the story corrected: compare them after a restart.</summary>
    public List<string> ActorIds { get; } = [];

    /// <summary>The story's claims and actors as <paramref name="client"/> reads them, to compare before and after a restart.</summary>
    public async Task<List<string>> ReadStateAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var state = new List<string>();
        foreach (var id in ClaimIds)
        {
            state.Add((await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id })).ToString());
        }

        foreach (var id in ActorIds)
        {
            state.Add((await client.GetActorAsync(new V1.GetActorRequest { ActorId = id })).ToString());
        }

        return state;
    }

    public async Task RunAsync()
    {
        // Two phrasings of one figure, from two independent origins: the exact matcher keeps them apart.
        var x = await RegisterAsync("x", "Kyiv Independent", ("Ukrainian data", $"{prefix} forces fire 60,000 shells a day"));
        var y = await RegisterAsync("y", "Reuters", ("Estonian intelligence", $"{prefix} daily shell use is about 60,000"));
        ClaimIds.AddRange([x[0], y[0]]);
        var beforeMerge = await ClaimAsync(y[0]);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, beforeMerge.Status);

        // A watcher on the other front door, from a cursor taken before any correction.
        using var watch = watcher.WatchClaims(new V1.WatchClaimsRequest { ClaimIds = { y[0] }, IncludeSnapshot = true });
        var snapshot = await NextAsync(watch);
        Assert.Equal(V1.ClaimEventKind.ClaimSnapshot, snapshot.Kind);
        watch.Dispose();

        // Merge: the merged-away id answers with the survivor; the union is corroborated, each origin counted once.
        var merge = (await writer.MergeClaimsAsync(new V1.MergeClaimsRequest
        {
            CorrectionId = prefix + "-merge", Analyst = "alice", Reason = "same figure, two phrasings",
            SourceClaimId = y[0], TargetClaimId = x[0],
        })).Correction;
        Assert.Equal(V1.CorrectionKind.MergeClaims, merge.Kind);
        var merged = await ClaimAsync(y[0]);
        Assert.Equal(x[0], merged.ClaimId);
        Assert.Equal(x[0], merged.MergedInto);
        Assert.Equal([y[0]], merged.MergedClaimIds);
        Assert.Equal(V1.CorroborationStatus.Corroborated, merged.Status);
        Assert.Equal(2, merged.SupportingOrigins.Count);
        Assert.Contains(merged.StatusReasons, r => r.StartsWith("supported by 2 independent origins", StringComparison.Ordinal));
        // Statement lists follow the merge: the merged-away claim's statements are listed under the survivor.
        Assert.Equal([prefix + "-x", prefix + "-y"], await ListedReportsAsync(x[0]));
        Assert.Empty(await ListedReportsAsync(y[0]));
        // Claim lists sort on the merged counts: the survivor holds both statements.
        var byCount = await writer.ListClaimsAsync(new V1.ListClaimsRequest { Query = prefix, Sort = V1.ClaimSort.MostStatements });
        Assert.Equal(x[0], byCount.Claims[0].ClaimId);
        Assert.Equal(2, byCount.Claims[0].StatementCount);

        // The retry of the same correction is answered from the record; another analyst's merge of the pair is refused.
        var retry = await writer.MergeClaimsAsync(new V1.MergeClaimsRequest
        {
            CorrectionId = prefix + "-merge", Analyst = "alice", Reason = "same figure, two phrasings",
            SourceClaimId = y[0], TargetClaimId = x[0],
        });
        Assert.Equal(merge.RecordedAt, retry.Correction.RecordedAt);

        // A statement the matcher links to the merged-away claim arrives while merged: it counts on the survivor.
        var arrived = await RegisterAsync("y2", "BBC", ("Polish officials", $"{prefix} daily shell use is about 60,000"));
        Assert.Equal(y[0], arrived[0]);
        var withArrival = await ClaimAsync(x[0]);
        Assert.Equal(3, withArrival.SupportingOrigins.Count);
        Assert.Equal([prefix + "-x", prefix + "-y", prefix + "-y2"], await ListedReportsAsync(x[0]));

        // Unmerge: both come back as if never merged, the arrival with the claim it matched; versions advance.
        await writer.UnmergeClaimsAsync(new V1.UnmergeClaimsRequest
        {
            CorrectionId = prefix + "-unmerge", Analyst = "bob", Reason = "different reporting periods", MergeId = merge.CorrectionId,
        });
        var xBack = await ClaimAsync(x[0]);
        var yBack = await ClaimAsync(y[0]);
        Assert.Equal(x[0], xBack.ClaimId);
        Assert.Equal(string.Empty, yBack.MergedInto);
        Assert.Equal(y[0], yBack.ClaimId);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, xBack.Status);
        Assert.Equal(["a-ukrainian-data"], xBack.SupportingOrigins);
        Assert.Equal(1, xBack.StatementCount);
        Assert.Equal(V1.CorroborationStatus.Corroborated, yBack.Status);
        Assert.Equal(2, yBack.StatementCount);
        Assert.True(xBack.Version > withArrival.Version);
        Assert.True(yBack.Version > beforeMerge.Version);
        Assert.Equal([prefix + "-x"], await ListedReportsAsync(x[0]));
        Assert.Equal([prefix + "-y", prefix + "-y2"], await ListedReportsAsync(y[0]));

        // Retraction: the claim that rested on Reuters falls back, and says why; the statement stays, struck through.
        await writer.RetractReportAsync(new V1.RetractReportRequest
        {
            CorrectionId = prefix + "-retract", Analyst = "carol", Reason = "sourcing could not be verified", ReportId = prefix + "-y",
        });
        var retracted = await ClaimAsync(y[0]);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, retracted.Status);
        Assert.Contains(
            "1 statement withdrawn: Reuters retracted its report of 2023-09-14 (reason: sourcing could not be verified)",
            retracted.StatusReasons);
        Assert.Contains(retracted.Statements, s => s.ReportId == prefix + "-y" && s.Withdrawn);
        // The statement list shows the withdrawal too; the statement that still counts is listed as counting.
        var listed = (await writer.ListStatementsAsync(new V1.ListStatementsRequest { ClaimId = y[0] })).Statements;
        var struck = Assert.Single(listed, s => s.ReportId == prefix + "-y");
        Assert.True(struck.Withdrawn);
        Assert.Contains("Reuters retracted its report", struck.WithdrawnReason, StringComparison.Ordinal);
        Assert.False(Assert.Single(listed, s => s.ReportId == prefix + "-y2").Withdrawn);
        var report = await writer.GetReportAsync(new V1.GetReportRequest { ReportId = prefix + "-y" });
        Assert.True(report.Retracted);
        Assert.Equal("sourcing could not be verified", report.RetractionReason);

        // The watcher resumes from its pre-merge cursor and sees every correction of claim y, in order.
        var kinds = await KindsAfterAsync(snapshot.Cursor, y[0], 5);
        Assert.Equal(
            [
                V1.ClaimEventKind.ClaimsMerged, V1.ClaimEventKind.ClaimsUnmerged, V1.ClaimEventKind.StatusChanged,
                V1.ClaimEventKind.StatementWithdrawn, V1.ClaimEventKind.StatusChanged,
            ],
            kinds.Select(e => e.Kind));
        Assert.Equal(merge.CorrectionId, kinds[0].Correction.CorrectionId);
        Assert.Equal("carol", kinds[3].Correction.Analyst);

        await RelinkAsync();
        await CorrectReportAsync();
        await RelateAsync();
        await SplitKimAsync();

        // Two analysts merge the same pair at once through different front doors: one merge.
        var attempts = await Task.WhenAll(
            MergeOutcomeAsync(writer, prefix + "-m1", "dave", y[0], x[0]),
            MergeOutcomeAsync(watcher, prefix + "-m2", "erin", y[0], x[0]));
        Assert.Equal(1, attempts.Count(a => a == StatusCode.OK));
        Assert.Equal(1, attempts.Count(a => a == StatusCode.AlreadyExists));

        // The audit trail: who, when, why, by claim and by analyst.
        var trail = await writer.ListCorrectionsAsync(new V1.ListCorrectionsRequest { ClaimId = y[0] });
        Assert.Equal(4, trail.Corrections.Count);
        Assert.Equal(
            [
                V1.CorrectionKind.MergeClaims, V1.CorrectionKind.RetractReport, V1.CorrectionKind.UnmergeClaims,
                V1.CorrectionKind.MergeClaims,
            ],
            trail.Corrections.Select(c => c.Kind));
        Assert.All(trail.Corrections, c => Assert.False(string.IsNullOrEmpty(c.Reason)));
        var bob = await writer.ListCorrectionsAsync(new V1.ListCorrectionsRequest { Analyst = "bob", ClaimId = x[0] });
        Assert.Equal("different reporting periods", Assert.Single(bob.Corrections).Reason);
        var page = await writer.ListCorrectionsAsync(new V1.ListCorrectionsRequest { ClaimId = y[0], PageSize = 3 });
        Assert.Equal(3, page.Corrections.Count);
        var rest = await writer.ListCorrectionsAsync(
            new V1.ListCorrectionsRequest { ClaimId = y[0], PageSize = 3, PageToken = page.NextPageToken });
        Assert.Single(rest.Corrections);
    }

    private async Task RelinkAsync()
    {
        // The matcher put the second statement on a claim of its own; it belongs to the first.
        var ids = await RegisterAsync(
            "z",
            "AP",
            ("Ukrainian navy", $"{prefix} a bridge near Kherson was destroyed"),
            ("Regional governor", $"{prefix} Kherson bridge is down"));
        ClaimIds.AddRange(ids);
        var report = await writer.GetReportAsync(new V1.GetReportRequest { ReportId = prefix + "-z" });
        var relink = await writer.RelinkStatementAsync(new V1.RelinkStatementRequest
        {
            CorrectionId = prefix + "-relink", Analyst = "carol", Reason = "same bridge", StatementId = report.StatementIds[1],
            FromClaimId = ids[1], ToClaimId = ids[0], Stance = "supports",
        });
        Assert.Equal(V1.CorrectionKind.RelinkStatement, relink.Correction.Kind);

        // Registering the report again does not undo the analyst's relink.
        await writer.RegisterReportAsync(Report("z", "AP", ("Ukrainian navy", $"{prefix} a bridge near Kherson was destroyed"),
            ("Regional governor", $"{prefix} Kherson bridge is down")));
        var to = await ClaimAsync(ids[0]);
        var from = await ClaimAsync(ids[1]);
        Assert.Equal(V1.CorroborationStatus.Corroborated, to.Status);
        Assert.Equal(2, to.StatementCount);
        Assert.Equal(0, from.StatementCount);
        Assert.Equal(1, from.WithdrawnStatementCount);
        Assert.Contains($"1 statement withdrawn: relinked to claim {ids[0]} by carol (reason: same bridge)", from.StatusReasons);
        Assert.True(Assert.Single(from.Statements).Withdrawn);

        // Statement lists follow the relink: the statement is listed under the claim it was moved to, with its new stance.
        var listedTo = await writer.ListStatementsAsync(new V1.ListStatementsRequest { ClaimId = ids[0] });
        var moved = Assert.Single(listedTo.Statements, s => s.StatementId == report.StatementIds[1]);
        Assert.Equal(ids[0], moved.ClaimId);
        Assert.Equal(V1.Stance.Supports, moved.Stance);
        var listedFrom = await writer.ListStatementsAsync(new V1.ListStatementsRequest { ClaimId = ids[1] });
        Assert.DoesNotContain(listedFrom.Statements, s => s.StatementId == report.StatementIds[1]);

        // A second relink from the claim it was taken off is refused: it would count the statement twice.
        var again = await Assert.ThrowsAsync<RpcException>(async () => await writer.RelinkStatementAsync(new V1.RelinkStatementRequest
        {
            CorrectionId = prefix + "-relink-again", Analyst = "carol", Reason = "again", StatementId = report.StatementIds[1],
            FromClaimId = ids[1],
        }));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("no longer counts", again.Status.Detail, StringComparison.Ordinal);
    }

    private async Task CorrectReportAsync()
    {
        var ids = await RegisterAsync(
            "c", "Le Monde", ("Mayor of Odesa", $"{prefix} the port reopened on Monday"), ("Port authority", $"{prefix} 12 ships left"));
        ClaimIds.AddRange(ids);
        var unchangedBefore = await ClaimAsync(ids[0]);
        var corrected = await writer.CorrectReportAsync(new V1.CorrectReportRequest
        {
            CorrectionId = prefix + "-correct", Analyst = "dave", Reason = "the outlet corrected the number of ships",
            ReportId = prefix + "-c", Title = "Odesa port",
            Statements =
            {
                new V1.CorrectedStatement { Speaker = "Mayor of Odesa", Content = $"{prefix} the port reopened on Monday" },
                new V1.CorrectedStatement { Speaker = "Port authority", Content = $"{prefix} 21 ships left" },
            },
        });
        Assert.Equal(2, corrected.Correction.StatementIds.Count);
        var report = await writer.GetReportAsync(new V1.GetReportRequest { ReportId = prefix + "-c" });
        Assert.Equal(2, report.Revision);
        Assert.Equal(1, Assert.Single(report.PreviousRevisions).Revision);

        // Only the changed statement moved: the first claim is untouched, the old figure withdrawn, the new one linked.
        Assert.Equal(unchangedBefore.Version, (await ClaimAsync(ids[0])).Version);
        var old = await ClaimAsync(ids[1]);
        Assert.Equal(0, old.StatementCount);
        const string Withdrawn = "1 statement withdrawn: Le Monde corrected its report of 2023-09-14 (revision 2";
        Assert.Contains(old.StatusReasons, r => r.StartsWith(Withdrawn, StringComparison.Ordinal));
        var newClaim = corrected.Correction.ClaimIds.Single(id => id != ids[1]);
        ClaimIds.Add(newClaim);
        Assert.Equal($"{prefix} 21 ships left", (await ClaimAsync(newClaim)).Text);
    }

    private async Task RelateAsync()
    {
        // P (a 2023 figure) is contradicted by the origin that supports Q (a 2022 figure): they only look contradictory.
        var p = (await RegisterAsync("p", "AFP", ("Ukrainian general staff", $"{prefix} Russia fires 20,000 shells a day")))[0];
        var q = (await RegisterAsync("q", "TASS", ("Russian defence ministry", $"{prefix} Russia fired 60,000 shells a day in 2022")))[0];
        var against = Report("p2", "TASS", ("Russian defence ministry", $"{prefix} the 20,000 figure is wrong"));
        against.Statements[0].Stance = V1.Stance.Contradicts;
        against.Statements[0].ClaimId = p;
        await writer.RegisterReportAsync(against);
        ClaimIds.AddRange([p, q]);
        Assert.Equal(V1.CorroborationStatus.Contested, (await ClaimAsync(p)).Status);

        await writer.RelateClaimsAsync(new V1.RelateClaimsRequest
        {
            CorrectionId = prefix + "-scope", Analyst = "erin", Reason = "2022 versus 2023",
            SubjectClaimId = p, Relation = V1.ClaimRelationKind.ScopeDiffers, ObjectClaimId = q,
        });
        var scoped = await ClaimAsync(p);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, scoped.Status);
        Assert.Equal(V1.ClaimRelationKind.ScopeDiffers, Assert.Single(scoped.Relations).Kind);

        await writer.RelateClaimsAsync(new V1.RelateClaimsRequest
        {
            CorrectionId = prefix + "-supersede", Analyst = "erin", Reason = "newer figure",
            SubjectClaimId = p, Relation = V1.ClaimRelationKind.Supersedes, ObjectClaimId = q,
        });
        var superseded = await ClaimAsync(q);
        Assert.Equal(V1.CorroborationStatus.Superseded, superseded.Status);
        Assert.Contains($"superseded by claim {p}", superseded.StatusReasons);

        await writer.UnrelateClaimsAsync(new V1.UnrelateClaimsRequest
        {
            CorrectionId = prefix + "-unsupersede", Analyst = "erin", Reason = "recorded on the wrong pair",
            SubjectClaimId = p, Relation = V1.ClaimRelationKind.Supersedes, ObjectClaimId = q,
        });
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, (await ClaimAsync(q)).Status);
    }

    /// <summary>
    /// The seed article as text: the extractor files the bare "Kim" under an actor; an analyst splits it out to an actor of
    /// its own, with the statements made under it (the words at their source span are "Kim"). The split holds when the
    /// report is registered again, a later report's "Kim" follows it, the claims' watchers see ACTOR_SPLIT, and merging
    /// the new actor back undoes it. Needs the seed article beside the repository (it is on the project's machines).
    /// </summary>
    private async Task SplitKimAsync()
    {
        if (!SeedArticleFile.Exists)
        {
            return;
        }

        var seed = new V1.RegisterReportRequest
        {
            ReportId = prefix + "-seed", Source = "Example Outlet", Title = "Putin and Kim at Vostochny", Text = SeedArticleFile.Text,
            PublishedAt = Timestamp.FromDateTimeOffset(Published),
        };
        var outcomes = (await writer.RegisterReportAsync(seed)).Outcomes;
        var actors = new List<V1.Actor>();
        foreach (var actorId in outcomes.Select(o => o.ActorId).Distinct())
        {
            actors.Add(await writer.GetActorAsync(new V1.GetActorRequest { ActorId = actorId }));
        }

        var wrong = Assert.Single(actors, a => a.Aliases.Contains("Kim") && a.Name != "Kim");
        var underKim = new List<V1.Statement>();
        foreach (var outcome in outcomes.Where(o => o.ActorId == wrong.ActorId))
        {
            var claim = await ClaimAsync(outcome.ClaimId);
            var statement = claim.Statements.Single(s => s.StatementId == outcome.StatementId);
            if (statement.SourceSpan is { } span && seed.Text[span.Begin..span.End] == "Kim")
            {
                underKim.Add(statement);
            }
        }

        Assert.NotEmpty(underKim);
        var watched = underKim[0].ClaimId;
        ClaimIds.AddRange(underKim.Select(s => s.ClaimId).Distinct());
        using var watch = watcher.WatchClaims(new V1.WatchClaimsRequest { ClaimIds = { watched }, IncludeSnapshot = true });
        var snapshot = await NextAsync(watch);
        watch.Dispose();

        // Two analysts split the same alias at once through different front doors: one split, the other finds it gone.
        var attempts = await Task.WhenAll(
            SplitOutcomeAsync(writer, prefix + "-split-kim", "frank", wrong.ActorId),
            SplitOutcomeAsync(watcher, prefix + "-split-kim-again", "gina", wrong.ActorId));
        var split = Assert.Single(attempts, a => a.Correction is not null).Correction!;
        Assert.Equal(StatusCode.NotFound, Assert.Single(attempts, a => a.Correction is null).Status);
        Assert.Equal(V1.CorrectionKind.SplitActor, split.Kind);
        Assert.Equal(["Kim"], split.Aliases);
        var kimId = split.ActorIds[1];
        ActorIds.AddRange([wrong.ActorId, kimId]);
        Assert.Equal(underKim.Select(s => s.StatementId).Order(), split.StatementIds.Order());

        // The statements made under "Kim" moved, with their origin; the rest stayed.
        var kim = await writer.GetActorAsync(new V1.GetActorRequest { ActorId = kimId });
        Assert.Equal("Kim", kim.Name);
        Assert.Equal(["Kim"], kim.Aliases);
        Assert.Equal(underKim.Count, kim.StatementCount);
        Assert.Contains(kim.AliasSightings, s => s.ReportId == seed.ReportId);
        var rest = await writer.GetActorAsync(new V1.GetActorRequest { ActorId = wrong.ActorId });
        Assert.DoesNotContain("Kim", rest.Aliases);
        Assert.Equal(wrong.StatementCount - underKim.Count, rest.StatementCount);
        foreach (var moved in underKim)
        {
            var claim = await ClaimAsync(moved.ClaimId);
            var statement = claim.Statements.Single(s => s.StatementId == moved.StatementId);
            Assert.Equal(kimId, statement.ActorId);
            Assert.Contains(kimId, claim.ActorIds);
        }

        // Statement lists follow the split: the moved statements are listed under the new actor, no longer the old one.
        var listedKim = await writer.ListStatementsAsync(new V1.ListStatementsRequest { ActorId = kimId, PageSize = 100 });
        Assert.Equal(underKim.Select(s => s.StatementId).Order(), listedKim.Statements.Select(s => s.StatementId).Order());
        var listedRest = await writer.ListStatementsAsync(new V1.ListStatementsRequest { ActorId = wrong.ActorId, PageSize = 100 });
        Assert.DoesNotContain(listedRest.Statements, s => underKim.Any(m => m.StatementId == s.StatementId));

        var events = await KindsAfterAsync(snapshot.Cursor, watched, 1);
        Assert.Equal(V1.ClaimEventKind.ActorSplit, events[0].Kind);
        Assert.Equal(split.CorrectionId, events[0].Correction.CorrectionId);
        var trail = await writer.ListCorrectionsAsync(new V1.ListCorrectionsRequest { ActorId = wrong.ActorId });
        Assert.Equal(split.CorrectionId, Assert.Single(trail.Corrections).CorrectionId);

        // Corrections win over the machine: the report registered again keeps the split, and a later bare "Kim" follows it.
        var again = await writer.RegisterReportAsync(seed);
        Assert.All(underKim, m => Assert.Equal(kimId, again.Outcomes.Single(o => o.StatementId == m.StatementId).ActorId));
        Assert.DoesNotContain("Kim", (await writer.GetActorAsync(new V1.GetActorRequest { ActorId = wrong.ActorId })).Aliases);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // another silo's copy of the alias pins is at most a second old
        var later = await writer.RegisterReportAsync(Report("kim-later", "Yonhap", ("Kim", $"{prefix} the summit was a success")));
        Assert.Equal(kimId, later.Outcomes[0].ActorId);

        // Undone by merging the new actor back: the alias, its statements (the later one too) and the bare "Kim" return.
        var back = (await writer.MergeActorsAsync(new V1.MergeActorsRequest
        {
            CorrectionId = prefix + "-merge-kim", Analyst = "frank", Reason = "on reflection it is him here",
            SourceActorId = kimId, TargetActorId = wrong.ActorId,
        })).Correction;
        Assert.Equal(V1.CorrectionKind.MergeActors, back.Kind);
        var merged = await writer.GetActorAsync(new V1.GetActorRequest { ActorId = kimId });
        Assert.Equal(wrong.ActorId, merged.MergedInto);
        Assert.Equal(0, merged.StatementCount);
        var whole = await writer.GetActorAsync(new V1.GetActorRequest { ActorId = wrong.ActorId });
        Assert.Contains("Kim", whole.Aliases);
        Assert.Equal(wrong.StatementCount + 1, whole.StatementCount);
        var movedBack = await ClaimAsync(underKim[0].ClaimId);
        Assert.Equal(wrong.ActorId, movedBack.Statements.Single(s => s.StatementId == underKim[0].StatementId).ActorId);
    }

    private static async Task<(V1.Correction? Correction, StatusCode Status)> SplitOutcomeAsync(
        V1.ClaimTracker.ClaimTrackerClient client, string correctionId, string analyst, string actorId)
    {
        try
        {
            var response = await client.SplitActorAsync(new V1.SplitActorRequest
            {
                CorrectionId = correctionId, Analyst = analyst, Reason = "the bare Kim is not the same person everywhere",
                ActorId = actorId, Alias = "kim",
            });
            return (response.Correction, StatusCode.OK);
        }
        catch (RpcException ex)
        {
            return (null, ex.StatusCode);
        }
    }

    private static async Task<StatusCode> MergeOutcomeAsync(
        V1.ClaimTracker.ClaimTrackerClient client, string correctionId, string analyst, string source, string target)
    {
        try
        {
            await client.MergeClaimsAsync(new V1.MergeClaimsRequest
            {
                CorrectionId = correctionId, Analyst = analyst, Reason = "duplicate", SourceClaimId = source, TargetClaimId = target,
            });
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private async Task<List<V1.ClaimEvent>> KindsAfterAsync(string cursor, string claimId, int count)
    {
        using var resumed = watcher.WatchClaims(new V1.WatchClaimsRequest { ClaimIds = { claimId }, Cursor = cursor });
        var events = new List<V1.ClaimEvent>();
        while (events.Count < count)
        {
            events.Add(await NextAsync(resumed));
        }

        return events;
    }

    private static async Task<V1.ClaimEvent> NextAsync(AsyncServerStreamingCall<V1.ClaimEvent> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the watch ended");
        return call.ResponseStream.Current;
    }

    /// <summary>The reports of the statements listed under <paramref name="claimId"/>, in order.</summary>
    private async Task<List<string>> ListedReportsAsync(string claimId)
    {
        var page = await writer.ListStatementsAsync(new V1.ListStatementsRequest { ClaimId = claimId, PageSize = 100 });
        return page.Statements.Select(s => s.ReportId).Order(StringComparer.Ordinal).ToList();
    }

    private Task<V1.Claim> ClaimAsync(string claimId) =>
        writer.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId }).ResponseAsync;

    /// <summary>Registers report "prefix-<paramref name="name"/>" and returns the claim of each statement.</summary>
    private async Task<string[]> RegisterAsync(string name, string source, params (string Speaker, string Content)[] statements)
    {
        var response = await writer.RegisterReportAsync(Report(name, source, statements));
        return response.Outcomes.Select(o => o.ClaimId).ToArray();
    }

    private V1.RegisterReportRequest Report(string name, string source, params (string Speaker, string Content)[] statements)
    {
        var request = new V1.RegisterReportRequest
        {
            ReportId = prefix + "-" + name, Source = source, Title = name, PublishedAt = Timestamp.FromDateTimeOffset(Published),
        };
        request.Statements.Add(statements.Select(s => new V1.StatementInput { Speaker = s.Speaker, Content = s.Content }));
        return request;
    }
}
