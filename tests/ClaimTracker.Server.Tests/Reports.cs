using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>The reports of the acceptance story: one figure, carried by several outlets, from two origins, then denied.</summary>
internal static class Reports
{
    public const string ShellsPerDay = "Russian forces fire up to 60,000 artillery shells per day";

    public static V1.RegisterReportRequest A() => Report("story-a", "Kyiv Independent", "Ukrainian data", ["AFP"], ShellsPerDay);

    public static V1.RegisterReportRequest B() => Report("story-b", "Le Monde", "Ukrainian data", ["AFP"], ShellsPerDay);

    public static V1.RegisterReportRequest C() => Report("story-c", "Reuters", "Estonian defence intelligence", [], ShellsPerDay);

    public static V1.RegisterReportRequest D(string claimId)
    {
        var request = Report(
            "story-d",
            "TASS",
            "Russian Ministry of Defence",
            [],
            "Ukrainian claims about Russian shelling rates are fabricated");
        request.Statements[0].Stance = V1.Stance.Contradicts;
        request.Statements[0].ClaimId = claimId;
        return request;
    }

    public static V1.RegisterReportRequest Report(string reportId, string source, string speaker, string[] via, string content)
    {
        var request = new V1.RegisterReportRequest
        {
            ReportId = reportId,
            Source = source,
            Url = $"https://example.org/{reportId}",
            Title = content,
            PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 9, 13, 12, 0, 0, TimeSpan.Zero)),
        };
        var statement = new V1.StatementInput { Speaker = speaker, Content = content };
        statement.Via.Add(via);
        request.Statements.Add(statement);
        return request;
    }
}
