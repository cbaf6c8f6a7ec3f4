using System.Net;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Tests.Tenancy;

public sealed class AdminSignInSourceTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_source_is_the_IPv4_address_or_the_IPv6_clients_64_so_rotating_within_it_gains_nothing(string client, string source)
    {
        Assert.Equal(source, AdminSignInSource.Of(IPAddress.Parse(client)));
    }

    [Fact]
    public void A_request_without_an_address_shares_one_source_with_every_other_such_request()
    {
        Assert.Equal("unknown", AdminSignInSource.Of(null));
    }
}
