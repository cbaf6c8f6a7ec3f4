using WeLink.Server.Identities;

namespace WeLink.Server.Tests.Identities;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/member/card")]
    [InlineData("/cases?mine=1&page=2")]
    public void A_path_on_this_site_is_local(string url) => Assert.True(ReturnUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("member")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/ok\r\nSet-Cookie: x=1")]
    public void Anything_that_could_leave_the_site_is_not_local(string? url) => Assert.False(ReturnUrl.IsLocal(url));
}
