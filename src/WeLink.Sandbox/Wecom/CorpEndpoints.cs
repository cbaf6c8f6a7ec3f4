using System.Globalization;
using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wecom;

/// <summary>WeCom APIs called with an authorized corp's token (protocol.md §3.6).</summary>
public static class CorpEndpoints
{
    /// <summary>A pending_id stands for its person this long (WeCom doc 97108).</summary>
    public static readonly TimeSpan PendingIdLifetime = TimeSpan.FromDays(90);

    /// <summary>external_userid_to_pending_id takes at most this many contacts a call.</summary>
    public const int PendingIdBatchLimit = 100;

    /// <summary>A response_code may update its card once, within this time.</summary>
    public static readonly TimeSpan ResponseCodeLifetime = TimeSpan.FromHours(72);

    private static readonly HashSet<string> InteractiveCards = ["button_interaction", "vote_interaction", "multiple_interaction"];
    private static readonly HashSet<string> MessageTypes = ["text", "textcard", "template_card", "markdown", "news", "mpnews"];

    public static IEndpointRouteBuilder MapCorpEndpoints(this IEndpointRouteBuilder wecom)
    {
        var api = wecom.MapGroup("/cgi-bin");
        api.MapPost("/message/send", SendAsync);
        api.MapPost("/message/update_template_card", UpdateTemplateCardAsync);
        api.MapGet("/user/get", GetUser);
        api.MapGet("/user/simplelist", ListDepartmentMembers);
        api.MapGet("/externalcontact/get", GetExternalContact);
        api.MapPost("/idconvert/unionid_to_external_userid", UnionIdToExternalUserIdAsync);
        api.MapPost("/idconvert/batch/external_userid_to_pending_id", ExternalUserIdToPendingIdAsync);
        api.MapGet("/get_jsapi_ticket", GetJsapiTicket);
        api.MapGet("/ticket/get", GetAgentConfigTicket);
        return wecom;
    }

    public static async Task<IResult> SendAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, MessageLog messages, CancellationToken cancellationToken)
    {
        var (installation, body, refusal) = await AuthorizeAsync(request, credentials, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body.NumberField("agentid") != installation!.AgentId)
        {
            return Refusals.Corp.AgentId.Answer();
        }

        var msgType = body.TextField("msgtype");
        if (msgType is null || !MessageTypes.Contains(msgType) || body.ObjectField(msgType) is not { } payload)
        {
            return Refusals.Corp.MessageType.Answer();
        }

        var interactive = false;
        if (msgType == "template_card")
        {
            var cardType = payload.TextField("card_type") ?? "";
            interactive = InteractiveCards.Contains(cardType) || payload.Has("action_menu");
            if (interactive && string.IsNullOrEmpty(payload.TextField("task_id")))
            {
                return Refusals.Corp.TaskIdMissing.Answer();
            }
        }

        var staff = world.StaffOf(installation.CorpId).Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
        var requested = body.TextField("touser") ?? "";
        var recipients = requested == "@all" ? [.. staff] : requested.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var valid = recipients.Where(staff.Contains).ToList();
        var invalid = recipients.Where(u => !staff.Contains(u)).ToList();
        if (valid.Count == 0)
        {
            return Refusals.Corp.NoValidRecipient.Answer();
        }

        var message = messages.Record("wecom/message/send", installation.CorpId, valid, msgType, body);
        var responseCode = interactive
            ? credentials.CardResponseCodes.Issue(new CardResponseGrant(installation.CorpId, message.MsgId), ResponseCodeLifetime)
            : null;
        return WxResults.Json(
            new AppMessageSendResponse(0, "ok", string.Join('|', invalid), "", "", "", message.MsgId, responseCode),
            WireJsonContext.Default.AppMessageSendResponse);
    }

    public static async Task<IResult> UpdateTemplateCardAsync(
        HttpRequest request, SandboxCredentials credentials, MessageLog messages, CancellationToken cancellationToken)
    {
        var (installation, body, refusal) = await AuthorizeAsync(request, credentials, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body.NumberField("agentid") != installation!.AgentId)
        {
            return Refusals.Corp.AgentId.Answer();
        }

        var redemption = credentials.CardResponseCodes.Redeem(body.TextField("response_code"));
        if (redemption.Payload is not { } grant || grant.CorpId != installation.CorpId)
        {
            return Refusals.Corp.ResponseCodeInvalid.Answer();
        }

        var userIds = body.TryGetProperty("userids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Select(id => id.GetString() ?? "")]
            : Array.Empty<string>();
        messages.Record("wecom/message/update_template_card", installation.CorpId, userIds, "template_card", body);
        return WxResults.Json(
            new AppMessageSendResponse(0, "ok", "", "", "", "", grant.MessageId, null),
            WireJsonContext.Default.AppMessageSendResponse);
    }

    public static IResult GetUser(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        if (!check.IsValid)
        {
            return WxResults.CorpToken(check);
        }

        if (world.FindStaff(check.Subject, request.Query["userid"].FirstOrDefault() ?? "") is not { } staff)
        {
            return Refusals.Corp.UserUnknown.Answer();
        }

        return WxResults.Json(
            new CorpUserResponse(0, "ok", staff.UserId, staff.OpenUserId, staff.Name, staff.Departments, staff.Departments[0], staff.Position, 1),
            WireJsonContext.Default.CorpUserResponse);
    }

    /// <summary>The members of a department, and with fetch_child=1 of its sub-departments too.</summary>
    public static IResult ListDepartmentMembers(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        if (!check.IsValid)
        {
            return WxResults.CorpToken(check);
        }

        var corp = world.Snapshot().Corps.FirstOrDefault(c => c.Corp.CorpId == check.Subject);
        if (corp is null
            || !int.TryParse(request.Query["department_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var departmentId)
            || corp.Departments.All(d => d.Id != departmentId))
        {
            return Refusals.Corp.DepartmentUnknown.Answer();
        }

        HashSet<int> wanted = [departmentId];
        if (request.Query["fetch_child"] == "1")
        {
            // Departments are few: sweep until a pass adds no child of a wanted department.
            var grew = true;
            while (grew)
            {
                grew = false;
                foreach (var department in corp.Departments.Where(d => wanted.Contains(d.ParentId)))
                {
                    grew |= wanted.Add(department.Id);
                }
            }
        }

        var members = corp.Staff
            .Where(s => s.Departments.Any(wanted.Contains))
            .Select(s => new SimpleUser(s.UserId, s.Name, s.Departments, s.OpenUserId))
            .ToList();
        return WxResults.Json(new SimpleUserListResponse(0, "ok", members), WireJsonContext.Default.SimpleUserListResponse);
    }

    public static IResult GetExternalContact(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        if (!check.IsValid)
        {
            return WxResults.CorpToken(check);
        }

        if (world.FindExternalContact(check.Subject, request.Query["external_userid"].FirstOrDefault() ?? "") is not { FollowUserIds.Count: > 0 } contact)
        {
            return Refusals.Corp.NotExternalContact.Answer();
        }

        var consumer = world.FindConsumer(contact.ConsumerId);
        return WxResults.Json(
            new ExternalContactResponse(
                0,
                "ok",
                new ExternalContactInfo(contact.ExternalUserId, contact.Name, 1, 0, consumer?.AvatarUrl ?? ""),
                [.. contact.FollowUserIds.Select(u => new FollowUser(u, contact.RemarkOf(u), "", contact.AddedAt.ToUnixTimeSeconds(), 1))]),
            WireJsonContext.Default.ExternalContactResponse);
    }

    /// <summary>
    /// idconvert/unionid_to_external_userid (WeCom doc 97108, protocol-wave2.md §7.3): only subject_type 0 converts — the
    /// sandbox models no provider subject, so subject_type 1 never matches.
    /// </summary>
    public static async Task<IResult> UnionIdToExternalUserIdAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (installation, body, refusal) = await AuthorizeAsync(request, credentials, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (unionId, openId, subjectType) = (body.TextField("unionid"), body.TextField("openid"), body.NumberField("subject_type"));
        if (string.IsNullOrEmpty(unionId) || string.IsNullOrEmpty(openId) || subjectType is not (0 or 1))
        {
            return Refusals.Corp.IdConvertParameter.Answer();
        }

        var conversion = subjectType == 0
            ? world.ConvertUnionId(installation!.CorpId, unionId, openId, PendingIdLifetime)
            : new UnionIdConversion(UnionIdConversionOutcome.Mismatch);
        return conversion.Outcome == UnionIdConversionOutcome.Mismatch
            ? Refusals.Corp.UnionIdSubjectMismatch.Answer()
            : WxResults.Json(
                new UnionIdToExternalUserIdResponse(0, "ok", conversion.ExternalUserId, conversion.PendingId),
                WireJsonContext.Default.UnionIdToExternalUserIdResponse);
    }

    /// <summary>idconvert/batch/external_userid_to_pending_id: 1–100 contacts; chat_id is accepted and not checked (the sandbox has no group chats).</summary>
    public static async Task<IResult> ExternalUserIdToPendingIdAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (installation, body, refusal) = await AuthorizeAsync(request, credentials, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!body.TryGetProperty("external_userid", out var ids) || ids.ValueKind != JsonValueKind.Array
            || ids.GetArrayLength() is 0 or > PendingIdBatchLimit || ids.EnumerateArray().Any(id => id.ValueKind != JsonValueKind.String))
        {
            return Refusals.Corp.PendingIdBatch.Answer();
        }

        var found = world.PendingIdsOf(installation!.CorpId, ids.EnumerateArray().Select(id => id.GetString()!), PendingIdLifetime);
        return WxResults.Json(
            new PendingIdListResponse(0, "ok", [.. found.Select(f => new PendingIdItem(f.ExternalUserId, f.PendingId))]),
            WireJsonContext.Default.PendingIdListResponse);
    }

    /// <summary>The corp's JS-SDK ticket: 7200 s of life, for the corp token's corp (protocol-wave2.md §6.1).</summary>
    public static IResult GetJsapiTicket(HttpRequest request, SandboxCredentials credentials)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        return check.IsValid ? Ticket(credentials, TokenKind.CorpJsapiTicket, check.Subject) : WxResults.CorpToken(check);
    }

    /// <summary>The app's JS-SDK ticket in the corp; <c>type=agent_config</c> is the only type.</summary>
    public static IResult GetAgentConfigTicket(HttpRequest request, SandboxCredentials credentials)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        return !check.IsValid ? WxResults.CorpToken(check)
            : request.Query["type"] != "agent_config" ? Refusals.Corp.TicketType.Answer()
            : Ticket(credentials, TokenKind.AgentConfigTicket, check.Subject);
    }

    private static IResult Ticket(SandboxCredentials credentials, TokenKind kind, string corpId)
    {
        var ticket = credentials.Tokens.Issue(kind, corpId);
        return WxResults.Json(new JsapiTicketResponse(0, "ok", ticket.Value, ticket.ExpiresInSeconds), WireJsonContext.Default.JsapiTicketResponse);
    }

    private static async Task<(Installation? Installation, JsonElement Body, IResult? Refusal)> AuthorizeAsync(
        HttpRequest request, SandboxCredentials credentials, CancellationToken cancellationToken)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.CorpAccessToken);
        if (!check.IsValid)
        {
            return (null, default, WxResults.CorpToken(check));
        }

        if (await WxResults.ReadObjectAsync(request, cancellationToken) is not { } body)
        {
            return (null, default, WxResults.BadJson());
        }

        // An uninstall revokes the corp's tokens, so a live corp token always belongs to a live installation.
        var installation = credentials.Grants.FindInstallation(check.Subject) is { Active: true } live
            ? live
            : throw new InvalidOperationException($"A live corp token names corp '{check.Subject}', which has no live installation.");
        return (installation, body, null);
    }
}
