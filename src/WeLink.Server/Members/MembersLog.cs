namespace WeLink.Server.Members;

internal static partial class MembersLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "A {Kind} sighting raced another writer (attempt {Attempt}); looking again")]
    public static partial void SightingRaced(this ILogger logger, string kind, int attempt);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Member {MemberId} confirmed phone {MaskedPhone} ({Source}); merged: {Merged}")]
    public static partial void PhoneConfirmed(this ILogger logger, Guid memberId, string maskedPhone, string source, bool merged);
}
