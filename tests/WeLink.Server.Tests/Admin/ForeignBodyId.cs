using WeLink.Server.Admin.Api;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Admin;

/// <summary>What one row sends: as whom, where, with which body, and a fingerprint of what the call must not change.</summary>
public sealed record ForeignBodyCall(string Cookie, string Path, object Body, Func<Task<string>> Fingerprint);

/// <summary>
/// A row of the isolation matrix for an id that arrives in a request body rather than in the route: the caller's own
/// route, with an id in the body that the caller may not use (another dealer's or another brand's, one who left, one
/// that names nothing). Each is refused with 422 naming the field, like an id that names nothing, and nothing changes.
/// </summary>
public sealed record ForeignBodyId(string Name, string Field, Func<TenancyWorld, Task<ForeignBodyCall>> Prepare)
{
    private const string MadeUpRole = "regional-overlord";

    public static IReadOnlyList<ForeignBodyId> All { get; } =
    [
        Reassign("a staff member of dealer A2 of the same brand", "staffId", w => ActiveStaffAsync(w, w.A2.Id)),
        Reassign("a staff member of dealer B1 of brand Y", "staffId", w => ActiveStaffAsync(w, w.B1.Id)),
        Reassign("an id that names no staff member", "staffId", _ => Task.FromResult(Guid.CreateVersion7())),
        Reassign("a staff member of dealer A1 who has left", "staffId", LeftStaffAsync),
        Reassign("a role that does not exist", "role", w => ActiveStaffAsync(w, w.A1.Id), MadeUpRole),
        NewDealer("a region of brand Y", async w => (await w.HqY.PostOkAsync<Region>($"/api/admin/brands/{w.Y.Id}/regions", new CreateRegionRequest(w.Unique("region-y")))).Id),
        NewDealer("an id that names no region", _ => Task.FromResult(Guid.CreateVersion7())),
    ];

    public static TheoryData<string> Names => [.. All.Select(r => r.Name)];

    public static ForeignBodyId Named(string name) => All.Single(r => r.Name == name);

    /// <summary>The service manager of dealer A1 hands their own dealer's case to someone who is not theirs to name.</summary>
    private static ForeignBodyId Reassign(string what, string field, Func<TenancyWorld, Task<Guid>> staff, string role = StaffRoles.ServiceAdvisor) =>
        new($"POST /api/staff/cases/{{id}}/reassign to {what}", field, async world =>
        {
            var manager = (await MatrixCaller.AllAsync(world)).Single(c => c.Door == MatrixDoor.Staff && c.Role == StaffRoles.ServiceManager);

            // A complaint of its own: the matrix's consumer rows may cancel the shared one, and a closed case answers 409.
            var caseId = (await TenantPeople.ConsumerAsync(world, world.A1.BrandId, world.A1.Id)).ComplaintId;
            var staffId = await staff(world);

            // The world's own background steps (the system assigning an advisor) may move the case meanwhile; staff steps and
            // the foreign assignee are what this call could change.
            async Task<string> FingerprintAsync() =>
                $"""
                staff steps: {await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM case_history WHERE case_id = @caseId AND actor_kind = 'staff'", new { caseId })},
                assigned to the foreign id: {await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE id = @caseId AND assignee_staff_id = @staffId", new { caseId, staffId })},
                in the role: {await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE id = @caseId AND assignee_role = @role", new { caseId, role })}
                """;
            return new ForeignBodyCall(manager.Cookie, $"/api/staff/cases/{caseId}/reassign", new { staffId, role }, FingerprintAsync);
        });

    /// <summary>HQ of brand X creates a dealer of brand X in a region that is not brand X's.</summary>
    private static ForeignBodyId NewDealer(string what, Func<TenancyWorld, Task<Guid>> region) =>
        new($"POST /api/admin/brands/{{brandId}}/dealers in {what}", "regionId", async world =>
        {
            var regionId = await region(world);
            var code = world.Unique("body-id");
            async Task<string> FingerprintAsync() =>
                $"dealers with the code: {await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM dealers WHERE code = @code", new { code })}";
            return new ForeignBodyCall(world.HqX.CookieHeader, $"/api/admin/brands/{world.X.Id}/dealers", new CreateDealerRequest(code, "Body id dealer", regionId), FingerprintAsync);
        });

    /// <summary>An active staff member of the dealer in every staff role, so that only the dealer can be what is wrong.</summary>
    private static async Task<Guid> ActiveStaffAsync(TenancyWorld world, Guid dealerId)
    {
        var staffId = await world.StaffOfAsync(dealerId);
        foreach (var role in StaffRoles.All)
        {
            await world.Admin.Database.ExecuteAsync("INSERT INTO staff_roles (staff_id, role) VALUES (@staffId, @role)", new { staffId, role });
        }

        return staffId;
    }

    private static async Task<Guid> LeftStaffAsync(TenancyWorld world)
    {
        var staffId = await ActiveStaffAsync(world, world.A1.Id);
        await world.Admin.Database.ExecuteAsync("UPDATE staff SET status = 'left' WHERE id = @staffId", new { staffId });
        return staffId;
    }
}
