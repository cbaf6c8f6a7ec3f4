namespace WeLink.Server.Tenancy.Contracts;

/// <summary>A dealer as HQ registered it: its brand, its name and its <see cref="DealerStatus"/>.</summary>
public sealed record RegisteredDealer(Guid DealerId, Guid BrandId, string Name, string Status)
{
    /// <summary>Only an approved dealer may go live: take consumers' requests and send messages.</summary>
    public bool IsLive => Status == DealerStatus.Approved;
}
