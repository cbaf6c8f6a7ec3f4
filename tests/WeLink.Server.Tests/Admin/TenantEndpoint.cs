using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeLink.Server.Admin.Api;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Complaints;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Members.Api;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// One row of the isolation matrix: a route as the matrix calls it, with its method and path template, the roles its
/// policy lets in and a body to send. The template names what the call reaches: <c>{brandId}</c>, <c>{dealerId}</c>,
/// <c>{id}</c> (a case; on consumer routes a complaint's case), <c>{photoId}</c> (the photo of that complaint) and
/// <c>{staffId}</c> (a staff row of the named dealer) and <c>{memberId}</c> (the member the target's consumer is).
/// The path's prefix says which session the route takes: <c>/api/consumer</c>, <c>/api/staff</c>, else an admin's.
/// </summary>
public sealed partial record TenantEndpoint(string Method, string Template, IReadOnlySet<string> Roles, Func<TenancyWorld, object?> Body)
{
    public const string Trigger = "acknowledge";

    private static readonly IReadOnlySet<string> AnyAdmin = new HashSet<string> { AdminRoles.Platform, AdminRoles.Hq, AdminRoles.Dealer };
    private static readonly IReadOnlySet<string> HqOrPlatform = new HashSet<string> { AdminRoles.Platform, AdminRoles.Hq };
    private static readonly IReadOnlySet<string> PlatformOnly = new HashSet<string> { AdminRoles.Platform };
    private static readonly IReadOnlySet<string> Consumer = new HashSet<string> { MatrixCaller.ConsumerRole };
    private static readonly IReadOnlySet<string> AnyStaff = StaffRoles.All.ToHashSet();

    /// <summary>Admin routes that name a brand or dealer. Add a line here for a new one.</summary>
    public static IReadOnlyList<TenantEndpoint> Tenant { get; } =
    [
        new("GET", "/api/admin/brands/{brandId}", AnyAdmin, _ => null),
        new("GET", "/api/admin/brands/{brandId}/regions", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands/{brandId}/regions", HqOrPlatform, w => new CreateRegionRequest(w.Unique("region"))),
        new("GET", "/api/admin/brands/{brandId}/dealers", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands/{brandId}/dealers", HqOrPlatform, w => new CreateDealerRequest(w.Unique("code"), "New dealer", null)),
        new("POST", "/api/admin/brands/{brandId}/hq-admins", PlatformOnly, w => NewAdmin(w)),
        new("GET", "/api/admin/dealers/{dealerId}", AnyAdmin, _ => null),
        new("POST", "/api/admin/dealers/{dealerId}/approve", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("POST", "/api/admin/dealers/{dealerId}/suspend", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("POST", "/api/admin/dealers/{dealerId}/reinstate", HqOrPlatform, _ => new DealerVersionRequest(1)),
        new("GET", "/api/admin/dealers/{dealerId}/admins", AnyAdmin, _ => null),
        new("POST", "/api/admin/dealers/{dealerId}/admins", HqOrPlatform, w => NewAdmin(w)),
        new("GET", "/api/admin/dealers/{dealerId}/link", AnyAdmin, _ => null),
        new("GET", "/api/admin/dealers/{dealerId}/staff", AnyAdmin, _ => null),
        new("PUT", "/api/admin/dealers/{dealerId}/staff/{staffId}/roles", AnyAdmin, _ => new { roles = new[] { StaffRoles.ServiceAdvisor } }),
        new("PUT", "/api/admin/brands/{brandId}/menu", HqOrPlatform, _ => new { button = new[] { new { type = "click", name = "Complaint", key = "complaint" } } }),
        new("GET", "/onboarding/dealers/{dealerId}/official-account/authorize", AnyAdmin, _ => null),
        new("GET", "/onboarding/dealers/{dealerId}/wecom/install", AnyAdmin, _ => null),
        new("GET", "/onboarding/brands/{brandId}/miniprogram/authorize", HqOrPlatform, _ => null),
        new("GET", "/api/admin/brands/{brandId}/definitions", AnyAdmin, _ => null),
        new("GET", "/api/admin/brands/{brandId}/definitions/{key}/versions/{version}", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands/{brandId}/definitions/{key}/versions", HqOrPlatform, _ => new { expectedCurrentVersion = 1, definition = ShippedComplaint() }),
        new("GET", "/api/admin/brands/{brandId}/definitions/{key}/parameters", AnyAdmin, _ => null),
        new("PUT", "/api/admin/brands/{brandId}/definitions/{key}/parameters", HqOrPlatform, _ => new { parameters = new { } }),
        new("GET", "/api/admin/dealers/{dealerId}/definitions/{key}/parameters", AnyAdmin, _ => null),
        new("PUT", "/api/admin/dealers/{dealerId}/definitions/{key}/parameters", AnyAdmin, _ => new { values = new { } }),
        new("GET", "/api/admin/dealers/{dealerId}/calendar", AnyAdmin, _ => null),
        new("PUT", "/api/admin/dealers/{dealerId}/calendar", AnyAdmin, _ => new { timeZone = "Asia/Shanghai", weeklyHours = new { monday = new[] { "09:00-18:00" } }, version = 0 }),
        new("GET", "/api/admin/brands/{brandId}/holidays", AnyAdmin, _ => null),
        new("PUT", "/api/admin/brands/{brandId}/holidays", HqOrPlatform, _ => new { holidays = new[] { new { date = "2026-10-01", name = "国庆节" } }, version = 0 }),
    ];

    /// <summary>Admin routes that name no brand or dealer: sessions, lists filtered by scope, cases, platform-wide queues.</summary>
    public static IReadOnlyList<TenantEndpoint> AdminWithoutTenant { get; } =
    [
        new("POST", "/api/admin/login", AnyAdmin, _ => new { email = "nobody@welink.test", password = "not-the-password" }) { Anonymous = true },
        new("POST", "/api/admin/logout", AnyAdmin, _ => null) { EndsSession = true },
        new("GET", "/api/admin/me", AnyAdmin, _ => null),
        new("GET", "/api/admin/brands", AnyAdmin, _ => null),
        new("POST", "/api/admin/brands", PlatformOnly, w => new CreateBrandRequest(w.Unique("brand"))),
        new("GET", "/api/admin/admin-users", AnyAdmin, _ => null),
        new("POST", "/api/admin/admin-users/{userId}/disable", HqOrPlatform, _ => null),
        new("DELETE", "/api/admin/admin-users/{userId}/sign-in-throttle", PlatformOnly, _ => null),
        new("GET", "/api/admin/audit", HqOrPlatform, _ => null),
        new("GET", "/api/admin/cases/{id}", AnyAdmin, _ => null),
        new("GET", "/api/admin/inbox", PlatformOnly, _ => null) { Query = "?status=parked" },
        new("POST", "/api/admin/inbox/{id}/retry", PlatformOnly, _ => null) { PlatformWide = true },
        new("GET", "/api/admin/outbox", PlatformOnly, _ => null),
        new("POST", "/api/admin/outbox/{id}/retry", PlatformOnly, _ => null) { PlatformWide = true },
    ];

    /// <summary>Every consumer and staff route.</summary>
    public static IReadOnlyList<TenantEndpoint> ConsumerAndStaff { get; } =
    [
        new("GET", "/api/consumer/me", Consumer, _ => null),
        new("POST", "/api/consumer/signout", Consumer, _ => null) { EndsSession = true },
        new("POST", "/api/consumer/miniprogram/sessions", Consumer, _ => new { appId = "wxnotaminiprogram", code = "made-up" }) { Anonymous = true },
        new("POST", "/api/consumer/miniprogram/sessions/refresh", Consumer, _ => new { refreshToken = "made-up" }) { Anonymous = true },
        new("GET", "/api/consumer/dealers", Consumer, _ => null),
        new("GET", "/api/consumer/miniprogram/subscriptions", Consumer, _ => null),
        new("POST", "/api/consumer/miniprogram/sessions/dealer", Consumer, _ => new { dealerId = Guid.NewGuid() }),
        new("POST", "/api/consumer/complaints", Consumer, _ => new FileComplaintRequest("服务态度", "The car came back unwashed.", "normal", null)),
        new("GET", "/api/consumer/complaints", Consumer, _ => null),
        new("GET", "/api/consumer/complaints/categories", Consumer, _ => null),
        new("GET", "/api/consumer/complaints/severities", Consumer, _ => null),
        new("GET", "/api/consumer/complaints/{id}", Consumer, _ => null),
        new("POST", "/api/consumer/complaints/{id}/information", Consumer, _ => new ProvideInformationRequest("The blue one.")),
        new("POST", "/api/consumer/complaints/{id}/cancel", Consumer, _ => null),
        new("POST", "/api/consumer/complaints/{id}/survey", Consumer, _ => new SurveyRequest(5, 9)),
        new("POST", "/api/consumer/uploads", Consumer, _ => PhotoForm()),
        new("GET", "/api/consumer/uploads/{photoId}", Consumer, _ => null),
        new("GET", "/api/consumer/member", Consumer, _ => null),
        new("POST", "/api/consumer/member/join", Consumer, _ => new JoinRequest("made-up", null, [new ConsentAnswerRequest("service", true)], "2026-12")),
        new("GET", "/api/consumer/member/card", Consumer, _ => null),
        new("PUT", "/api/consumer/member/home-dealer", Consumer, w => new HomeDealerRequest(w.A1.Id)),
        new("GET", "/api/consumer/member/consents", Consumer, _ => null),
        new("POST", "/api/consumer/member/consents", Consumer, _ => new ConsentsRequest([new ConsentAnswerRequest("marketing", false)], "2026-12")),
        new("GET", "/api/consumer/member/profile", Consumer, _ => null),
        new("PUT", "/api/consumer/member/profile", Consumer, _ => new ProfileCorrection("王芳")),
        new("GET", "/api/consumer/member/export", Consumer, _ => null),
        new("POST", "/api/consumer/member/delete", Consumer, _ => new DeletionRequest(false)),
        new("GET", "/api/staff/me", AnyStaff, _ => null),
        new("POST", "/api/staff/signout", AnyStaff, _ => null) { EndsSession = true },
        new("GET", "/api/staff/dealer/staff", AnyStaff, _ => null) { Query = "?role=service-advisor" },
        // Another site's page: the handler judges the URL (422) before it asks WeCom for tickets the matrix's corps cannot have.
        new("GET", "/api/staff/app/config", AnyStaff, _ => null) { Query = "?url=https%3A%2F%2Fevil.example%2F" },
        new("GET", "/api/staff/cases", AnyStaff, _ => null) { Query = "?view=dealer" },

        // The matrix's corps are seeded without WeCom's permanent code, so the contact lookup answers 409 (app not installed).
        new("GET", "/api/staff/contacts/{externalUserId}", AnyStaff, _ => null),
        new("GET", "/api/staff/cases/{id}", AnyStaff, _ => null),
        new("POST", "/api/staff/cases/{id}/claim", AnyStaff, _ => null),
        new("POST", "/api/staff/cases/{id}/reassign", AnyStaff, _ => new ReassignRequest(null, StaffRoles.ServiceManager)),
        new("POST", "/api/staff/cases/{id}/notes", AnyStaff, _ => new NoteRequest("Called the consumer back.")),
        new("GET", "/api/staff/cases/{id}/transitions", AnyStaff, _ => null),
        new("POST", "/api/staff/cases/{id}/transitions/{trigger}", AnyStaff, _ => new { }),
        new("GET", "/api/staff/uploads/{photoId}", AnyStaff, _ => null),
        new("GET", "/api/staff/conversations", AnyStaff, _ => null) { Query = "?view=all" },
        new("GET", "/api/staff/conversations/complaint-categories", AnyStaff, _ => null),
        new("GET", "/api/staff/conversations/{conversationId}", AnyStaff, _ => null),
        new("GET", "/api/staff/conversations/{conversationId}/media/{messageId}", AnyStaff, _ => null),
        new("POST", "/api/staff/conversations/{conversationId}/replies", AnyStaff, _ => new { text = "您好，请问有什么可以帮您？" }),
        new("POST", "/api/staff/conversations/{conversationId}/invitations", AnyStaff, _ => null),
        new("POST", "/api/staff/conversations/{conversationId}/complaint", AnyStaff, _ => new { category = "维修质量", severity = "normal" }),
        new("POST", "/api/staff/conversations/{conversationId}/close", AnyStaff, _ => null),
        new("GET", "/api/staff/members/{memberId}", AnyStaff, _ => null),
        // A made-up code and a number that is no mobile: the handlers judge them (422) and nothing changes.
        new("POST", "/api/staff/members/scan", AnyStaff, _ => new { code = "WLM1.100001.1800000000.made-up" }),
        new("POST", "/api/staff/members/{memberId}/phone", AnyStaff, _ => new { phone = "12345" }),
        // As the contact lookup: WeCom cannot be asked for the matrix's contact (no permanent code), so 409.
        new("GET", "/api/staff/members/by-contact/{externalUserId}", AnyStaff, _ => null),
        new("POST", "/api/staff/members/{memberId}/vehicles", AnyStaff, _ => new { model = "Aurora S", vin = "LSVAB1234CD567890" }),
    ];

    /// <summary>
    /// The whole matrix. <c>Every_consumer_staff_and_admin_route_is_in_the_matrix</c> fails while a mapped route has no row
    /// here, and while a row names a route that is not mapped.
    /// </summary>
    public static IReadOnlyList<TenantEndpoint> All { get; } = [.. Tenant, .. AdminWithoutTenant, .. ConsumerAndStaff];

    /// <summary>The route runs without a session (sign-in); the session tests skip it.</summary>
    public bool Anonymous { get; init; }

    /// <summary>The route's <c>{id}</c> names platform-wide data (callback inbox events, outbox items), not a tenant's case.</summary>
    public bool PlatformWide { get; init; }

    /// <summary>The route revokes the session it is called with (sign-out); it is sent with a fork of the caller's session.</summary>
    public bool EndsSession { get; init; }

    /// <summary>A query string sent with the call, e.g. the widest inbox view.</summary>
    public string Query { get; init; } = "";

    public static TheoryData<string> Names => [.. All.Select(e => e.Name)];

    public static TheoryData<string> SessionNames => [.. All.Where(e => !e.Anonymous).Select(e => e.Name)];

    public static TheoryData<string> OwnDataNames => [.. All.Where(e => !e.Anonymous && !e.PlatformWide).Select(e => e.Name)];

    public string Name => $"{Method} {Template}";

    public MatrixDoor Door =>
        Template.StartsWith("/api/consumer/", StringComparison.Ordinal) ? MatrixDoor.Consumer
        : Template.StartsWith("/api/staff/", StringComparison.Ordinal) ? MatrixDoor.Staff
        : MatrixDoor.Admin;

    public bool NamesBrand => Template.Contains("{brandId}", StringComparison.Ordinal);

    /// <summary>The route names a dealer, or an admin account of one (<c>{userId}</c>: a dealer admin of the target's dealer).</summary>
    public bool NamesDealer => Template.Contains("{dealerId}", StringComparison.Ordinal) || NamesAdmin;

    private bool NamesAdmin => Template.Contains("{userId}", StringComparison.Ordinal);

    /// <summary>The route names a case, or a conversation (<c>{conversationId}</c>) of a consumer of the target's dealer.</summary>
    public bool NamesCase => !PlatformWide && (Template.Contains("{id}", StringComparison.Ordinal) || NamesConversation);

    private bool NamesConversation => Template.Contains("{conversationId}", StringComparison.Ordinal);

    public bool NamesPhoto => Template.Contains("{photoId}", StringComparison.Ordinal);

    /// <summary>The route names a member: one person of the brand, whom every dealer of the brand may look up (sharing decides what they see).</summary>
    public bool NamesMember => Template.Contains("{memberId}", StringComparison.Ordinal);

    /// <summary>The rows of a door that name something a caller may or may not reach.</summary>
    public static TheoryData<string> TargetNames(MatrixDoor door) =>
        [.. All.Where(e => e.Door == door && (e.NamesBrand || e.NamesDealer || e.NamesCase || e.NamesPhoto || e.NamesMember)).Select(e => e.Name)];

    public static TenantEndpoint Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The row name of a mapped route: POST and "/api/admin/dealers/{dealerId:guid}/approve" → "POST /api/admin/dealers/{dealerId}/approve".</summary>
    public static string NameOf(string method, string pattern) => $"{method} {RouteConstraint().Replace(pattern, "{$1}").TrimEnd('/')}";

    /// <summary>Whether calling this route on <paramref name="target"/> reaches beyond what is the caller's own.</summary>
    public bool ReachesBeyond(MatrixTarget own, MatrixTarget target)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(target);
        return (NamesBrand && target.BrandId != own.BrandId) || (NamesDealer && target.DealerId != own.DealerId) || (NamesCase && target.CaseId != own.CaseId)
            || (NamesPhoto && target.PhotoId != own.PhotoId)
            || (NamesConversation && target.ConversationId != own.ConversationId)
            || (NamesMember && target.BrandId != own.BrandId);
    }

    public string PathFor(MatrixTarget target, Guid staffId, Guid adminId = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Template.Replace("{brandId}", target.BrandId.ToString(), StringComparison.Ordinal)
            .Replace("{dealerId}", target.DealerId.ToString(), StringComparison.Ordinal)
            .Replace("{id}", target.CaseId.ToString(), StringComparison.Ordinal)
            .Replace("{photoId}", target.PhotoId.ToString(), StringComparison.Ordinal)
            .Replace("{conversationId}", target.ConversationId.ToString(), StringComparison.Ordinal)
            .Replace("{messageId}", target.MessageId.ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", target.MemberId.ToString(), StringComparison.Ordinal)
            .Replace("{staffId}", staffId.ToString(), StringComparison.Ordinal)
            .Replace("{userId}", adminId.ToString(), StringComparison.Ordinal)
            .Replace("{trigger}", Trigger, StringComparison.Ordinal)
            .Replace("{externalUserId}", "wmMatrixContact", StringComparison.Ordinal)
            .Replace("{key}", ComplaintDefinition.Key, StringComparison.Ordinal)
            .Replace("{version}", "1", StringComparison.Ordinal) + Query;
    }

    /// <summary>
    /// The path that calls the route on the target; a route naming a staff member gets a real staff row of the dealer it
    /// names, and one naming an admin account a new dealer admin of it (so that disabling one takes nobody's session).
    /// </summary>
    public async Task<string> PathForAsync(TenancyWorld world, MatrixTarget target)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(target);
        var staffId = Template.Contains("{staffId}", StringComparison.Ordinal) ? await world.StaffOfAsync(target.DealerId) : Guid.Empty;
        var adminId = NamesAdmin ? await world.DealerAdminOfAsync(target.DealerId) : Guid.Empty;
        return PathFor(target, staffId, adminId);
    }

    /// <summary>
    /// Calls the route on the target (<see cref="PathForAsync"/>) with the session in <paramref name="cookie"/> (none when
    /// null); every write carries a fresh Idempotency-Key.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, string? cookie, TenancyWorld world, MatrixTarget target)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(world);
        using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(await PathForAsync(world, target), UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", EndsSession ? await MatrixSessions.ForkAsync(world.Admin.Host, cookie) : cookie);
        }

        if (Method != "GET")
        {
            request.Headers.Add(IdempotencyKey.Header, world.Unique("matrix"));
        }

        if (Body(world) is { } body)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: AdminClient.Json);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The shipped complaint definition (v1, as every brand starts) as a JSON body.</summary>
    private static JsonNode ShippedComplaint() =>
        JsonNode.Parse(
            ShippedDefinition.FromEmbeddedResource(typeof(ComplaintDefinition).Assembly, ComplaintDefinition.ResourceName).Json,
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

    /// <summary>A photo as <c>wx.uploadFile</c> sends it.</summary>
    private static MultipartFormDataContent PhotoForm()
    {
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "matrix.jpg" } };
    }

    private static CreateAdminUserRequest NewAdmin(TenancyWorld world)
    {
        var name = world.Unique("admin");
        return new CreateAdminUserRequest($"{name}@welink.test", name, TenancyWorld.Password);
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
