namespace WeLink.Server.Onboarding.Contracts;

/// <summary>Which brand's mini program an appid is, for the consumers' sign-in and the messages that open its pages.</summary>
public interface IBrandMiniPrograms
{
    /// <summary>Null when no brand authorized this appid.</summary>
    Task<BrandMiniProgram?> FindByAppIdAsync(string appId, CancellationToken cancellationToken);

    /// <summary>Null when the brand has not authorized a mini program.</summary>
    Task<BrandMiniProgram?> FindOfBrandAsync(Guid brandId, CancellationToken cancellationToken);
}
