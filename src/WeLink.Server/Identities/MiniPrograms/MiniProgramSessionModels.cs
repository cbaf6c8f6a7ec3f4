using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Identities.MiniPrograms;

/// <param name="AppId">The mini program's appid (the page reads it from its account info).</param>
/// <param name="Code">What wx.login returned: single use, valid 5 minutes.</param>
/// <param name="DealerId">The dealer whose menu or message the consumer came from (the page path's dealerId), or null.</param>
public sealed record MiniProgramSignInRequest([StringLength(TextLimits.Code)] string? AppId, [StringLength(TextLimits.Code)] string? Code, Guid? DealerId);

public sealed record MiniProgramRefreshRequest([StringLength(TextLimits.Code)] string? RefreshToken);

public sealed record MiniProgramDealerRequest(Guid? DealerId);

/// <summary>A new token pair: the access token for <c>Authorization: Bearer</c>, the refresh token for one refresh.</summary>
/// <param name="AccessToken">Accepted by <c>/api/consumer/*</c> for <paramref name="ExpiresIn"/> seconds.</param>
/// <param name="RefreshToken">Good for one <c>sessions/refresh</c> within 30 days; spent by its use.</param>
/// <param name="ExpiresIn">Seconds the access token lives.</param>
/// <param name="BrandId">The brand whose mini program this is.</param>
/// <param name="DealerId">The dealer in context, or null until the consumer picks one.</param>
public sealed record MiniProgramSessionResponse(string AccessToken, string RefreshToken, int ExpiresIn, Guid BrandId, Guid? DealerId);
