namespace WeLink.Sandbox.World;

/// <summary>
/// Everything <see cref="SandboxWorld"/> knows, as plain lists, so the world can be written to a file and read back
/// exactly: the same ids, openids, unionids, follows and consents, and what consumers wrote (<c>Written</c>, null in a
/// file saved before it was kept).
/// </summary>
public sealed record WorldState(
    IReadOnlyList<Owner> Owners,
    IReadOnlyList<OfficialAccount> Accounts,
    IReadOnlyList<Consumer> Consumers,
    IReadOnlyList<OpenIdEntry> OpenIds,
    IReadOnlyList<UnionIdEntry> UnionIds,
    IReadOnlyList<FollowEntry> Follows,
    IReadOnlyList<InteractionEntry> Interactions,
    IReadOnlyList<SubscriptionEntry> Subscriptions,
    IReadOnlyList<MenuEntry> Menus,
    IReadOnlyList<QrCode> QrCodes,
    IReadOnlyList<CorpSnapshot> Corps,
    IReadOnlyList<WrittenMessage>? Written = null,
    IReadOnlyList<OpenAccount>? OpenAccounts = null,
    IReadOnlyList<PendingIdEntry>? PendingIds = null);

public sealed record OpenIdEntry(string AppId, string ConsumerId, string OpenId);

/// <summary><paramref name="OwnerId"/> names the open-platform account: its owner for the owner's own, else its open appid.</summary>
public sealed record UnionIdEntry(string OwnerId, string ConsumerId, string UnionId);

public sealed record FollowEntry(string AppId, string OpenId, Follow Follow);

public sealed record InteractionEntry(string AppId, string OpenId, DateTimeOffset At);

/// <summary>How many subscribe-notice sends the consumer has consented to and not yet used.</summary>
public sealed record SubscriptionEntry(string AppId, string OpenId, string TemplateId, int Left);

public sealed record MenuEntry(string AppId, string MenuJson);

/// <summary>
/// What a consumer wrote to an official account, as their own phone shows it: a text (<c>Kind</c> text), or a picture or
/// voice (image, voice) whose file WeChat keeps for the account as temporary media under <c>MediaId</c>.
/// </summary>
/// <summary>A file an account uploaded with media/upload (<paramref name="Type"/> image, voice, video or thumb).</summary>
public sealed record UploadedMedia(string AppId, string MediaId, string Type, DateTimeOffset At);

public sealed record WrittenMessage(string AppId, string OpenId, string Content, DateTimeOffset At, string Kind = "text", string? MediaId = null);
