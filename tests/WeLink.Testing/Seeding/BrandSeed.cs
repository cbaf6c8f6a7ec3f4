using System.Runtime.CompilerServices;

namespace WeLink.Testing.Seeding;

/// <summary>A brand and the dealers to make for it; awaiting it writes them all.</summary>
public sealed class BrandSeed
{
    private readonly Seed _seed;
    private readonly string? _name;
    private readonly Guid? _existingId;
    private readonly List<DealerSeed> _dealers = [];
    private (string AppId, string NickName, string OriginalId)? _miniProgram;

    internal BrandSeed(Seed seed, string? name, Guid? existingId)
    {
        _seed = seed;
        _name = name;
        _existingId = existingId;
    }

    /// <summary>A dealer of the brand named <paramref name="name"/> (also its code unless the dealer is given one).</summary>
    public BrandSeed Dealer(string name, Action<DealerSeed>? configure = null)
    {
        var dealer = new DealerSeed(name);
        configure?.Invoke(dealer);
        _dealers.Add(dealer);
        return this;
    }

    /// <summary>
    /// HQ has authorized the brand's mini program (the consumers' app) with this appid; its pushes reach WeLink only when
    /// <paramref name="originalId"/> is the one the sandbox's mini program has.
    /// </summary>
    public BrandSeed MiniProgram(string appId, string? nickName = null, string? originalId = null)
    {
        _miniProgram = (appId, nickName ?? (_name ?? "Brand") + " mini program", originalId ?? "gh_" + appId[2..]);
        return this;
    }

    public TaskAwaiter<SeededBrand> GetAwaiter() => _seed.RunAsync(PlantAsync).GetAwaiter();

    private async Task<SeededBrand> PlantAsync(SeedStores stores)
    {
        var brandId = _existingId ?? (await stores.Brands.CreateAsync(SeedStores.Platform, _name!, CancellationToken.None)
            ?? throw new InvalidOperationException($"A brand named {_name} already exists: brand names are unique."))
            .Id;
        if (_miniProgram is { } miniProgram
            && !await stores.MiniPrograms.SaveAsync(brandId, miniProgram.AppId, miniProgram.NickName, miniProgram.OriginalId, stores.Time.GetUtcNow(), CancellationToken.None))
        {
            throw new InvalidOperationException($"Another brand already has the mini program {miniProgram.AppId}.");
        }

        var dealers = new List<SeededDealer>();
        foreach (var dealer in _dealers)
        {
            dealers.Add(await dealer.PlantAsync(stores, brandId));
        }

        return new SeededBrand(brandId, _name, dealers);
    }
}
