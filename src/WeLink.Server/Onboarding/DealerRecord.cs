namespace WeLink.Server.Onboarding;

/// <summary>A row of <c>dealers</c> as onboarding needs it.</summary>
public sealed record DealerRecord(Guid Id, Guid BrandId, string Name, string Status)
{
    /// <summary>Only an approved dealer may go live (HQ approves; see docs/domain.md, "Tenancy").</summary>
    public bool IsApproved => Status == "approved";
}
