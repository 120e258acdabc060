using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>
/// RegisterReports: a hostile value in a report of a batch fails that report alone, with the status RegisterReport
/// would give it (surfaced here as the case's status); a batch over the size limit is refused whole.
/// </summary>
public static partial class HostileCases
{
    private static IEnumerable<HostileCase> BatchCases()
    {
        var fields = new (string Field, Func<Value, string[]> Rule, Action<V1.RegisterReportRequest, string> Set)[]
        {
            ("report_id", IdRule, (r, v) => r.ReportId = v),
            ("source", v => v.IsBlank || v.Text.Length > 256 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Source = v),
            ("content", v => v.IsBlank || v.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Statements[0].Content = v),
        };
        foreach (var (field, rule, set) in fields)
        {
            foreach (var (value, index) in CoreValues.Select((v, i) => (v, i)))
            {
                var name = $"RegisterReports {field} {value.Name}";
                var id = $"hostile-batch-{field}-{index}";
                var request = Reports.Report(id, "Outlet", "Speaker", [], "Hostile batch field " + id);
                // A valid hostile id gets a prefix of its own: RegisterReport's cases register the bare value.
                set(request, field == "report_id" && IdRule(value) is [Ok] ? "batch-" + value.Text : value.Text);
                yield return new HostileCase(name, rule(value), Writes: true, target => HostileTarget.CallAsync(async () =>
                {
                    var batch = new V1.RegisterReportsRequest { Reports = { request } };
                    var registration = Assert.Single((await target.Client.RegisterReportsAsync(batch)).Registrations);
                    if (registration.Error is { } error)
                    {
                        throw new RpcException(new Status((StatusCode)error.Code, error.Message));
                    }
                }));
            }
        }

        yield return new HostileCase("RegisterReports over the batch limit", Expect(Invalid), Writes: true, target =>
            HostileTarget.CallAsync(() =>
            {
                var batch = new V1.RegisterReportsRequest();
                batch.Reports.Add(Enumerable.Range(0, 1001)
                    .Select(i => Reports.Report($"hostile-batch-{i}", "Outlet", "Speaker", [], $"Batch {i}")));
                return target.Client.RegisterReportsAsync(batch).ResponseAsync;
            }));
    }
}
