using ClaimTracker.Grains;
using ClaimTracker.Grains.Reliability;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Statements with the reliability grades of their origin and outlet, from the cached grade board.</summary>
internal static partial class ProtoMapper
{
    public static V1.Statement ToProto(StatementRecord statement, GradeBoard? grades)
    {
        var proto = ToProto(statement);
        Grade(proto, statement, grades);
        return proto;
    }

    public static V1.Claim ToProto(ClaimDetails details, GradeBoard? grades)
    {
        var claim = ToProto(details);
        for (var i = 0; i < details.Statements.Length; i++)
        {
            Grade(claim.Statements[i], details.Statements[i], grades);
        }

        return claim;
    }

    public static void Grade(V1.Statement proto, StatementRecord statement, GradeBoard? grades)
    {
        if (grades is null)
        {
            return;
        }

        proto.OriginGrade = grades.GradeOf(statement.OriginActorId, ReliabilityBoard.Origin).ToString();
        proto.OutletGrade = grades.GradeOf(statement.SourceActorId, ReliabilityBoard.Outlet).ToString();
    }

    public static void Grade(V1.TimelineEntry entry, StatementRecord statement, GradeBoard? grades)
    {
        if (grades is null)
        {
            return;
        }

        entry.OriginGrade = grades.GradeOf(statement.OriginActorId, ReliabilityBoard.Origin).ToString();
        entry.OutletGrade = grades.GradeOf(statement.SourceActorId, ReliabilityBoard.Outlet).ToString();
    }
}
