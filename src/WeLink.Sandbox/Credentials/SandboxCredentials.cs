using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Credentials;

/// <summary>Every token, ticket, grant and code the sandbox has handed out.</summary>
public sealed class SandboxCredentials(SandboxClock clock)
{
    public TokenBook Tokens { get; } = new(clock);

    public TicketBook Tickets { get; } = new(clock);

    public GrantBook Grants { get; } = new(clock);

    public CodeBook<PreAuthGrant> PreAuthCodes { get; } = new(clock);

    public CodeBook<AuthorizationGrant> AuthorizationCodes { get; } = new(clock);

    public CodeBook<SuitePreAuthGrant> SuitePreAuthCodes { get; } = new(clock);

    public CodeBook<InstallGrant> InstallCodes { get; } = new(clock);

    public CodeBook<ConsumerOAuthGrant> ConsumerOAuthCodes { get; } = new(clock);

    public CodeBook<StaffOAuthGrant> StaffOAuthCodes { get; } = new(clock);

    /// <summary>wx.login codes, redeemed by the component's jscode2session.</summary>
    public CodeBook<MiniProgramLoginGrant> MiniProgramLoginCodes { get; } = new(clock);

    /// <summary>getPhoneNumber button codes, redeemed by the mini program's getuserphonenumber.</summary>
    public CodeBook<PhoneNumberGrant> PhoneNumberCodes { get; } = new(clock);

    public CodeBook<CardResponseGrant> CardResponseCodes { get; } = new(clock);

    /// <summary>WeCom user_ticket from getuserinfo3rd, redeemable for details.</summary>
    public CodeBook<StaffOAuthGrant> UserTickets { get; } = new(clock);

    public CredentialsState Export() => new(
        Tokens.Export(),
        Tickets.Export(),
        Grants.Export(),
        PreAuthCodes.Export(),
        AuthorizationCodes.Export(),
        SuitePreAuthCodes.Export(),
        InstallCodes.Export(),
        ConsumerOAuthCodes.Export(),
        StaffOAuthCodes.Export(),
        CardResponseCodes.Export(),
        UserTickets.Export(),
        MiniProgramLoginCodes.Export(),
        PhoneNumberCodes.Export());

    public void Restore(CredentialsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Tokens.Restore(state.Tokens);
        Tickets.Restore(state.Tickets);
        Grants.Restore(state.Grants);
        PreAuthCodes.Restore(state.PreAuthCodes);
        AuthorizationCodes.Restore(state.AuthorizationCodes);
        SuitePreAuthCodes.Restore(state.SuitePreAuthCodes);
        InstallCodes.Restore(state.InstallCodes);
        ConsumerOAuthCodes.Restore(state.ConsumerOAuthCodes);
        StaffOAuthCodes.Restore(state.StaffOAuthCodes);
        CardResponseCodes.Restore(state.CardResponseCodes);
        UserTickets.Restore(state.UserTickets);
        MiniProgramLoginCodes.Restore(state.MiniProgramLoginCodes ?? []);
        PhoneNumberCodes.Restore(state.PhoneNumberCodes ?? []);
    }

    public void Clear()
    {
        Tokens.Clear();
        Tickets.Clear();
        Grants.Clear();
        PreAuthCodes.Clear();
        AuthorizationCodes.Clear();
        SuitePreAuthCodes.Clear();
        InstallCodes.Clear();
        ConsumerOAuthCodes.Clear();
        StaffOAuthCodes.Clear();
        CardResponseCodes.Clear();
        UserTickets.Clear();
        MiniProgramLoginCodes.Clear();
        PhoneNumberCodes.Clear();
    }
}
