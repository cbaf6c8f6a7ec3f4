namespace WeLink.Sandbox.Credentials;

/// <summary>
/// Every token, ticket, grant and code the sandbox has handed out, as plain data: what WeLink holds (refresh tokens,
/// permanent codes, stored tickets) must still be honoured after a restart, as the real platforms would. Books added
/// later are optional, so a state file written before them still loads.
/// </summary>
public sealed record CredentialsState(
    TokenBookState Tokens,
    IReadOnlyList<TicketEntry> Tickets,
    GrantBookState Grants,
    IReadOnlyList<CodeEntry<PreAuthGrant>> PreAuthCodes,
    IReadOnlyList<CodeEntry<AuthorizationGrant>> AuthorizationCodes,
    IReadOnlyList<CodeEntry<SuitePreAuthGrant>> SuitePreAuthCodes,
    IReadOnlyList<CodeEntry<InstallGrant>> InstallCodes,
    IReadOnlyList<CodeEntry<ConsumerOAuthGrant>> ConsumerOAuthCodes,
    IReadOnlyList<CodeEntry<StaffOAuthGrant>> StaffOAuthCodes,
    IReadOnlyList<CodeEntry<CardResponseGrant>> CardResponseCodes,
    IReadOnlyList<CodeEntry<StaffOAuthGrant>> UserTickets,
    IReadOnlyList<CodeEntry<MiniProgramLoginGrant>>? MiniProgramLoginCodes = null,
    IReadOnlyList<CodeEntry<PhoneNumberGrant>>? PhoneNumberCodes = null);

public sealed record TokenBookState(IReadOnlyList<TokenEntry> Tokens, IReadOnlyList<CurrentToken> Current);

public sealed record TokenEntry(IssuedToken Token, DateTimeOffset? ReplacedAt, bool Revoked);

/// <summary>The newest token of a subject, whose successor starts its five-minute overlap.</summary>
public sealed record CurrentToken(TokenKind Kind, string Subject, string Value);

public sealed record TicketEntry(string Ticket, TicketKind Kind, DateTimeOffset IssuedAt);

public sealed record GrantBookState(IReadOnlyList<Authorization> Authorizations, IReadOnlyList<Installation> Installations);

public sealed record CodeEntry<TPayload>(string Code, TPayload Payload, DateTimeOffset ExpiresAt, bool Used)
    where TPayload : class;
