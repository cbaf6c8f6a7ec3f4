using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Members.Phones;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// Members of a <see cref="TenancyWorld"/>: a joined record with profile history and consents written as the member
/// core writes them, its phone confirmed through the core, consumers of dealers merged into it through that phone, and
/// staff clients of a dealer with a real session.
/// </summary>
public static class MemberSeed
{
    public static async Task<Guid> MemberAsync(TenancyWorld world, Guid brandId, Guid homeDealerId, string name, string? mergedInto = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync(world, """
            INSERT INTO members (id, brand_id, home_dealer_id, status, member_number, tier, name, phone_masked, merged_into, joined_at, created_at, updated_at)
            VALUES (@id, @brandId, @homeDealerId, @status, @number, @tier, @name, NULL, @into, @now, @now, @now)
            """,
            new
            {
                id,
                brandId,
                homeDealerId,
                status = mergedInto is null ? "member" : "merged",
                number = mergedInto is null ? Random.Shared.NextInt64(10_000_000_000, 100_000_000_000).ToString(CultureInfo.InvariantCulture) : null,
                tier = "银卡",
                name,
                into = mergedInto is null ? (Guid?)null : Guid.Parse(mergedInto),
                now,
            });
        await ExecuteAsync(world, """
            INSERT INTO member_profile_changes (id, brand_id, member_id, field, value, source, changed_at) VALUES
            (@a, @brandId, @id, 'name', '小王', 'wechat', @earlier), (@b, @brandId, @id, 'name', @name, 'miniprogram', @now)
            """,
            new { a = Guid.CreateVersion7(), b = Guid.CreateVersion7(), brandId, id, name, earlier = now.AddDays(-1), now });
        await ExecuteAsync(world, """
            INSERT INTO member_consents (id, brand_id, member_id, purpose, granted, text_version, channel, decided_at) VALUES
            (@a, @brandId, @id, 'marketing', @yes, 'v1', 'miniprogram', @earlier), (@b, @brandId, @id, 'marketing', @no, 'v1', 'miniprogram', @now)
            """,
            new { a = Guid.CreateVersion7(), b = Guid.CreateVersion7(), brandId, id, yes = true, no = false, earlier = now.AddMinutes(-5), now });
        if (mergedInto is null)
        {
            var phone = $"139{Random.Shared.Next(10_000_000, 100_000_000)}";
            Phones[id] = phone;
            await world.Admin.Host.Services.GetRequiredService<MemberPhones>().ConfirmAsync(brandId, id, phone, "miniprogram", CancellationToken.None);
        }

        return id;
    }

    /// <summary>The phone each seeded member confirmed, for a consumer to confirm it again and so become that member.</summary>
    public static ConcurrentDictionary<Guid, string> Phones { get; } = new();

    /// <summary>A consumer of the dealer (with their own complaint) linked to the member as the dealer account's follower.</summary>
    /// <remarks>
    /// Signing in makes the consumer a record of their own; the customer then confirms the member's phone for it in front
    /// of staff, and the two records merge into the member (the one that joined is kept), as the member core merges them.
    /// </remarks>
    public static async Task<MatrixConsumer> LinkConsumerAsync(TenancyWorld world, Guid memberId, Guid brandId, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(world);
        var consumer = await TenantPeople.ConsumerAsync(world, brandId, dealerId);
        var phones = world.Admin.Host.Services.GetRequiredService<MemberPhones>();
        var confirmed = await phones.ConfirmAsync(brandId, consumer.MemberId, Phones[memberId], "staff:seed", CancellationToken.None);
        Assert.Equal(memberId, Assert.IsType<PhoneConfirmation.Confirmed>(confirmed).MemberId);
        return consumer;
    }

    /// <summary>The member a consumer row is, as the member core linked it on the consumer's first sight.</summary>
    public static async Task<Guid> MemberOfConsumerAsync(TenancyWorld world, Guid consumerId)
    {
        ArgumentNullException.ThrowIfNull(world);
        await using var connection = await world.Admin.Host.Services.GetRequiredService<IDbConnectionFactory>().OpenConnectionAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<Guid>("SELECT member_id FROM member_identities WHERE consumer_id = @consumerId", new { consumerId });
    }

    public static Task IdentityAsync(TenancyWorld world, Guid memberId, Guid brandId, Guid dealerId, string kind, string scope, string subject, Guid? consumerId = null) =>
        ExecuteAsync(world, """
            INSERT INTO member_identities (id, brand_id, member_id, kind, scope, subject, dealer_id, consumer_id, linked_by, linked_at)
            VALUES (@id, @brandId, @memberId, @kind, @scope, @subject, @dealerId, @consumerId, 'first_sight', @now)
            """,
            new { id = Guid.CreateVersion7(), brandId, memberId, kind, scope, subject, dealerId, consumerId, now = DateTimeOffset.UtcNow });

    /// <summary>A signed-in staff member of the dealer, as the WeCom app calls the API.</summary>
    public static async Task<HttpClient> StaffAsync(TenancyWorld world, Guid brandId, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(world);
        var staffId = await world.StaffOfAsync(dealerId, StaffRoles.ServiceAdvisor);
        var cookie = await MatrixCaller.SessionCookieAsync(
            world.Admin.Host, WeLinkSchemes.Staff, SessionKind.Staff, new StaffSession(staffId, brandId, dealerId, [StaffRoles.ServiceAdvisor]).ToPrincipal());
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = world.Admin.Host.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    public static async Task<JsonElement> ViewAsync(HttpClient staff, Guid memberId)
    {
        ArgumentNullException.ThrowIfNull(staff);
        using var response = await staff.GetAsync(new Uri($"/api/staff/members/{memberId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task ExecuteAsync(TenancyWorld world, string sql, object parameters)
    {
        ArgumentNullException.ThrowIfNull(world);
        await using var connection = await world.Admin.Host.Services.GetRequiredService<IDbConnectionFactory>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }
}
