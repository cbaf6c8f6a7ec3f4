namespace WeLink.Server.Identities;

/// <summary>Identifiers of people (openid, userid) stay out of the logs; WeLink's own ids identify them.</summary>
internal static partial class IdentitiesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {ConsumerId} signed in to dealer {DealerId}")]
    public static partial void ConsumerSignedIn(this ILogger logger, Guid consumerId, Guid dealerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini-program session {FamilyId} signed in to brand {BrandId} with dealer {DealerId}")]
    public static partial void MiniProgramSignedIn(this ILogger logger, Guid familyId, Guid brandId, Guid? dealerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} of dealer {DealerId} signed in with roles {Roles}")]
    public static partial void StaffSignedIn(this ILogger logger, Guid staffId, Guid dealerId, IReadOnlyList<string> roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} sign-in refused: {Reason}")]
    public static partial void SignInRefused(this ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} sign-in failed at the platform: {Api} answered errcode {Errcode}")]
    public static partial void SignInPlatformFailed(this ILogger logger, string kind, string api, int errcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow event for account {AppId}, which no dealer links; ignored")]
    public static partial void FollowForUnlinkedAccount(this ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No unionid for a follower of account {AppId}: {Api} answered errcode {Errcode}")]
    public static partial void UnionIdRefused(this ILogger logger, string appId, string api, int errcode);

    [LoggerMessage(Level = LogLevel.Information, Message = "No unionid for a follower of account {AppId}: {Reason}")]
    public static partial void UnionIdUnavailable(this ILogger logger, string appId, string reason);
}
